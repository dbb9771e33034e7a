/**
 * Formula injection: a text cell starting with = + - @ tab CR or NUL may be run as a formula by the
 * spreadsheet that opens it (OWASP "CSV injection"). Such text is written with a leading apostrophe,
 * in CSV and XLSX alike; numbers are written as numbers and never touched. The escape is reversible:
 * text that already starts with apostrophes before a risky character gets one more, and the importer
 * removes exactly one, so a workbench export re-imports unchanged.
 */
const RISKY = /^[=+\-@\t\r\0]/;

function riskyAfterQuotes(text: string): boolean {
  let i = 0;
  while (text[i] === "'") i++;
  return RISKY.test(text.slice(i));
}

export function escapeFormula(text: string): string {
  return riskyAfterQuotes(text) ? "'" + text : text;
}

export function unescapeFormula(text: string): string {
  return text.startsWith("'") && riskyAfterQuotes(text) ? text.slice(1) : text;
}

/**
 * XML 1.0 cannot hold most control characters; OOXML writes them as _xHHHH_ (and a literal "_x" as
 * _x005F_x) so a workbook stays valid and the text comes back exactly.
 */
export function toXmlSafe(text: string): string {
  if (!/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|_x[0-9A-Fa-f]{4}_/.test(text)) return text;
  return text
    .replace(/_(?=x[0-9A-Fa-f]{4}_)/g, '_x005F_')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`);
}

export function fromXmlSafe(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** A text value as it goes into an exported cell. */
export function exportText(text: string): string {
  return toXmlSafe(escapeFormula(text));
}

/** An exported cell's text as it comes back (the inverse of exportText). */
export function importText(text: string): string {
  return unescapeFormula(fromXmlSafe(text));
}

/** RFC 4180 field: quoted when it holds the delimiter, a quote or a line break. */
export function csvField(value: string | number | null | undefined, delimiter = ','): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = escapeFormula(value);
  return text.includes(delimiter) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
