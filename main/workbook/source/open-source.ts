import type { TableSource } from '../cells';
import { LIMITS } from '../limits';
import { refuse, SAVE_AS_HINT, WorkbookRefusal } from '../refusal';
import { refuseCompoundFile } from './cfb';
import { FileBytes } from './file-bytes';
import { readOoxmlPackage } from './ooxml-package';
import { sniffContainer } from './sniff';
import { openTextSource } from './text-source';
import { openXlsxSource } from './xlsx-source';
import { openOdsSource } from './ods-source';
import { guardZip, readZipDirectory } from './zip-directory';
import type { ZipEntry } from './zip-directory';
import { readEntry } from './zip-entry-reader';

/**
 * The one door into a file: size, magic bytes, container structure and limits are checked here, and
 * only then is a reader for its real format (never its name) handed the bytes.
 */
export async function openSource(filePath: string, fileName: string): Promise<TableSource> {
  const bytes = FileBytes.open(filePath);
  try {
    if (bytes.size > LIMITS.maxFileBytes) refuse(`The file is larger than ${LIMITS.maxFileBytes / 1024 / 1024} MB, more than AX Workbench imports at once.`);
    const head = bytes.read(0, 64 * 1024);
    const container = sniffContainer(head, bytes.size);
    if (container === 'cfb') refuseCompoundFile(bytes);
    if (container === 'text') {
      bytes.close();
      return openTextSource(filePath, fileName, head, bytes.size);
    }
    const entries = readZipDirectory(bytes);
    guardZip(entries, bytes.size);
    return await openZipSource(filePath, fileName, bytes, entries);
  } catch (err) {
    bytes.close();
    if (err instanceof WorkbookRefusal) throw err;
    throw new WorkbookRefusal(`The file could not be opened: it is damaged or not a spreadsheet (${err instanceof Error ? err.message.slice(0, 100) : String(err)}).`);
  }
}

async function openZipSource(filePath: string, fileName: string, bytes: FileBytes, entries: ZipEntry[]): Promise<TableSource> {
  const names = new Set(entries.map((e) => e.name));
  const mimetype = entries.find((e) => e.name === 'mimetype');
  if (mimetype) {
    const type = readEntry(bytes, mimetype, 1024).toString('latin1').trim();
    if (type === 'application/vnd.oasis.opendocument.spreadsheet' || type === 'application/vnd.oasis.opendocument.spreadsheet-template') {
      return openOdsSource(filePath, bytes, entries);
    }
    if (type.includes('opendocument.text')) refuse('This file is an OpenDocument text document, not a spreadsheet.');
    if (type.includes('opendocument.presentation')) refuse('This file is an OpenDocument presentation, not a spreadsheet.');
    refuse(`This is an OpenDocument file of a kind AX Workbench does not read (${type.slice(0, 60)}).`);
  }
  if ([...names].some((n) => (n.startsWith('Index/') && n.endsWith('.iwa')) || /(^|\/)Index\.zip$/.test(n) || /(^|\/)Metadata\/DocumentIdentifier$/.test(n) || n === 'index.xml')) {
    refuse(`This is an Apple Numbers file, which AX Workbench cannot read. In Numbers, use File > Export To > Excel or CSV, then import that file.`);
  }
  if (names.has('[Content_Types].xml') || [...names].some((n) => /^xl\//i.test(n))) {
    return openXlsxSource(filePath, bytes, readOoxmlPackage(bytes, entries, fileName));
  }
  if (names.has('content.xml') && names.has('META-INF/manifest.xml')) return openOdsSource(filePath, bytes, entries);
  refuse(`This is a zip archive, not a spreadsheet. ${SAVE_AS_HINT}`);
}
