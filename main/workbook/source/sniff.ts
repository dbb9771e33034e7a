import { refuse, SAVE_AS_HINT } from '../refusal';

export type Container = 'zip' | 'cfb' | 'text';

const startsWith = (head: Buffer, bytes: number[]) => bytes.every((b, i) => head[i] === b);
const ascii = (head: Buffer, text: string) => head.subarray(0, text.length).toString('latin1') === text;

/** Known non-spreadsheet signatures, so a renamed file is named for what it is. */
const FOREIGN: { test: (head: Buffer) => boolean; what: string }[] = [
  { test: (h) => ascii(h, '%PDF'), what: 'a PDF document' },
  { test: (h) => startsWith(h, [0x89, 0x50, 0x4e, 0x47]), what: 'a PNG image' },
  { test: (h) => startsWith(h, [0xff, 0xd8, 0xff]), what: 'a JPEG image' },
  { test: (h) => ascii(h, 'GIF8'), what: 'a GIF image' },
  { test: (h) => ascii(h, 'RIFF'), what: 'a media file (RIFF)' },
  { test: (h) => startsWith(h, [0x1f, 0x8b]), what: 'a gzip archive' },
  { test: (h) => ascii(h, 'Rar!'), what: 'a RAR archive' },
  { test: (h) => startsWith(h, [0x37, 0x7a, 0xbc, 0xaf]), what: 'a 7-Zip archive' },
  { test: (h) => ascii(h, '\x7fELF') || ascii(h, 'MZ'), what: 'a program' },
  { test: (h) => ascii(h, 'SQLite format 3'), what: 'an SQLite database (to open a workspace, use File > Open)' },
  { test: (h) => ascii(h, '{\\rtf'), what: 'a rich-text document' },
  { test: (h) => ascii(h, '%!PS'), what: 'a PostScript document' },
];

/** Decides from the first bytes which reader may look at a file; everything else is refused here. */
export function sniffContainer(head: Buffer, size: number): Container {
  if (size === 0) refuse('The file is empty.');
  if (startsWith(head, [0x50, 0x4b]) && (head[2] === 0x03 || head[2] === 0x05 || head[2] === 0x07)) return 'zip';
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'cfb';
  // BIFF2–BIFF4 worksheets are bare record streams starting with a BOF record.
  if (head[0] === 0x09 && (head[1] === 0x00 || head[1] === 0x02 || head[1] === 0x04) && head[3] === 0x00) {
    refuse(`This is a very old Excel file (Excel 2–4 .xls), which AX Workbench cannot read. ${SAVE_AS_HINT}`);
  }
  for (const foreign of FOREIGN) if (foreign.test(head)) refuse(`This file is ${foreign.what}, not a spreadsheet.`);
  const textHead = stripBom(head).toString('latin1', 0, 2048).trimStart().toLowerCase();
  const utf16 = head[0] === 0xff && head[1] === 0xfe ? head.subarray(2).toString('utf16le', 0, 2048).trimStart().toLowerCase() : '';
  const lead = utf16 || textHead;
  if (lead.startsWith('<?xml') || lead.startsWith('<')) refuseMarkup(lead);
  return 'text';
}

function stripBom(head: Buffer): Buffer {
  return head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? head.subarray(3) : head;
}

function refuseMarkup(lead: string): never | void {
  if (lead.includes('office:document') || lead.includes('opendocument')) {
    refuse(`This is a flat OpenDocument spreadsheet (.fods), which AX Workbench cannot read. ${SAVE_AS_HINT}`);
  }
  if (lead.includes('urn:schemas-microsoft-com:office:spreadsheet') || lead.includes('progid="excel.sheet"')) {
    refuse(`This is an Excel 2003 XML spreadsheet, which AX Workbench cannot read. ${SAVE_AS_HINT}`);
  }
  if (lead.includes('<html') || lead.includes('<!doctype html') || lead.includes('<table')) {
    refuse(`This is a web page (HTML) saved with a spreadsheet name, not a real workbook. ${SAVE_AS_HINT}`);
  }
  if (lead.startsWith('<?xml') || /^<[a-z!]/.test(lead)) refuse('This is an XML document, not a spreadsheet or a CSV file.');
}
