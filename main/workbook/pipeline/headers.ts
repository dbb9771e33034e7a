import type { Cell, SheetRow } from '../cells';
import { cellText, columnLetter, isBlank } from '../cells';

export interface ColumnHeader {
  index: number;
  letter: string;
  /** Every header row's text for this column, top to bottom. */
  parts: string[];
  /** What the person sees: non-empty parts joined with " / ", or the letter. */
  label: string;
}

/**
 * Where the header is: the first row (of the first 15) that is mostly text and about as wide as the
 * data below it, followed by a row that is not. Files without one get count 0 (columns by letter).
 */
export function detectHeader(sample: readonly SheetRow[]): { first: number; count: number } {
  const rows = sample.slice(0, 15);
  if (rows.length === 0) return { first: 1, count: 1 };
  const widths = rows.map((r) => r.cells.filter((c) => !isBlank(c)).length);
  const widest = Math.max(...widths);
  for (let i = 0; i < rows.length; i++) {
    const cells = rows[i]!.cells.filter((c) => !isBlank(c));
    if (cells.length < Math.max(1, Math.ceil(widest * 0.5))) continue;
    const textShare = cells.filter((c) => typeof c === 'string').length / cells.length;
    if (textShare < 0.8) continue;
    const next = rows[i + 1];
    if (next && rowLooksLikeHeader(next.cells) && !rowLooksLikeData(next.cells)) {
      // Two text rows: a title row above the header, or a two-row header; a unique, wide second row is the header.
      const nextWidth = next.cells.filter((c) => !isBlank(c)).length;
      if (nextWidth > cells.length) continue;
    }
    return { first: rows[i]!.row, count: 1 };
  }
  return { first: rows[0]!.row, count: 0 };
}

function rowLooksLikeHeader(cells: Cell[]): boolean {
  const filled = cells.filter((c) => !isBlank(c));
  return filled.length > 0 && filled.every((c) => typeof c === 'string');
}

function rowLooksLikeData(cells: Cell[]): boolean {
  return cells.some((c) => typeof c === 'number' || c instanceof Date || typeof c === 'boolean');
}

/** Column headers from the chosen header rows; merged-cell gaps in upper rows inherit the text to their left. */
export function columnHeaders(sample: readonly SheetRow[], header: { first: number; count: number }, width: number, carryForward = false): ColumnHeader[] {
  const headerRows = Array.from({ length: header.count }, (_, k) => sample.find((r) => r.row === header.first + k)?.cells ?? []);
  const columns: ColumnHeader[] = [];
  const carried: string[] = headerRows.map(() => '');
  for (let index = 0; index < width; index++) {
    const parts = headerRows.map((cells, k) => {
      let text = cellText(cells[index]).trim();
      if (carryForward && k < headerRows.length - 1) {
        if (text) carried[k] = text;
        else if (!isBlank(headerRows[headerRows.length - 1]![index])) text = carried[k]!;
      }
      return text;
    });
    const letter = columnLetter(index);
    // Qualtrics' third header row is machine JSON ({"ImportId":…}): kept in parts, left out of the label.
    const label = parts.filter((p) => p !== '' && !/^\{\s*["']ImportId/.test(p)).join(' / ') || letter;
    columns.push({ index, letter, parts, label });
  }
  return columns;
}

export function sheetWidth(sample: readonly SheetRow[]): number {
  return sample.reduce((max, r) => Math.max(max, r.cells.length), 0);
}
