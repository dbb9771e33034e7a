import fs from 'node:fs';
import { ApiError } from '../../../shared/contract/errors';
import type { DownloadChunk, ExportFile } from '../../../shared/contract/workbook';
import type { StagingFolder } from '../staging-files';

interface Stored extends ExportFile {
  filePath: string;
  createdAt: number;
}

const KEEP = 8;

/** Finished exports wait in the staging folder until fetched in chunks (or replaced by newer ones). */
export class ExportFiles {
  private readonly files = new Map<string, Stored>();

  constructor(private readonly staging: StagingFolder) {}

  reserve(extension: string): { id: string; filePath: string } {
    return this.staging.newPath(extension);
  }

  register(id: string, filePath: string, fileName: string, mimeType: string): ExportFile {
    const sizeBytes = fs.statSync(filePath).size;
    this.files.set(id, { exportId: id, fileName, mimeType, sizeBytes, filePath, createdAt: Date.now() });
    const old = [...this.files.values()].sort((a, b) => b.createdAt - a.createdAt).slice(KEEP);
    for (const stale of old) {
      this.files.delete(stale.exportId);
      this.staging.remove(stale.filePath);
    }
    return { exportId: id, fileName, mimeType, sizeBytes };
  }

  read(exportId: string, offset: number, length: number): DownloadChunk {
    const file = this.files.get(exportId);
    if (!file) throw new ApiError({ code: 'not_found', message: 'That export is not available any more; export again.' });
    const fd = fs.openSync(file.filePath, 'r');
    try {
      const size = file.sizeBytes;
      const start = Math.min(offset, size);
      const buffer = Buffer.alloc(Math.min(length, size - start));
      fs.readSync(fd, buffer, 0, buffer.length, start);
      return { base64: buffer.toString('base64'), offset: start, sizeBytes: size, done: start + buffer.length >= size };
    } finally {
      fs.closeSync(fd);
    }
  }

  pathOf(exportId: string): string {
    const file = this.files.get(exportId);
    if (!file) throw new ApiError({ code: 'not_found', message: 'That export is not available any more.' });
    return file.filePath;
  }
}
