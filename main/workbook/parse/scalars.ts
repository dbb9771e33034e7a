import type { Cell } from '../cells';
import { CellError } from '../cells';

export type ScalarParse<T> = { ok: true; value: T } | { ok: false; message: string };

/**
 * A score on a fixed integer scale from a number cell or text as survey tools export it:
 * "9", "9.0", "10 - Extremely likely", "Extremely likely (10)". 7.5 or 11 are invalid, not rounded.
 */
export function parseScore(cell: Cell, min: number, max: number, what: string): ScalarParse<number> {
  let value: number;
  if (typeof cell === 'number') value = cell;
  else if (typeof cell === 'boolean' || cell instanceof Date || cell instanceof CellError || cell === null || cell === undefined) {
    return { ok: false, message: `${what} must be a whole number from ${min} to ${max}` };
  } else {
    const text = cell.trim();
    const m = /^(-?\d+(?:[.,]\d+)?)(?:\s*(?:[-–=:]|\s)\s*\D.*)?$/.exec(text) ?? /^\D*?\((\d+)\)\s*$/.exec(text) ?? /^[^\d-]+\s(\d+)$/.exec(text);
    if (!m) return { ok: false, message: `"${short(text)}" is not a ${what} (${min}–${max})` };
    value = Number(m[1]!.replace(',', '.'));
  }
  if (!Number.isInteger(value) || value < min || value > max) {
    return { ok: false, message: `${what} ${value} is outside ${min}–${max} (whole numbers only)` };
  }
  return { ok: true, value };
}

const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;
/** A subset of EMAIL with no capitals, spaces, brackets or "mailto:": what parseEmail returns as it is. */
const PLAIN_EMAIL = /^[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z0-9-]+$/;

/** "Jane Doe <Jane.Doe@Acme.com>", "mailto:…", stray spaces → "jane.doe@acme.com". */
export function parseEmail(text: string): ScalarParse<string> {
  // Nearly every cell is already a plain lower-case address: nothing below would change it.
  if (text.length <= 254 && PLAIN_EMAIL.test(text)) return { ok: true, value: text };
  let t = text.trim().replace(/^mailto:/i, '');
  const angled = /<([^<>]+)>/.exec(t);
  if (angled) t = angled[1]!.trim();
  t = t.replace(/\s+/g, '').toLowerCase();
  if (t.length > 254 || !EMAIL.test(t)) return { ok: false, message: `"${short(text)}" is not an email address` };
  return { ok: true, value: t };
}

/** Plain text: trimmed, inner whitespace runs kept, empty is null. */
export function cleanText(cell: Cell): string | null {
  if (cell === null || cell === undefined) return null;
  const text = typeof cell === 'string' ? cell : cell instanceof CellError ? '' : cell instanceof Date ? cell.toISOString().slice(0, 10) : String(cell);
  const trimmed = (text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text).trim();
  return trimmed === '' ? null : trimmed;
}

function short(text: string): string {
  return text.length > 40 ? text.slice(0, 40) + '…' : text;
}
