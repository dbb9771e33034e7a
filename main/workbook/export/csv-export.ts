import fs from 'node:fs';
import type BetterSqlite3 from 'better-sqlite3';
import type { JobContext } from '../jobs';
import { refuse } from '../refusal';
import { tableColumns, tableExists, tableSlices, totalChanges } from './db-slices';
import { csvField } from './escape';

/** One table as CSV: UTF-8 with BOM (Excel then reads accents right), CRLF, text escaped against formula injection. */
export async function writeTableCsv(raw: BetterSqlite3.Database, table: string, filePath: string, job: JobContext): Promise<void> {
  if (!tableExists(raw, table)) refuse(`There is no table named ${table}.`);
  for (let attempt = 0; attempt < 3; attempt++) {
    const before = totalChanges(raw);
    await writeOnce(raw, table, filePath, job);
    if (totalChanges(raw) === before) return;
  }
  refuse('The workspace kept changing during the export; try again when nobody is editing.');
}

async function writeOnce(raw: BetterSqlite3.Database, table: string, filePath: string, job: JobContext): Promise<void> {
  const columns = tableColumns(raw, table).map((c) => c.name);
  const total = (raw.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n;
  const out = fs.createWriteStream(filePath);
  const write = (text: string) => (out.write(text) ? Promise.resolve() : new Promise<void>((resolve) => out.once('drain', () => resolve())));
  try {
    await write('\ufeff' + columns.map((c) => csvField(c)).join(',') + '\r\n');
    let done = 0;
    for await (const slice of tableSlices(raw, table, columns, job.signal)) {
      let text = '';
      for (const values of slice) text += values.map((v) => csvField(v as string | number | null)).join(',') + '\r\n';
      await write(text);
      done += slice.length;
      job.progress(`Writing ${table}`, done, total);
    }
  } finally {
    await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
  }
}
