import { StringDecoder } from 'node:string_decoder';
import { decodeInSlices } from './utf8-slices';
import type { Cell, ReadOptions, SheetInfo, SheetRow, TableSource } from '../cells';
import { LIMITS } from '../limits';
import { refuse, WorkbookRefusal } from '../refusal';
import type { FileBytes } from './file-bytes';
import { limitRows } from './row-limits';
import { attr } from './xml-lite';
import type { Attributes } from './xml-lite';
import { XmlTokenizer } from './xml-tokens';
import type { ZipEntry } from './zip-directory';
import { streamEntry } from './zip-entry-reader';

/**
 * OpenDocument spreadsheets (.ods, LibreOffice's own format), read from content.xml as it inflates.
 * Repeated rows and columns (LibreOffice writes a million empty rows as one element) are expanded only
 * where they hold values, so a sheet "to the end of the grid" costs nothing and a hostile repeat count
 * runs into the row and column limits.
 */
export async function openOdsSource(filePath: string, bytes: FileBytes, entries: ZipEntry[]): Promise<TableSource> {
  const content = entries.find((e) => e.name === 'content.xml');
  if (!content) refuse('The OpenDocument file has no content; it is damaged.');
  const names = await sheetNames(bytes, filePath, content);
  const sheets: SheetInfo[] = names.map((name, index) => ({ index, name, hidden: false, estimatedRows: null }));
  return {
    format: 'ods',
    date1904: false,
    text: null,
    sheets,
    rows(sheet, options = {}) {
      if (!sheets[sheet]) refuse('That sheet is not in the workbook.');
      return limitRows(readTable(bytes, filePath, content, sheet, options), options);
    },
    close() {
      bytes.close();
    },
  };
}

async function sheetNames(bytes: FileBytes, filePath: string, content: ZipEntry): Promise<string[]> {
  const names: string[] = [];
  const tokenizer = new XmlTokenizer({
    open(name, attributes) {
      if (name === 'table:table') names.push(attr(attributes, 'name') ?? `Sheet${names.length + 1}`);
    },
    close() {},
    text() {},
  });
  // A decoder, not chunk.toString(): a character cut at a chunk's end must come out whole.
  const decoder = new StringDecoder('utf8');
  const push = (text: string) => tokenizer.push(text);
  for await (const chunk of streamEntry(bytes, filePath, content) as AsyncIterable<Buffer>) decodeInSlices(decoder, chunk, push);
  push(decoder.end());
  tokenizer.end();
  if (names.length === 0) refuse('The OpenDocument file holds no sheet (it may be a text document or a drawing).');
  return names;
}

class TableReader {
  private table = -1;
  private rowNumber = 0;
  private row: Cell[] | null = null;
  private rowRepeat = 1;
  private column = 0;
  private cell: { attributes: Attributes; repeat: number; paragraphs: string[]; text: string; depth: number } | null = null;
  private annotation = 0;
  readonly out: SheetRow[] = [];
  done = false;

  constructor(private readonly wanted: number) {}

  open(name: string, a: Attributes): void {
    if (name === 'table:table') {
      this.table++;
      this.rowNumber = 0;
      return;
    }
    if (this.table !== this.wanted) return;
    if (name === 'table:table-row') {
      this.row = [];
      this.column = 0;
      this.rowRepeat = Math.max(1, Number(attr(a, 'number-rows-repeated') ?? 1) || 1);
    } else if (name === 'table:table-cell' || name === 'table:covered-table-cell') {
      this.cell = { attributes: a, repeat: Math.max(1, Number(attr(a, 'number-columns-repeated') ?? 1) || 1), paragraphs: [], text: '', depth: 0 };
    } else if (name === 'office:annotation') this.annotation++;
    else if (this.cell && !this.annotation) {
      if (name === 'text:p' || name === 'text:h') {
        this.cell.depth++;
        this.cell.text = '';
      } else if (name === 'text:s') this.cell.text += ' '.repeat(Math.min(1000, Number(attr(a, 'c') ?? 1) || 1));
      else if (name === 'text:tab') this.cell.text += '\t';
      else if (name === 'text:line-break') this.cell.text += '\n';
    }
  }

  text(text: string): void {
    if (this.cell && this.cell.depth > 0 && !this.annotation) this.cell.text += text;
  }

  close(name: string): void {
    if (name === 'table:table') {
      if (this.table === this.wanted) this.done = true;
      return;
    }
    if (this.table !== this.wanted) return;
    if (name === 'office:annotation') this.annotation--;
    else if ((name === 'text:p' || name === 'text:h') && this.cell && !this.annotation) {
      this.cell.depth--;
      this.cell.paragraphs.push(this.cell.text);
      this.cell.text = '';
    } else if ((name === 'table:table-cell' || name === 'table:covered-table-cell') && this.cell && this.row) {
      const value = cellValue(this.cell.attributes, this.cell.paragraphs);
      if (value === null) this.column += this.cell.repeat;
      else {
        if (this.column + this.cell.repeat > LIMITS.maxColumns + 1) refuse(`A row has values beyond column ${LIMITS.maxColumns.toLocaleString('en-US')}; that is more columns than AX Workbench imports.`);
        for (let k = 0; k < this.cell.repeat; k++) this.row[this.column++] = value;
      }
      this.cell = null;
    } else if (name === 'table:table-row' && this.row) {
      if (this.row.length === 0) this.rowNumber += this.rowRepeat;
      else {
        // Repeated rows with values are real rows; the row limit ends an absurd repeat count.
        const copies = Math.min(this.rowRepeat, LIMITS.maxRows + 1);
        for (let k = 0; k < copies; k++) this.out.push({ row: ++this.rowNumber, cells: k === 0 ? this.row : [...this.row] });
        this.rowNumber += this.rowRepeat - copies;
      }
      this.row = null;
    }
  }
}

function cellValue(a: Attributes, paragraphs: string[]): Cell {
  const type = attr(a, 'value-type');
  switch (type) {
    case 'float':
    case 'percentage':
    case 'currency': {
      const n = Number(attr(a, 'value'));
      return Number.isFinite(n) ? n : paragraphs.join('\n') || null;
    }
    case 'date': {
      const v = attr(a, 'date-value') ?? '';
      const d = new Date(/T/.test(v) ? `${v.replace(/Z$/, '')}Z` : `${v}T00:00:00Z`);
      return Number.isNaN(d.getTime()) ? paragraphs.join('\n') || null : d;
    }
    case 'boolean':
      return attr(a, 'boolean-value') === 'true';
    case 'string':
      return attr(a, 'string-value') ?? paragraphs.join('\n');
    default: {
      const text = paragraphs.join('\n');
      return text === '' ? null : text;
    }
  }
}

async function* readTable(bytes: FileBytes, filePath: string, content: ZipEntry, sheet: number, options: ReadOptions): AsyncGenerator<SheetRow[]> {
  const reader = new TableReader(sheet);
  const tokenizer = new XmlTokenizer({ open: (n, a) => reader.open(n, a), close: (n) => reader.close(n), text: (t) => reader.text(t) });
  let inflated = 0;
  const decoder = new StringDecoder('utf8');
  const push = (text: string) => tokenizer.push(text);
  const stream = streamEntry(bytes, filePath, content, options.signal);
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      inflated += chunk.length;
      decodeInSlices(decoder, chunk, push);
      options.onProgress?.(content.uncompressedSize > 0 ? inflated / content.uncompressedSize : 1);
      if (reader.out.length > 0) yield reader.out.splice(0);
      if (reader.done) return;
    }
    push(decoder.end());
    tokenizer.end();
    if (reader.out.length > 0) yield reader.out.splice(0);
  } catch (err) {
    if (err instanceof WorkbookRefusal) throw err;
    refuse(`The OpenDocument sheet could not be read; the file is damaged (${err instanceof Error ? err.message.slice(0, 100) : String(err)}).`);
  } finally {
    stream.destroy();
  }
}
