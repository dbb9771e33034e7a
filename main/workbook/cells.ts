import type { CellKind, FileFormat } from '../../shared/contract/workbook';

/** A spreadsheet error value (#N/A, #DIV/0!): data, but never a number. */
export class CellError {
  constructor(readonly text: string) {}
}

/**
 * One cell as read: text stays text (CSV is all text), numbers and booleans are typed, date cells are
 * Dates (UTC parts carry the wall-clock value Excel shows), errors are CellError.
 */
export type Cell = string | number | boolean | Date | CellError | null | undefined;

export interface SheetRow {
  /** 1-based row number in the sheet (CSV: the record number). */
  row: number;
  /** By 0-based column; sparse where cells are empty. */
  cells: Cell[];
}

export interface SheetInfo {
  index: number;
  name: string;
  hidden: boolean;
  estimatedRows: number | null;
}

export interface ReadOptions {
  signal?: AbortSignal;
  /** Stop after this many rows (inspection samples). */
  maxRows?: number;
  /** Fraction of the sheet's bytes read so far, 0..1. */
  onProgress?: (fraction: number) => void;
}

/** A readable workbook or text file, whatever its format: the pipeline only sees sheets and rows. */
export interface TableSource {
  format: FileFormat;
  date1904: boolean;
  text: { encoding: string; delimiter: string } | null;
  sheets: SheetInfo[];
  /** Batches of rows in sheet order; enforces the row and column limits as it goes. */
  rows(sheet: number, options?: ReadOptions): AsyncIterable<SheetRow[]>;
  close(): void;
}

export function cellKind(cell: Cell): CellKind {
  if (cell === null || cell === undefined || cell === '') return 'empty';
  if (typeof cell === 'string') return 'text';
  if (typeof cell === 'number') return 'number';
  if (typeof cell === 'boolean') return 'boolean';
  if (cell instanceof Date) return 'date';
  return 'error';
}

/** The text a person would see (dates as ISO, time only when there is one). */
export function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  if (cell instanceof Date) return dateCellText(cell);
  return cell.text;
}

export function dateCellText(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.replace('.000Z', 'Z');
}

export function isBlank(cell: Cell): boolean {
  if (cell === null || cell === undefined) return true;
  if (typeof cell !== 'string') return false;
  // Most text starts with a visible character: no need to trim it to know it is not blank.
  const first = cell.charCodeAt(0);
  if (first > 32 && first < 127) return false;
  return cell.trim() === '';
}

export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}
