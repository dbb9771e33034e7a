import type ExcelJS from 'exceljs';
import { currencyDigits } from '../../../shared/domain/money';
import { exportText } from './escape';

/** Excel number format for the workspace currency: its symbol and its minor-unit digits. */
export function currencyFormat(currency: string): string {
  let symbol = currency;
  try {
    symbol = new Intl.NumberFormat('en', { style: 'currency', currency }).formatToParts(0).find((p) => p.type === 'currency')?.value ?? currency;
  } catch {
    symbol = currency;
  }
  const digits = currencyDigits(currency);
  return `"${symbol.replace(/"/g, '')}"#,##0${digits > 0 ? '.' + '0'.repeat(digits) : ''}`;
}

export const DATE_FORMAT = 'yyyy-mm-dd';
export const DATETIME_FORMAT = 'yyyy-mm-dd hh:mm';

/** Minor units as the major-unit number a spreadsheet shows (a currency format does the rest). */
export function major(minor: number, currency: string): number {
  return minor / 10 ** currencyDigits(currency);
}

/** An ISO date or instant as a date cell (UTC parts = what is shown). */
export function dateCell(iso: string | null): Date | null {
  if (!iso) return null;
  const d = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  return Number.isNaN(d.getTime()) ? null : d;
}

export function text(value: string | null | undefined): string | null {
  return value === null || value === undefined ? null : exportText(value);
}

/** Bold header, frozen first row, filter over the table, sensible widths. */
export function tableSheet(wb: ExcelJS.Workbook, name: string, columns: { header: string; width?: number; format?: string }[]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, width: c.width ?? Math.max(10, c.header.length + 2), style: c.format ? { numFmt: c.format } : {} }));
  ws.getRow(1).font = { bold: true };
  return ws;
}

export function addFilter(ws: ExcelJS.Worksheet, columns: number, rows: number): void {
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, rows + 1), column: columns } };
}

export function columnLetterOf(index1: number): string {
  let n = index1;
  let s = '';
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
