/**
 * Excel stores dates as day counts ("serials"). Two systems exist: 1900 (Windows default; it counts a
 * 29 February 1900 that never was, so serials from 61 on are one day ahead) and 1904 (old Mac default).
 */
const DAY_MS = 86_400_000;
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);
export const MAX_SERIAL = 2_958_465; // 9999-12-31

export function serialToDate(serial: number, date1904: boolean): Date {
  let days = serial;
  if (!date1904 && serial < 61) days = serial < 60 ? serial + 1 : 60; // before the phantom leap day
  const ms = Math.round(days * DAY_MS);
  return new Date((date1904 ? EPOCH_1904 : EPOCH_1900) + ms);
}

export function dateToSerial(date: Date, date1904: boolean): number {
  const serial = (date.getTime() - (date1904 ? EPOCH_1904 : EPOCH_1900)) / DAY_MS;
  return !date1904 && serial < 61 ? serial - 1 : serial;
}

/** Whether a number format shows a date or time: y, m, d, h, s outside quotes, escapes and [colour] blocks. */
export function isDateFormat(format: string | undefined | null): boolean {
  if (!format) return false;
  const stripped = format
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[(?:h+|m+|s+)\]/gi, 'h')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/_./g, '')
    .replace(/\*./g, '');
  if (/^general$/i.test(stripped.trim())) return false;
  return /[ymdhs]/i.test(stripped.replace(/e\+|e-/gi, ''));
}
