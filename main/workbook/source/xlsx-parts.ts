import { StringDecoder } from 'node:string_decoder';
import { decodeInSlices } from './utf8-slices';
import { LIMITS } from '../limits';
import { isDateFormat } from '../parse/excel-dates';
import { refuse } from '../refusal';
import type { FileBytes } from './file-bytes';
import { decodeXmlText } from './xml-lite';
import { attribute, XmlScanner } from './xml-scan';
import type { ZipEntry } from './zip-directory';
import { readEntry, streamEntry } from './zip-entry-reader';

/**
 * Cell text as stored: line ends normalised as every XML parser must (a literal CR LF or CR is a LF;
 * an encoded &#13; stays), and XML entities. `_xHHHH_` sequences are left as they are: the workspace
 * export (exceljs) writes such text literally, so decoding them would change it on the way back in.
 */
export function decodeCellText(raw: string): string {
  return decodeXmlText(raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw);
}

/**
 * Concatenates the text of an `<si>` or `<is>` element: plain `<t>` or rich-text runs `<r><t>`,
 * never the phonetic guides (`<rPh>`) East Asian files add after the text.
 */
export class RichTextCollector {
  private depthPhonetic = 0;
  private inText = false;
  private parts = '';

  constructor(private readonly scanner: XmlScanner) {}

  reset(): void {
    this.depthPhonetic = 0;
    this.inText = false;
    this.parts = '';
    this.scanner.wantText = false;
  }

  open(name: string): void {
    if (name === 'rPh') this.depthPhonetic++;
    else if (name === 't' && this.depthPhonetic === 0) {
      this.inText = true;
      this.scanner.wantText = true;
    }
  }

  close(name: string): void {
    if (name === 'rPh') this.depthPhonetic--;
    else if (name === 't' && this.inText) {
      this.inText = false;
      this.scanner.wantText = false;
    }
  }

  text(raw: string, literal: boolean): void {
    if (this.inText) this.parts += literal ? raw : decodeCellText(raw);
  }

  take(): string {
    const out = this.parts;
    this.reset();
    return out;
  }
}

/** The shared strings table, streamed from its part (inflated once, size and DOCTYPE checked as it goes). */
export async function readSharedStrings(bytes: FileBytes, filePath: string, entry: ZipEntry, signal?: AbortSignal): Promise<string[]> {
  if (entry.uncompressedSize > LIMITS.maxSharedStringsBytes) {
    refuse(`The workbook's shared text table is larger than ${LIMITS.maxSharedStringsBytes / 1024 / 1024} MB, more than AX Workbench reads; save the sheet as CSV and import that.`);
  }
  const strings: string[] = [];
  let inItem = false;
  const scanner: XmlScanner = new XmlScanner({
    open(name) {
      if (name === 'si') {
        inItem = true;
        rich.reset();
      } else if (inItem) rich.open(name);
    },
    close(name) {
      if (name === 'si') {
        inItem = false;
        strings.push(rich.take());
      } else if (inItem) rich.close(name);
    },
    text(raw, literal) {
      rich.text(raw, literal);
    },
  });
  const rich = new RichTextCollector(scanner);
  const decoder = new StringDecoder('utf8');
  const push = (text: string) => scanner.push(text);
  for await (const chunk of streamEntry(bytes, filePath, entry, signal) as AsyncIterable<Buffer>) decodeInSlices(decoder, chunk, push);
  scanner.push(decoder.end());
  scanner.end();
  return strings;
}

/** Built-in number formats that show dates or times (ECMA-376 §18.8.30, with the East Asian ones). */
const BUILT_IN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** Per cell style index (`s`), whether its number format shows a date: numbers in such cells are dates. */
export function readDateStyles(bytes: FileBytes, entry: ZipEntry | null): boolean[] {
  if (!entry) return [];
  const xml = readEntry(bytes, entry).toString('utf8');
  const custom = new Map<number, string>();
  const isDate: boolean[] = [];
  let inCellXfs = false;
  const scanner = new XmlScanner({
    open(name, attributes) {
      if (name === 'numFmt') {
        const id = Number(attribute(attributes, 'numFmtId'));
        const code = attribute(attributes, 'formatCode');
        if (Number.isInteger(id) && code !== undefined) custom.set(id, decodeXmlText(code));
      } else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) {
        const id = Number(attribute(attributes, 'numFmtId') ?? 0);
        const code = custom.get(id);
        isDate.push(code !== undefined ? isDateFormat(code) : BUILT_IN_DATE_FORMATS.has(id));
      }
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
    text() {},
  });
  scanner.push(xml);
  scanner.end();
  return isDate;
}
