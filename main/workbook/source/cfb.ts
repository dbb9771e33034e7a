import { refuse, SAVE_AS_HINT } from '../refusal';
import type { FileBytes } from './file-bytes';

/**
 * Just enough of the Compound File Binary format (the container of .xls files and of password-protected
 * .xlsx files) to name what is inside: AX Workbench reads neither, and says which one it is.
 */
interface DirEntry {
  name: string;
  type: number;
  start: number;
  size: number;
}

const END_OF_CHAIN = 0xfffffffe;
const FREE = 0xffffffff;

export function refuseCompoundFile(bytes: FileBytes): never {
  let entries: DirEntry[] | null = null;
  let reader: CfbReader | null = null;
  try {
    reader = new CfbReader(bytes);
    entries = reader.directory();
  } catch {
    entries = null;
  }
  const names = new Set((entries ?? []).map((e) => e.name.toLowerCase()));
  if (names.has('encryptioninfo') || names.has('encryptedpackage')) {
    refuse('The workbook is password-protected (encrypted), so it cannot be read. Open it in Excel, remove the password (File > Info > Protect Workbook), save it, and import it again.');
  }
  const workbook = (entries ?? []).find((e) => e.type === 2 && (e.name === 'Workbook' || e.name === 'Book'));
  if (workbook && reader) {
    let head: Buffer | null = null;
    try {
      head = reader.readStream(workbook, 64 * 1024);
    } catch {
      head = null;
    }
    if (head && hasFilePass(head)) {
      refuse('This Excel 97–2003 workbook (.xls) is password-protected, so it cannot be read. Remove the password in Excel, save it as .xlsx, and import that file.');
    }
    const era = workbook.name === 'Book' ? 'Excel 5.0/95' : 'Excel 97–2003';
    refuse(`This is an ${era} workbook (.xls), an old binary format AX Workbench does not read. ${SAVE_AS_HINT}`);
  }
  if (names.has('worddocument')) refuse('This file is a Word document, not a spreadsheet.');
  if (names.has('powerpoint document')) refuse('This file is a PowerPoint presentation, not a spreadsheet.');
  if (entries === null) {
    // A damaged directory: say what it most likely is rather than only "corrupt".
    if (bytes.read(0, Math.min(bytes.size, 1024 * 1024)).includes(Buffer.from('Workbook', 'utf16le'))) {
      refuse(`This looks like an old Excel workbook (.xls) with a damaged structure; AX Workbench does not read .xls files. ${SAVE_AS_HINT}`);
    }
    refuse('The file is an Office document in the old binary format, and it is damaged; it was not opened.');
  }
  refuse(`This is an Office document in the old binary format, not a workbook AX Workbench can read. ${SAVE_AS_HINT}`);
}

/** BIFF records of the workbook globals: FILEPASS (0x2F) before the first sheet means encryption. */
function hasFilePass(stream: Buffer): boolean {
  for (let at = 0, n = 0; at + 4 <= stream.length && n < 2000; n++) {
    const type = stream.readUInt16LE(at);
    const length = stream.readUInt16LE(at + 2);
    if (type === 0x002f) return true;
    if (type === 0x0085 || type === 0x000a) return false; // BOUNDSHEET or EOF: past where FILEPASS would be
    at += 4 + length;
  }
  return false;
}

class CfbReader {
  private readonly sectorSize: number;
  private readonly miniSectorSize: number;
  private readonly miniCutoff: number;
  private readonly fat: number[] = [];
  private readonly header: Buffer;

  constructor(private readonly bytes: FileBytes) {
    this.header = bytes.read(0, 512);
    if (this.header.length < 512) throw new Error('short header');
    const shift = this.header.readUInt16LE(0x1e);
    if (shift !== 9 && shift !== 12) throw new Error('bad sector size');
    this.sectorSize = 1 << shift;
    this.miniSectorSize = 1 << this.header.readUInt16LE(0x20);
    this.miniCutoff = this.header.readUInt32LE(0x38);
    const fatSectors: number[] = [];
    for (let i = 0; i < 109; i++) {
      const id = this.header.readUInt32LE(0x4c + i * 4);
      if (id !== FREE && id !== END_OF_CHAIN) fatSectors.push(id);
    }
    let difat = this.header.readUInt32LE(0x44);
    for (let guard = 0; difat !== END_OF_CHAIN && difat !== FREE && guard < 10_000; guard++) {
      const sector = this.sector(difat);
      const per = this.sectorSize / 4 - 1;
      for (let i = 0; i < per; i++) {
        const id = sector.readUInt32LE(i * 4);
        if (id !== FREE && id !== END_OF_CHAIN) fatSectors.push(id);
      }
      difat = sector.readUInt32LE(per * 4);
    }
    if (fatSectors.length > 100_000) throw new Error('too many FAT sectors');
    for (const id of fatSectors) {
      const sector = this.sector(id);
      for (let i = 0; i < this.sectorSize / 4; i++) this.fat.push(sector.readUInt32LE(i * 4));
    }
  }

  private sector(id: number): Buffer {
    const offset = (id + 1) * this.sectorSize;
    if (offset + this.sectorSize > this.bytes.size + this.sectorSize) throw new Error('sector past the end');
    return this.bytes.read(offset, this.sectorSize);
  }

  private chain(start: number, table: number[]): number[] {
    const ids: number[] = [];
    const seen = new Set<number>();
    for (let id = start; id !== END_OF_CHAIN && id !== FREE; id = table[id] ?? END_OF_CHAIN) {
      if (seen.has(id) || id >= table.length) throw new Error('broken chain');
      seen.add(id);
      ids.push(id);
    }
    return ids;
  }

  directory(): DirEntry[] {
    const entries: DirEntry[] = [];
    for (const id of this.chain(this.header.readUInt32LE(0x30), this.fat)) {
      const sector = this.sector(id);
      for (let at = 0; at + 128 <= sector.length; at += 128) {
        const nameLength = Math.min(64, sector.readUInt16LE(at + 0x40));
        const type = sector[at + 0x42]!;
        if (type === 0) continue;
        const name = sector.toString('utf16le', at, at + Math.max(0, nameLength - 2));
        entries.push({ name, type, start: sector.readUInt32LE(at + 0x74), size: sector.readUInt32LE(at + 0x78) });
      }
    }
    if (entries.length === 0) throw new Error('empty directory');
    return entries;
  }

  readStream(entry: DirEntry, max: number): Buffer {
    const want = Math.min(entry.size, max);
    if (entry.size < this.miniCutoff) {
      const root = this.directory().find((e) => e.type === 5);
      if (!root) throw new Error('no root');
      const miniFat: number[] = [];
      for (const id of this.chain(this.header.readUInt32LE(0x3c), this.fat)) {
        const sector = this.sector(id);
        for (let i = 0; i < this.sectorSize / 4; i++) miniFat.push(sector.readUInt32LE(i * 4));
      }
      const miniStream = Buffer.concat(this.chain(root.start, this.fat).map((id) => this.sector(id)));
      const parts = this.chain(entry.start, miniFat).map((id) => miniStream.subarray(id * this.miniSectorSize, (id + 1) * this.miniSectorSize));
      return Buffer.concat(parts).subarray(0, want);
    }
    const parts: Buffer[] = [];
    let have = 0;
    for (const id of this.chain(entry.start, this.fat)) {
      parts.push(this.sector(id));
      have += this.sectorSize;
      if (have >= want) break;
    }
    return Buffer.concat(parts).subarray(0, want);
  }
}
