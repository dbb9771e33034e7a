import { refuse } from '../refusal';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DetectedEncoding {
  encoding: TextEncoding;
  bomLength: number;
}

/**
 * BOM first; then UTF-16 without BOM from its tell-tale zero bytes; then strict UTF-8; and what is
 * left is what Excel on Windows writes by default, Windows-1252.
 */
export function detectEncoding(head: Buffer): DetectedEncoding {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  const sample = head.subarray(0, 4096);
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample.length; i++) if (sample[i] === 0) (i % 2 === 0 ? evenZeros++ : oddZeros++);
  const pairs = Math.floor(sample.length / 2);
  if (pairs > 0 && oddZeros > pairs * 0.3 && evenZeros < pairs * 0.05) return { encoding: 'utf-16le', bomLength: 0 };
  if (pairs > 0 && evenZeros > pairs * 0.3 && oddZeros < pairs * 0.05) return { encoding: 'utf-16be', bomLength: 0 };
  if (evenZeros + oddZeros > 0) refuse('This file contains binary data; it is neither a spreadsheet nor a text (CSV) file.');
  return { encoding: isUtf8(head) ? 'utf-8' : 'windows-1252', bomLength: 0 };
}

function isUtf8(bytes: Buffer): boolean {
  // A multi-byte character may be cut at the end of the sample: judge only complete ones.
  let end = bytes.length;
  for (let back = 1; back <= 3 && end - back >= 0; back++) {
    const b = bytes[end - back]!;
    if ((b & 0xc0) === 0xc0) {
      end -= back;
      break;
    }
    if ((b & 0x80) === 0) break;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, end));
    return true;
  } catch {
    return false;
  }
}

/** A streaming decoder; UTF-16BE is swapped to LE because TextDecoder's support for it varies. */
export function makeDecoder(encoding: TextEncoding): (chunk: Buffer, final: boolean) => string {
  if (encoding === 'utf-16be') {
    const inner = new TextDecoder('utf-16le');
    let carry: Buffer | null = null;
    return (chunk, final) => {
      let bytes = carry ? Buffer.concat([carry, chunk]) : chunk;
      carry = null;
      if (bytes.length % 2 === 1 && !final) {
        carry = bytes.subarray(bytes.length - 1);
        bytes = bytes.subarray(0, bytes.length - 1);
      }
      const swapped = Buffer.from(bytes);
      if (swapped.length % 2 === 0) swapped.swap16();
      return inner.decode(swapped, { stream: !final });
    };
  }
  if (encoding === 'windows-1252') return (chunk) => decodeWindows1252(chunk);
  const decoder = new TextDecoder(encoding);
  return (chunk, final) => decoder.decode(chunk, { stream: !final });
}

/** 0x80–0x9F are where Windows-1252 differs from Latin-1 (€, curly quotes, dashes); done here, not left to ICU. */
const CP1252_HIGH = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function decodeWindows1252(bytes: Buffer): string {
  const latin1 = bytes.toString('latin1');
  return /[\x80-\x9f]/.test(latin1) ? latin1.replace(/[\x80-\x9f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!) : latin1;
}
