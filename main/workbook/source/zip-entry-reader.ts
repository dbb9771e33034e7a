import fs from 'node:fs';
import zlib from 'node:zlib';
import { Transform } from 'node:stream';
import { Readable } from 'node:stream';
import { LIMITS } from '../limits';
import { refuse, WorkbookRefusal } from '../refusal';
import type { FileBytes } from './file-bytes';
import { bombMessage, ZIP_DAMAGED } from './zip-directory';
import type { ZipEntry } from './zip-directory';

export function dataStart(bytes: FileBytes, entry: ZipEntry): number {
  const header = bytes.read(entry.localHeaderOffset, 30);
  if (header.length < 30 || header.readUInt32LE(0) !== 0x04034b50) refuse(ZIP_DAMAGED);
  return entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
}

/** A small part, inflated whole; its real size must match what the directory promised. */
export function readEntry(bytes: FileBytes, entry: ZipEntry, maxBytes: number = LIMITS.maxPartBytes): Buffer {
  if (entry.uncompressedSize > maxBytes) refuse(bombMessage(`the part ${entry.name} is unusually large`));
  const raw = bytes.read(dataStart(bytes, entry), entry.compressedSize);
  if (raw.length < entry.compressedSize) refuse(ZIP_DAMAGED);
  let out: Buffer;
  if (entry.method === 0) out = raw;
  else {
    try {
      out = zlib.inflateRawSync(raw, { maxOutputLength: Math.max(1, entry.uncompressedSize) });
    } catch (err) {
      if (err instanceof RangeError) refuse(bombMessage(`the part ${entry.name} unpacks larger than its stated size`));
      refuse(ZIP_DAMAGED);
    }
  }
  if (out.length !== entry.uncompressedSize) refuse(ZIP_DAMAGED);
  refuseDoctype(out, entry.name);
  return out;
}

/**
 * Streams one part inflated, counting bytes: a part that unpacks past its stated size is a bomb, one
 * that falls short is damaged. XML parts are checked for DOCTYPE/ENTITY declarations on the way.
 */
export function streamEntry(bytes: FileBytes, filePath: string, entry: ZipEntry, signal?: AbortSignal, onStoredBytes?: (n: number) => void): Readable {
  const start = dataStart(bytes, entry);
  const source = fs.createReadStream(filePath, { start, end: start + Math.max(0, entry.compressedSize) - 1, highWaterMark: 256 * 1024 });
  let produced = 0;
  let tail = '';
  const guard = new Transform({
    transform(chunk: Buffer, _enc, done) {
      if (signal?.aborted) return done(new WorkbookRefusal('Cancelled.'));
      produced += chunk.length;
      if (produced > entry.uncompressedSize) return done(new WorkbookRefusal(bombMessage(`the part ${entry.name} unpacks larger than its stated size`)));
      const boundary = tail + chunk.toString('latin1', 0, Math.min(16, chunk.length));
      if (hasDeclaration(boundary) || chunkDeclares(chunk)) return done(new WorkbookRefusal(doctypeMessage(entry.name)));
      tail = chunk.toString('latin1', Math.max(0, chunk.length - 16));
      done(null, chunk);
    },
    flush(done) {
      if (produced !== entry.uncompressedSize) return done(new WorkbookRefusal(ZIP_DAMAGED));
      done();
    },
  });
  const fail = (err: Error) => guard.destroy(err instanceof WorkbookRefusal ? err : new WorkbookRefusal(ZIP_DAMAGED));
  source.on('error', fail);
  if (onStoredBytes) source.on('data', (chunk: string | Buffer) => onStoredBytes(chunk.length));
  if (entry.method === 0) return source.pipe(guard);
  const inflate = zlib.createInflateRaw({ chunkSize: 256 * 1024 });
  inflate.on('error', fail);
  return source.pipe(inflate).pipe(guard);
}

const DECLARATIONS = ['<!DOCTYPE', '<!ENTITY', '<!doctype'];

/**
 * Whether a chunk holds a declaration whole (one cut by the chunk's end is caught by the boundary check):
 * one pass looking for "<!", which sheet markup hardly ever has, rather than one pass per declaration.
 */
function chunkDeclares(chunk: Buffer): boolean {
  for (let at = chunk.indexOf(MARKUP_DECLARATION); at >= 0; at = chunk.indexOf(MARKUP_DECLARATION, at + 2)) {
    const text = chunk.toString('latin1', at, at + 9);
    if (DECLARATIONS.some((d) => text.startsWith(d))) return true;
  }
  return false;
}

const MARKUP_DECLARATION = Buffer.from('<!', 'latin1');

function hasDeclaration(text: string): boolean {
  return text.includes('<!DOCTYPE') || text.includes('<!ENTITY') || text.includes('<!doctype');
}

function doctypeMessage(part: string): string {
  return `The file was refused because its part ${part} declares a DOCTYPE or entities, which real spreadsheets never do (it is a known way to attack XML readers).`;
}

export function refuseDoctype(xml: Buffer, part: string): void {
  if (hasDeclaration(xml.toString('latin1'))) refuse(doctypeMessage(part));
}
