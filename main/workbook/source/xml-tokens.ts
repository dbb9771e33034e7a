import { refuse } from '../refusal';
import { decodeXmlText, parseAttributes } from './xml-lite';
import type { Attributes } from './xml-lite';

export interface XmlHandlers {
  open(name: string, attributes: Attributes, selfClosing: boolean): void;
  close(name: string): void;
  text(text: string): void;
}

/**
 * A small streaming XML tokenizer for OpenDocument content (which exceljs cannot read): tags,
 * attributes, text, comments, CDATA and processing instructions, fed in chunks of any size. It expands
 * only the five predefined entities and character references; the part was refused earlier if it
 * declared a DOCTYPE or entities of its own.
 */
export class XmlTokenizer {
  private buffer = '';

  constructor(private readonly on: XmlHandlers) {}

  push(chunk: string): void {
    this.buffer += chunk;
    this.drain(false);
  }

  end(): void {
    this.drain(true);
  }

  private drain(final: boolean): void {
    const b = this.buffer;
    let at = 0;
    for (;;) {
      const lt = b.indexOf('<', at);
      if (lt < 0) {
        if (final || b.length - at > 0) {
          // Text may continue in the next chunk; hand over what is certain (up to a possible entity start).
          const amp = final ? -1 : b.lastIndexOf('&');
          const cut = amp >= at && b.indexOf(';', amp) < 0 ? amp : b.length;
          if (cut > at) this.on.text(decodeXmlText(b.slice(at, cut)));
          at = cut;
        }
        break;
      }
      if (lt > at) this.on.text(decodeXmlText(b.slice(at, lt)));
      at = lt;
      if (b.startsWith('<!--', at)) {
        const end = b.indexOf('-->', at + 4);
        if (end < 0) break;
        at = end + 3;
      } else if (b.startsWith('<![CDATA[', at)) {
        const end = b.indexOf(']]>', at + 9);
        if (end < 0) break;
        this.on.text(b.slice(at + 9, end));
        at = end + 3;
      } else if (b.startsWith('<?', at)) {
        const end = b.indexOf('?>', at + 2);
        if (end < 0) break;
        at = end + 2;
      } else if (b.startsWith('<!', at)) {
        refuse('The file declares a DOCTYPE, which real spreadsheets never do; it was not read.');
      } else if (b.startsWith('</', at)) {
        const end = b.indexOf('>', at + 2);
        if (end < 0) break;
        this.on.close(b.slice(at + 2, end).trim());
        at = end + 1;
      } else {
        const end = tagEnd(b, at + 1);
        if (end < 0) break;
        const selfClosing = b[end - 1] === '/';
        const inner = b.slice(at + 1, selfClosing ? end - 1 : end);
        const space = inner.search(/[\s/]/);
        const name = space < 0 ? inner : inner.slice(0, space);
        this.on.open(name, space < 0 ? new Map() : parseAttributes(inner.slice(space)), selfClosing);
        if (selfClosing) this.on.close(name);
        at = end + 1;
      }
    }
    this.buffer = b.slice(at);
    if (this.buffer.length > 16 * 1024 * 1024) refuse('The file has an XML tag that never ends; it is damaged.');
  }
}

/** Index of the '>' that ends a start tag, skipping any inside quoted attribute values; -1 if not yet here. */
function tagEnd(b: string, from: number): number {
  let quote = '';
  for (let i = from; i < b.length; i++) {
    const c = b[i]!;
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return i;
  }
  return -1;
}
