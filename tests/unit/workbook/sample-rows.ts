import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { SheetRow } from '../../../main/workbook/cells';
import { openSource } from '../../../main/workbook/source/open-source';

export const CORPUS = path.join(__dirname, '../../fixtures/corpus');

/** The first rows of a file's first sheet, read the way the importer reads them. */
export async function sampleOf(filePath: string, maxRows = 40): Promise<SheetRow[]> {
  const source = await openSource(filePath, path.basename(filePath));
  const rows: SheetRow[] = [];
  try {
    for await (const batch of source.rows(0, { maxRows })) rows.push(...batch);
  } finally {
    source.close();
  }
  return rows;
}

export async function sampleOfText(text: string | Buffer, fileName = 'sample.csv'): Promise<SheetRow[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ax-wb-'));
  const file = path.join(dir, fileName);
  fs.writeFileSync(file, text);
  try {
    return await sampleOf(file);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
