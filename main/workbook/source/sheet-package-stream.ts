import zlib from 'node:zlib';
import { Readable } from 'node:stream';
import type { FileBytes } from './file-bytes';
import { storedBytes } from './zip-entry-reader';
import type { ZipEntry } from './zip-directory';

/**
 * The bytes handed to exceljs for one sheet: a fresh zip stream holding only what its reader needs, in
 * the order it needs them (relationships, workbook, styles, shared strings, then the sheet), under the
 * names it expects, each with the sizes the central directory states and no data descriptors. Every
 * part in it was verified first (inflated once to exactly its stated size, no DOCTYPE), so exceljs
 * never meets a part we did not check, never spills sheets to temp files, and reads workbooks whose
 * writers used other folder names.
 */
export function sheetPackageStream(options: {
  bytes: FileBytes;
  filePath: string;
  date1904: boolean;
  styles: ZipEntry | null;
  sharedStrings: ZipEntry | null;
  sheet: ZipEntry;
  onSheetBytes?: (n: number) => void;
  /** Why the stream ended early: the reader only sees the end of its input. */
  failure: { error: Error | null; signal: (error: Error) => void };
}): Readable {
  const { bytes, filePath } = options;
  async function* guarded(): AsyncGenerator<Buffer> {
    try {
      yield* parts();
    } catch (err) {
      // Ending cleanly makes exceljs fail fast on a short file; an errored pipe would leave it waiting.
      options.failure.error = err instanceof Error ? err : new Error(String(err));
      options.failure.signal(options.failure.error);
    }
  }
  async function* parts(): AsyncGenerator<Buffer> {
    yield* synthetic('xl/_rels/workbook.xml.rels', RELS);
    yield* synthetic('xl/workbook.xml', workbookXml(options.date1904));
    if (options.styles) yield* fromZip('xl/styles.xml', options.styles);
    if (options.sharedStrings) yield* fromZip('xl/sharedStrings.xml', options.sharedStrings);
    else yield* synthetic('xl/sharedStrings.xml', EMPTY_SST);
    yield* fromZip('xl/worksheets/sheet1.xml', options.sheet, options.onSheetBytes);
    // An end-of-directory record lets the reader finish cleanly instead of hitting the end of the stream.
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    yield end;
  }
  async function* synthetic(name: string, xml: string): AsyncGenerator<Buffer> {
    const data = Buffer.from(xml, 'utf8');
    yield localHeader(name, 0, data.length, data.length, zlib.crc32(data));
    yield data;
  }
  async function* fromZip(name: string, entry: ZipEntry, onBytes?: (n: number) => void): AsyncGenerator<Buffer> {
    yield localHeader(name, entry.method, entry.compressedSize, entry.uncompressedSize, entry.crc32);
    yield* storedBytes(bytes, filePath, entry, onBytes) as AsyncIterable<Buffer>;
  }
  return Readable.from(guarded(), { objectMode: false });
}

function localHeader(name: string, method: number, compressed: number, size: number, crc: number): Buffer {
  const nameBytes = Buffer.from(name, 'utf8');
  const header = Buffer.alloc(30 + nameBytes.length);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(0x800, 6);
  header.writeUInt16LE(method, 8);
  header.writeUInt16LE(0, 10);
  header.writeUInt16LE(0x21, 12);
  header.writeUInt32LE(crc >>> 0, 14);
  header.writeUInt32LE(compressed, 18);
  header.writeUInt32LE(size, 22);
  header.writeUInt16LE(nameBytes.length, 26);
  header.writeUInt16LE(0, 28);
  nameBytes.copy(header, 30);
  return header;
}

const RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>';
const EMPTY_SST = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>';

function workbookXml(date1904: boolean): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    `<workbookPr${date1904 ? ' date1904="1"' : ''}/><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`
  );
}
