import path from 'node:path/posix';
import zlib from 'node:zlib';
import type { FileFormat } from '../../../shared/contract/workbook';
import { refuse, SAVE_AS_HINT } from '../refusal';
import type { FileBytes } from './file-bytes';
import { attr, findTags } from './xml-lite';
import { readEntry } from './zip-entry-reader';
import type { ZipEntry } from './zip-directory';

export interface OoxmlSheet {
  name: string;
  hidden: boolean;
  part: ZipEntry;
}

export interface OoxmlPackage {
  format: FileFormat;
  date1904: boolean;
  sheets: OoxmlSheet[];
  sharedStrings: ZipEntry | null;
  styles: ZipEntry | null;
}

const INCOMPLETE = `The workbook is incomplete: parts every workbook has are missing, so it cannot be read. ${SAVE_AS_HINT}`;

/**
 * Finds the workbook's sheets the way the package's relationships say, not by guessing paths, so
 * files from any writer (odd folder names, strict OOXML, absolute targets) are read alike.
 */
export function readOoxmlPackage(bytes: FileBytes, entries: ZipEntry[], fileName: string): OoxmlPackage {
  const byName = new Map(entries.map((e) => [e.name.replace(/^\/+/, '').toLowerCase(), e]));
  const find = (name: string) => byName.get(name.replace(/^\/+/, '').toLowerCase()) ?? null;
  const text = (entry: ZipEntry) => readEntry(bytes, entry).toString('utf8');

  const contentTypes = find('[Content_Types].xml');
  const types = contentTypes ? findTags(text(contentTypes), 'Override') : [];
  const typeOf = (part: string) => types.find((t) => (t.get('PartName') ?? '').replace(/^\/+/, '').toLowerCase() === part.toLowerCase())?.get('ContentType') ?? '';

  let mainPath: string | null = null;
  const rootRels = find('_rels/.rels');
  if (rootRels) {
    const main = findTags(text(rootRels), 'Relationship').find((r) => (r.get('Type') ?? '').endsWith('/officeDocument'));
    if (main?.get('Target')) mainPath = resolveTarget('', main.get('Target')!);
  }
  mainPath ??= find('xl/workbook.xml') ? 'xl/workbook.xml' : null;
  const mainType = mainPath ? typeOf(mainPath) : '';
  if (mainType.includes('wordprocessingml') || find('word/document.xml')) refuse('This file is a Word document, not a spreadsheet.');
  if (mainType.includes('presentationml') || find('ppt/presentation.xml')) refuse('This file is a PowerPoint presentation, not a spreadsheet.');
  if (mainType.includes('sheet.binary') || (mainPath ?? '').toLowerCase().endsWith('.bin')) {
    refuse(`This is an Excel binary workbook (.xlsb), which AX Workbench cannot read. ${SAVE_AS_HINT}`);
  }
  const workbookEntry = mainPath ? find(mainPath) : null;
  if (!workbookEntry) refuse(INCOMPLETE);

  const workbookXml = text(workbookEntry);
  const workbookPr = findTags(workbookXml, 'workbookPr')[0];
  const date1904Attr = workbookPr?.get('date1904');
  const date1904 = date1904Attr === '1' || date1904Attr === 'true';

  const baseDir = path.dirname(mainPath!);
  const relsEntry = find(path.join(baseDir, '_rels', path.basename(mainPath!) + '.rels'));
  const rels = relsEntry ? findTags(text(relsEntry), 'Relationship') : [];
  const relById = new Map(rels.map((r) => [r.get('Id') ?? '', r]));
  const partOfType = (suffix: string) => {
    const rel = rels.find((r) => (r.get('Type') ?? '').endsWith(suffix));
    return rel?.get('Target') ? find(resolveTarget(baseDir, rel.get('Target')!)) : null;
  };

  const sheets: OoxmlSheet[] = [];
  for (const sheet of findTags(workbookXml, 'sheet')) {
    const rel = relById.get(attr(sheet, 'id') ?? '');
    if (!rel || !(rel.get('Type') ?? '').endsWith('/worksheet') || !rel.get('Target')) continue;
    const part = find(resolveTarget(baseDir, rel.get('Target')!));
    if (!part) continue;
    const state = sheet.get('state');
    sheets.push({ name: sheet.get('name') ?? `Sheet${sheets.length + 1}`, hidden: state === 'hidden' || state === 'veryHidden', part });
  }
  if (sheets.length === 0 && !rels.length) refuse(INCOMPLETE);

  const macro = mainType.includes('macroEnabled') || /\.xlsm$/i.test(fileName);
  return { format: macro ? 'xlsm' : 'xlsx', date1904, sheets, sharedStrings: partOfType('/sharedStrings'), styles: partOfType('/styles') };
}

function resolveTarget(baseDir: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  return path.normalize(path.join(baseDir, target)).replace(/^(\.\.\/)+/, '');
}

/** Rows a sheet declares in its <dimension>, read from the first inflated bytes only; null if absent or absurd. */
export function declaredRows(bytes: FileBytes, part: ZipEntry): number | null {
  try {
    const header = bytes.read(part.localHeaderOffset, 30);
    const start = part.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
    const head = bytes.read(start, Math.min(part.compressedSize, 16 * 1024));
    const xml = (part.method === 0 ? head : zlib.inflateRawSync(head, { finishFlush: zlib.constants.Z_SYNC_FLUSH, maxOutputLength: 256 * 1024 })).toString('latin1');
    const m = /<(?:\w+:)?dimension\s+ref="[A-Z]+(\d+)(?::[A-Z]+(\d+))?"/.exec(xml);
    if (!m) return null;
    const rows = Number(m[2] ?? m[1]);
    return rows >= 1_048_576 ? null : rows;
  } catch {
    return null;
  }
}
