import { LIMITS } from '../limits';
import { refuse } from '../refusal';
import type { FileBytes } from './file-bytes';

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const DAMAGED = 'The file is damaged or incomplete (it may have been cut off while downloading or copying).';

/**
 * Reads a zip's central directory without inflating anything, so sizes, counts and ratios are judged
 * before any reader is let near the file.
 */
export function readZipDirectory(bytes: FileBytes): ZipEntry[] {
  const tailLength = Math.min(bytes.size, 22 + 0xffff);
  const tail = bytes.read(bytes.size - tailLength, tailLength);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) refuse(DAMAGED);
  let count = tail.readUInt16LE(eocd + 10);
  let dirSize = tail.readUInt32LE(eocd + 12);
  let dirOffset = tail.readUInt32LE(eocd + 16);
  const eocdAbsolute = bytes.size - tailLength + eocd;

  if (count === 0xffff || dirSize === 0xffffffff || dirOffset === 0xffffffff) {
    const locator = bytes.read(eocdAbsolute - 20, 20);
    if (locator.length < 20 || locator.readUInt32LE(0) !== ZIP64_LOCATOR) refuse(DAMAGED);
    const recordOffset = Number(locator.readBigUInt64LE(8));
    const record = bytes.read(recordOffset, 56);
    if (record.length < 56 || record.readUInt32LE(0) !== ZIP64_EOCD) refuse(DAMAGED);
    count = Number(record.readBigUInt64LE(32));
    dirSize = Number(record.readBigUInt64LE(40));
    dirOffset = Number(record.readBigUInt64LE(48));
  }
  if (count > LIMITS.maxZipEntries) refuse(`The file holds ${count} parts; a spreadsheet has far fewer, so it was not opened.`);
  if (dirOffset + dirSize > bytes.size || dirSize > 64 * 1024 * 1024) refuse(DAMAGED);

  const dir = bytes.read(dirOffset, dirSize);
  const entries: ZipEntry[] = [];
  let at = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > dir.length || dir.readUInt32LE(at) !== CENTRAL) refuse(DAMAGED);
    const flags = dir.readUInt16LE(at + 8);
    const method = dir.readUInt16LE(at + 10);
    const crc32 = dir.readUInt32LE(at + 16);
    let compressedSize = dir.readUInt32LE(at + 20);
    let uncompressedSize = dir.readUInt32LE(at + 24);
    const nameLength = dir.readUInt16LE(at + 28);
    const extraLength = dir.readUInt16LE(at + 30);
    const commentLength = dir.readUInt16LE(at + 32);
    let localHeaderOffset = dir.readUInt32LE(at + 42);
    const nameEnd = at + 46 + nameLength;
    if (nameEnd + extraLength + commentLength > dir.length) refuse(DAMAGED);
    const name = dir.toString(flags & 0x800 ? 'utf8' : 'latin1', at + 46, nameEnd);
    const extra = dir.subarray(nameEnd, nameEnd + extraLength);
    ({ compressedSize, uncompressedSize, localHeaderOffset } = applyZip64(extra, { compressedSize, uncompressedSize, localHeaderOffset }));
    entries.push({ name, method, flags, crc32, compressedSize, uncompressedSize, localHeaderOffset });
    at = nameEnd + extraLength + commentLength;
  }
  return entries;
}

function applyZip64(extra: Buffer, sizes: { compressedSize: number; uncompressedSize: number; localHeaderOffset: number }) {
  const out = { ...sizes };
  for (let at = 0; at + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(at);
    const length = extra.readUInt16LE(at + 2);
    if (id === 0x0001) {
      let field = at + 4;
      const next = () => {
        if (field + 8 > at + 4 + length) return null;
        const value = Number(extra.readBigUInt64LE(field));
        field += 8;
        return value;
      };
      if (out.uncompressedSize === 0xffffffff) out.uncompressedSize = next() ?? out.uncompressedSize;
      if (out.compressedSize === 0xffffffff) out.compressedSize = next() ?? out.compressedSize;
      if (out.localHeaderOffset === 0xffffffff) out.localHeaderOffset = next() ?? out.localHeaderOffset;
    }
    at += 4 + length;
  }
  return out;
}

/** Refuses what no honest spreadsheet looks like: encryption, odd methods, bombs, parts past the end. */
export function guardZip(entries: readonly ZipEntry[], fileSize: number): void {
  let total = 0;
  for (const entry of entries) {
    if (entry.flags & 0x1) refuse('The file is encrypted (password-protected), so it cannot be read. Remove the password in the program that made it and save it again.');
    if (entry.method !== 0 && entry.method !== 8) refuse('The file is compressed in a way spreadsheets never are; it was not opened.');
    if (entry.localHeaderOffset + 30 + entry.compressedSize > fileSize) refuse(DAMAGED);
    if (entry.uncompressedSize > LIMITS.maxEntryBytes) refuse(bombMessage(`one of its parts would unpack to ${mb(entry.uncompressedSize)}`));
    const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
    if (entry.uncompressedSize >= LIMITS.ratioCheckFromBytes && ratio > LIMITS.maxCompressionRatio) {
      refuse(bombMessage(`one of its parts unpacks ${Math.round(ratio)} times larger than it is stored`));
    }
    total += entry.uncompressedSize;
  }
  if (total > LIMITS.maxTotalInflatedBytes) refuse(bombMessage(`its parts would unpack to ${mb(total)}`));
}

export function bombMessage(detail: string): string {
  return `The file was refused because ${detail}: it looks like a "zip bomb" rather than a spreadsheet.`;
}

function mb(bytes: number): string {
  return `${Math.round(bytes / 1024 / 1024)} MB`;
}

export const ZIP_DAMAGED = DAMAGED;
