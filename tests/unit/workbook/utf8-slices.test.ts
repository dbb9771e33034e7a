import { StringDecoder } from 'node:string_decoder';
import { describe, expect, it } from 'vitest';
import { decodeInSlices } from '../../../main/workbook/source/utf8-slices';

describe('decodeInSlices', () => {
  it('gives back the same text when slices cut through multi-byte characters, in chunks of any size', () => {
    // 2-, 3- and 4-byte characters, so that 32 KB slice ends and chunk ends fall inside them.
    const text = 'Zoë – 日本語 – 🙂 naïve café; '.repeat(12_000);
    const bytes = Buffer.from(text, 'utf8');
    for (const chunkBytes of [1_000, 32 * 1024, 32 * 1024 + 1, 100_003, 225_000]) {
      const decoder = new StringDecoder('utf8');
      const parts: string[] = [];
      for (let at = 0; at < bytes.length; at += chunkBytes) decodeInSlices(decoder, bytes.subarray(at, at + chunkBytes), (t) => parts.push(t));
      parts.push(decoder.end());
      expect(parts.join('')).toBe(text);
      // A slice's string may carry up to three bytes of a character cut at the end of the slice before.
      if (chunkBytes > 32 * 1024) expect(Math.max(...parts.map((p) => Buffer.byteLength(p)))).toBeLessThanOrEqual(32 * 1024 + 3);
    }
  });
});
