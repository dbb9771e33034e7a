/**
 * Attribute reading for the small package parts (workbook, relationships, content types, manifest),
 * which are read whole after the DOCTYPE check; cell data never goes through here.
 */
export type Attributes = Map<string, string>;

const ENTITY = /&(?:#x([0-9a-fA-F]+)|#(\d+)|(amp|lt|gt|quot|apos));/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function decodeXmlText(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (_m, hex: string | undefined, dec: string | undefined, name: string | undefined) => {
    if (name) return NAMED[name]!;
    const code = hex ? parseInt(hex, 16) : parseInt(dec!, 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}

/** Start tags whose local name (prefix ignored, as strict and transitional files differ) is `localName`. */
export function findTags(xml: string, localName: string): Attributes[] {
  const found: Attributes[] = [];
  const tag = new RegExp(`<(?:[A-Za-z_][\\w.-]*:)?${localName}(?=[\\s/>])([^>]*)>`, 'g');
  for (let m = tag.exec(xml); m; m = tag.exec(xml)) found.push(parseAttributes(m[1] ?? ''));
  return found;
}

export function parseAttributes(source: string): Attributes {
  const attributes: Attributes = new Map();
  const attr = /([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  for (let m = attr.exec(source); m; m = attr.exec(source)) attributes.set(m[1]!, decodeXmlText(m[2] ?? m[3] ?? ''));
  return attributes;
}

/** An attribute by local name, whatever its prefix (r:id, x:id, id). */
export function attr(attributes: Attributes, localName: string): string | undefined {
  const direct = attributes.get(localName);
  if (direct !== undefined) return direct;
  for (const [key, value] of attributes) if (key.endsWith(':' + localName)) return value;
  return undefined;
}

export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
}
