import crypto from 'node:crypto';

const HEX = Buffer.from('0123456789abcdef', 'latin1');

/**
 * UUIDv7 ids for a whole import at a time. The same format as db/new-id (48-bit millisecond time,
 * version 7, variant 10, random bits), but the random bytes come from one pooled buffer instead of a
 * system call per id, ids made in the same millisecond count up (a batch stays in order), and each id
 * is one flat 36-byte string rather than a chain of concatenations (a hundred thousand of them are
 * held until the commit).
 */
export function idMaker(): () => string {
  let pool = Buffer.alloc(0);
  let at = 0;
  let lastMs = -1;
  let counter = 0;
  const out = Buffer.alloc(36);
  const put = (offset: number, byte: number) => {
    out[offset] = HEX[byte >> 4]!;
    out[offset + 1] = HEX[byte & 15]!;
  };
  return () => {
    if (at + 10 > pool.length) {
      pool = crypto.randomBytes(16 * 1024);
      at = 0;
    }
    const now = Date.now();
    if (now > lastMs) {
      lastMs = now;
      counter = pool.readUInt16BE(at) & 0x07ff; // leaves room to count up within the millisecond
    } else if (++counter > 0xfff) {
      lastMs++;
      counter = 0;
    }
    const high = Math.floor(lastMs / 0x10000); // top 32 bits of the 48-bit time
    const low = lastMs % 0x10000;
    put(0, (high >>> 24) & 255);
    put(2, (high >>> 16) & 255);
    put(4, (high >>> 8) & 255);
    put(6, high & 255);
    out[8] = 45;
    put(9, low >> 8);
    put(11, low & 255);
    out[13] = 45;
    put(14, 0x70 | (counter >> 8));
    put(16, counter & 255);
    out[18] = 45;
    put(19, (pool[at + 2]! & 0x3f) | 0x80);
    put(21, pool[at + 3]!);
    out[23] = 45;
    for (let i = 0; i < 6; i++) put(24 + i * 2, pool[at + 4 + i]!);
    at += 10;
    return out.toString('latin1');
  };
}
