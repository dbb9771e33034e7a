import { StringDecoder } from 'node:string_decoder';
import { decodeInSlices } from './utf8-slices';
import type { Cell, SheetRow } from '../cells';
import { CellError } from '../cells';
import { serialToDate } from '../parse/excel-dates';
import { refuse, WorkbookRefusal, SAVE_AS_HINT } from '../refusal';
import type { FileBytes } from './file-bytes';
import { decodeCellText, RichTextCollector } from './xlsx-parts';
import { attribute, XmlScanner } from './xml-scan';
import type { ZipEntry } from './zip-directory';
import { streamEntry } from './zip-entry-reader';

/** Excel's grid ends at column XFD: a reference past it is damage, not data. */
const GRID_COLUMNS = 16_384;

export interface SheetContext {
  sharedStrings: readonly string[];
  /** Per style index: numbers in cells of that style are dates. */
  dateStyles: readonly boolean[];
  date1904: boolean;
}

/**
 * Turns a worksheet's XML into rows of cells as it streams: `<row>` elements of `<c>` cells (shared
 * strings, inline and rich text, numbers, dates by their number format, booleans, errors, and the
 * cached results of formulas). Missing row or cell references count on from the previous one, as
 * Excel does. Only `<sheetData>` is looked at.
 */
export class SheetRowBuilder {
  readonly scanner: XmlScanner;
  private rows: SheetRow[] = [];
  private inData = false;
  private cells: Cell[] | null = null;
  private rowNumber = 0;
  private column = -1;
  private type = 'n';
  private style = 0;
  private inCell = false;
  private value: string | null = null;
  private inValue = false;
  private inInline = false;
  private inline: string | null = null;
  private readonly rich: RichTextCollector;

  constructor(private readonly context: SheetContext) {
    this.scanner = new XmlScanner({
      open: (name, attributes, selfClosing) => this.open(name, attributes, selfClosing),
      close: (name) => this.close(name),
      text: (raw, literal) => this.text(raw, literal),
    });
    this.rich = new RichTextCollector(this.scanner);
  }

  /** Rows completed since the last call. */
  take(): SheetRow[] {
    const out = this.rows;
    this.rows = [];
    return out;
  }

  private open(name: string, attributes: string, selfClosing: boolean): void {
    if (this.inCell) {
      if (this.inInline) this.rich.open(name);
      else if (name === 'v') {
        this.inValue = true;
        this.value = '';
        this.scanner.wantText = true;
      } else if (name === 'is') {
        this.inInline = true;
        this.rich.reset();
      }
      return;
    }
    if (name === 'c') {
      if (!this.cells) return;
      const ref = attribute(attributes, 'r');
      this.column = ref ? columnOfRef(ref) : this.column + 1;
      this.type = attribute(attributes, 't') ?? 'n';
      const s = attribute(attributes, 's');
      this.style = s ? Number(s) : 0;
      this.value = null;
      this.inline = null;
      if (!selfClosing) this.inCell = true;
    } else if (name === 'row') {
      if (!this.inData) return;
      const r = attribute(attributes, 'r');
      const n = r ? Number(r) : NaN;
      this.rowNumber = Number.isInteger(n) && n > 0 ? n : this.rowNumber + 1;
      this.cells = [];
      this.column = -1;
    } else if (name === 'sheetData') this.inData = true;
  }

  private close(name: string): void {
    if (this.inCell) {
      if (this.inInline) {
        if (name === 'is') {
          this.inInline = false;
          this.inline = this.rich.take();
        } else this.rich.close(name);
      } else if (name === 'v' && this.inValue) {
        this.inValue = false;
        this.scanner.wantText = false;
      } else if (name === 'c') {
        this.inCell = false;
        const cell = this.cellValue();
        if (cell !== null && this.cells) this.cells[this.column] = cell;
      }
      return;
    }
    if (name === 'row') {
      if (this.cells) this.rows.push({ row: this.rowNumber, cells: this.cells });
      this.cells = null;
    } else if (name === 'sheetData') this.inData = false;
  }

  private text(raw: string, literal: boolean): void {
    if (this.inValue) this.value += raw;
    else if (this.inInline) this.rich.text(raw, literal);
  }

  private cellValue(): Cell {
    if (this.column < 0 || this.column >= GRID_COLUMNS) refuse(`A cell lies outside Excel's grid (row ${this.rowNumber}); the file is damaged. ${SAVE_AS_HINT}`);
    const v = this.value;
    switch (this.type) {
      case 's': {
        if (v === null) return null;
        return this.context.sharedStrings[Number(v)] ?? null;
      }
      case 'inlineStr':
        return this.inline ?? (v === null ? null : decodeCellText(v));
      case 'str':
        return v === null ? null : decodeCellText(v);
      case 'b':
        return v === null || v.trim() === '' ? null : Number(v) !== 0;
      case 'e':
        return v === null ? null : new CellError(decodeCellText(v).trim());
      case 'd': {
        if (v === null || v.trim() === '') return null;
        const text = v.trim();
        const date = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(text) || !text.includes('T') ? text : `${text}Z`);
        return Number.isNaN(date.getTime()) ? text : date;
      }
      default: {
        if (v === null || v.trim() === '') return null;
        const n = Number(v);
        if (!Number.isFinite(n)) return new CellError('#NUM!');
        return this.context.dateStyles[this.style] ? serialToDate(n, this.context.date1904) : n;
      }
    }
  }
}

/** The 0-based column of a reference like "AB12" (letters only are read). */
export function columnOfRef(ref: string): number {
  let column = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i) | 32; // lower case
    if (c < 97 || c > 122) break;
    column = column * 26 + (c - 96);
    if (column > GRID_COLUMNS) return GRID_COLUMNS;
  }
  return i === 0 ? -1 : column - 1;
}

/**
 * Reads one sheet part as batches of rows. The part is inflated as it streams, its size checked against
 * the directory (a part that unpacks past it is a bomb) and DOCTYPEs refused on the way.
 */
export async function* readSheetRows(
  bytes: FileBytes,
  filePath: string,
  part: ZipEntry,
  context: SheetContext,
  options: { signal?: AbortSignal; onProgress?: (fraction: number) => void },
): AsyncGenerator<SheetRow[]> {
  const builder = new SheetRowBuilder(context);
  const decoder = new StringDecoder('utf8');
  let stored = 0;
  const onStored = options.onProgress
    ? (n: number) => {
        stored += n;
        options.onProgress!(part.compressedSize > 0 ? Math.min(1, stored / part.compressedSize) : 1);
      }
    : undefined;
  const stream = streamEntry(bytes, filePath, part, options.signal, onStored);
  const push = (text: string) => builder.scanner.push(text);
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      decodeInSlices(decoder, chunk, push);
      const rows = builder.take();
      if (rows.length > 0) yield rows;
    }
    builder.scanner.push(decoder.end());
    builder.scanner.end();
  } catch (err) {
    if (err instanceof WorkbookRefusal) throw err;
    refuse(`The sheet could not be read; the file is damaged or was not written the way Excel writes workbooks (${describe(err)}). ${SAVE_AS_HINT}`);
  } finally {
    stream.destroy();
  }
  const rest = builder.take();
  if (rest.length > 0) yield rest;
}

function describe(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return message.split('\n')[0]!.slice(0, 120);
}
