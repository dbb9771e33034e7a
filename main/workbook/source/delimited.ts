import { LIMITS } from '../limits';
import { refuse } from '../refusal';

/**
 * RFC 4180 records from text arriving in chunks: quotes, doubled quotes, line breaks inside quotes,
 * CRLF / LF / CR endings. Bounded: a cell or a row past the limits is refused, so an unclosed quote
 * cannot swallow a whole file into one cell.
 */
export class DelimitedParser {
  private field = '';
  private row: string[] = [];
  private inQuotes = false;
  private quoteSeen = false;
  private afterCr = false;
  /** A quoted empty field ("") starts a record even though it adds no characters. */
  private started = false;
  private readonly rows: string[][] = [];

  constructor(private readonly delimiter: string) {}

  push(text: string): string[][] {
    const d = this.delimiter;
    let field = this.field;
    let i = 0;
    const n = text.length;
    if (this.afterCr && n > 0) {
      if (text[0] === '\n') i = 1;
      this.afterCr = false;
    }
    while (i < n) {
      if (this.inQuotes) {
        const close = text.indexOf('"', i);
        if (close < 0) {
          field += text.slice(i);
          i = n;
          break;
        }
        field += text.slice(i, close);
        if (close + 1 >= n) {
          // A quote at the chunk end: doubled or closing is decided by the next chunk.
          this.quoteSeen = true;
          this.inQuotes = false;
          i = n;
          break;
        }
        if (text[close + 1] === '"') {
          field += '"';
          i = close + 2;
        } else {
          this.inQuotes = false;
          i = close + 1;
        }
        continue;
      }
      const c = text[i]!;
      if (this.quoteSeen) {
        this.quoteSeen = false;
        if (c === '"') {
          field += '"';
          this.inQuotes = true;
          i++;
          continue;
        }
      }
      if (c === '"' && field.length === 0) {
        this.inQuotes = true;
        this.started = true;
        i++;
      } else if (c === d) {
        this.endField(field);
        field = '';
        i++;
      } else if (c === '\n' || c === '\r') {
        this.endField(field);
        field = '';
        this.endRow();
        if (c === '\r') {
          if (i + 1 < n) {
            if (text[i + 1] === '\n') i++;
          } else this.afterCr = true;
        }
        i++;
      } else {
        // Plain run up to the next special character, in one slice.
        let j = i + 1;
        while (j < n) {
          const cj = text[j]!;
          if (cj === d || cj === '\n' || cj === '\r' || cj === '"') break;
          j++;
        }
        field += text.slice(i, j);
        i = j;
      }
      if (field.length > LIMITS.maxCellChars) this.tooLong();
    }
    if (field.length > LIMITS.maxCellChars) this.tooLong();
    this.field = field;
    return this.rows.splice(0);
  }

  finish(): string[][] {
    const pending = this.field !== '' || this.row.length > 0 || this.inQuotes || this.started || this.quoteSeen;
    this.quoteSeen = false;
    if (pending) {
      this.endField(this.field);
      this.endRow();
    }
    this.field = '';
    return this.rows.splice(0);
  }

  private endField(field: string): void {
    this.row.push(field);
    if (this.row.length > LIMITS.maxColumns) {
      refuse(`A row has more than ${LIMITS.maxColumns.toLocaleString('en-US')} columns; the file was not read.`);
    }
  }

  private endRow(): void {
    this.rows.push(this.row);
    this.row = [];
    this.started = false;
  }

  private tooLong(): never {
    refuse(
      `A cell is longer than ${LIMITS.maxCellChars.toLocaleString('en-US')} characters, which usually means a quote (") that is never closed; the file was not read.`,
    );
  }
}

const CANDIDATES = [',', ';', '\t', '|'];

/** The delimiter that splits the first records most consistently into the most fields. */
export function detectDelimiter(sample: string, extension: string): { delimiter: string; consistent: boolean; hint: boolean } {
  const sep = /^sep=(.)\r?\n/i.exec(sample);
  if (sep) return { delimiter: sep[1]!, consistent: true, hint: true };
  const lines = sample.slice(0, 64 * 1024);
  let best = { delimiter: extension === 'tsv' ? '\t' : ',', score: 0, consistent: false };
  for (const delimiter of CANDIDATES) {
    const parser = new DelimitedParser(delimiter);
    let rows: string[][];
    try {
      rows = parser.push(lines).slice(0, 50);
    } catch {
      continue;
    }
    if (rows.length === 0) rows = parser.finish();
    const counts = rows.filter((r) => !(r.length === 1 && r[0] === '')).map((r) => r.length);
    if (counts.length === 0) continue;
    const freq = new Map<number, number>();
    for (const c of counts) freq.set(c, (freq.get(c) ?? 0) + 1);
    const [mode, modeCount] = [...freq.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]!;
    const share = modeCount / counts.length;
    const consistent = mode > 1 && share >= 0.8;
    const score = mode > 1 ? share * 10 + Math.min(mode, 50) / 50 + (delimiter === '\t' && extension === 'tsv' ? 5 : 0) : 0;
    if (score > best.score) best = { delimiter, score, consistent };
  }
  return { delimiter: best.delimiter, consistent: best.consistent, hint: false };
}
