import { refuse } from '../refusal';

export interface XmlScanHandlers {
  /** A start tag: its local name (any prefix dropped) and the raw text of its attributes. */
  open(name: string, attributes: string, selfClosing: boolean): void;
  close(name: string): void;
  /** Character data, entities still encoded (CDATA sections arrive already literal, `literal` true). */
  text(raw: string, literal: boolean): void;
}

const PENDING_LIMIT = 16 * 1024 * 1024;

/**
 * The scanner under the OOXML sheet and shared-strings readers: a few million tags a second, fed in
 * chunks of any size, no tree and no per-tag objects. Attributes stay raw (`attribute` reads the one
 * wanted), and text is only cut out while `wantText` is set, so the bulk of a sheet's markup costs an
 * indexOf. DOCTYPE and entity declarations are refused (the zip reader refuses them too); only the
 * five predefined entities and character references ever get expanded, by the caller.
 */
export class XmlScanner {
  /** Whether text between tags is delivered; handlers switch it on for the elements whose text they keep. */
  wantText = false;
  private buffer = '';

  constructor(private readonly on: XmlScanHandlers) {}

  push(chunk: string): void {
    this.buffer = this.buffer.length > 0 ? this.buffer + chunk : chunk;
    this.drain();
  }

  /** The end of input: anything left unfinished is damage. */
  end(): void {
    this.drain();
    if (this.buffer.trim().length > 0 && this.buffer.includes('<')) refuse('The sheet ends in the middle of its markup; the file is damaged.');
    this.buffer = '';
  }

  private drain(): void {
    const b = this.buffer;
    const n = b.length;
    let at = 0;
    while (at < n) {
      const lt = b.indexOf('<', at);
      if (lt < 0) {
        // Text running to the end of the chunk: kept (it may continue) only when it is wanted.
        if (!this.wantText) at = n;
        break;
      }
      if (lt > at && this.wantText) this.on.text(b.slice(at, lt), false);
      if (lt + 1 >= n) {
        at = lt;
        break;
      }
      const c1 = b.charCodeAt(lt + 1);
      if (c1 === 47 /* / */) {
        const gt = b.indexOf('>', lt + 2);
        if (gt < 0) {
          at = lt;
          break;
        }
        this.on.close(localName(b, lt + 2, trimEnd(b, lt + 2, gt)));
        at = gt + 1;
        continue;
      }
      if (c1 === 33 /* ! */) {
        if (b.startsWith('<!--', lt)) {
          const end = b.indexOf('-->', lt + 4);
          if (end < 0) {
            at = lt;
            break;
          }
          at = end + 3;
          continue;
        }
        if (b.startsWith('<![CDATA[', lt)) {
          const end = b.indexOf(']]>', lt + 9);
          if (end < 0) {
            at = lt;
            break;
          }
          if (this.wantText) this.on.text(b.slice(lt + 9, end), true);
          at = end + 3;
          continue;
        }
        if (n - lt < 9) {
          at = lt;
          break;
        }
        refuse('The file declares a DOCTYPE, which real spreadsheets never do; it was not read.');
      }
      if (c1 === 63 /* ? */) {
        const end = b.indexOf('?>', lt + 2);
        if (end < 0) {
          at = lt;
          break;
        }
        at = end + 2;
        continue;
      }
      const gt = tagEnd(b, lt + 1);
      if (gt < 0) {
        at = lt;
        break;
      }
      const selfClosing = b.charCodeAt(gt - 1) === 47;
      const stop = selfClosing ? gt - 1 : gt;
      let e = lt + 1;
      while (e < stop) {
        const c = b.charCodeAt(e);
        if (c === 32 || c === 9 || c === 10 || c === 13) break;
        e++;
      }
      const name = localName(b, lt + 1, e);
      this.on.open(name, e < stop ? b.slice(e, stop) : '', selfClosing);
      if (selfClosing) this.on.close(name);
      at = gt + 1;
    }
    this.buffer = at >= n ? '' : b.slice(at);
    if (this.buffer.length > PENDING_LIMIT) refuse('The sheet has a cell or tag that never ends; the file is damaged.');
  }
}

function trimEnd(b: string, from: number, to: number): number {
  while (to > from) {
    const c = b.charCodeAt(to - 1);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13) break;
    to--;
  }
  return to;
}

/** The element name without its namespace prefix (strict OOXML writes `x:c`, transitional `c`). */
function localName(b: string, from: number, to: number): string {
  for (let i = from; i < to; i++) if (b.charCodeAt(i) === 58 /* : */) return common(b, i + 1, to);
  return common(b, from, to);
}

/** A sheet's millions of tags are nearly all c, v, row or is: those names without a new string each. */
function common(b: string, from: number, to: number): string {
  const length = to - from;
  if (length === 1) {
    const c = b.charCodeAt(from);
    if (c === 99) return 'c';
    if (c === 118) return 'v';
    if (c === 116) return 't';
    if (c === 114) return 'r';
  } else if (length === 3 && b.startsWith('row', from)) return 'row';
  else if (length === 2 && b.startsWith('is', from)) return 'is';
  return b.slice(from, to);
}

/** Index of the '>' ending a start tag, skipping any inside quoted attribute values; -1 if not here yet. */
function tagEnd(b: string, from: number): number {
  let quote = 0;
  for (let i = from; i < b.length; i++) {
    const c = b.charCodeAt(i);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === 62 /* > */) return i;
    else if (c === 34 || c === 39) quote = c;
  }
  return -1;
}

/** One attribute's raw value from a start tag's attribute text, by local name; undefined when absent. */
export function attribute(attributes: string, name: string): string | undefined {
  let from = 0;
  for (;;) {
    const at = attributes.indexOf(name, from);
    if (at < 0) return undefined;
    from = at + name.length;
    const before = at === 0 ? 32 : attributes.charCodeAt(at - 1);
    if (before !== 32 && before !== 9 && before !== 10 && before !== 13 && before !== 58 /* : */) continue;
    let i = from;
    while (i < attributes.length && isSpace(attributes.charCodeAt(i))) i++;
    if (attributes.charCodeAt(i) !== 61 /* = */) continue;
    i++;
    while (i < attributes.length && isSpace(attributes.charCodeAt(i))) i++;
    const quote = attributes.charCodeAt(i);
    if (quote !== 34 && quote !== 39) continue;
    const end = attributes.indexOf(quote === 34 ? '"' : "'", i + 1);
    if (end < 0) return undefined;
    return attributes.slice(i + 1, end);
  }
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}
