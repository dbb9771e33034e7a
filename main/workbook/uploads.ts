import fs from 'node:fs';
import { ApiError } from '../../shared/contract/errors';
import type { UploadState } from '../../shared/contract/workbook';
import { LIMITS } from './limits';
import type { StagingFolder } from './staging-files';

interface Upload {
  id: string;
  fileName: string;
  filePath: string;
  received: number;
  complete: boolean;
}

/** Files arrive as base64 chunks at explicit offsets, so a lost or repeated chunk is caught, not glued in. */
export class Uploads {
  private readonly uploads = new Map<string, Upload>();

  constructor(private readonly staging: StagingFolder) {}

  receive(input: { uploadId?: string; fileName: string; offset: number; chunkBase64: string; last: boolean }): UploadState {
    let upload = input.uploadId ? this.uploads.get(input.uploadId) : undefined;
    if (input.uploadId && !upload) throw new ApiError({ code: 'not_found', message: 'That upload is not known any more; send the file again.' });
    if (!upload) {
      if (input.offset !== 0) throw new ApiError({ code: 'invalid_input', message: 'A new upload starts at offset 0.' });
      const { id, filePath } = this.staging.newPath('.upload');
      upload = { id, fileName: input.fileName, filePath, received: 0, complete: false };
      fs.writeFileSync(filePath, Buffer.alloc(0));
      this.uploads.set(id, upload);
    }
    if (upload.complete) throw new ApiError({ code: 'conflict', message: 'That upload is already complete.' });
    if (input.offset !== upload.received) {
      throw new ApiError({ code: 'invalid_input', message: `Expected the chunk at byte ${upload.received}, got one at ${input.offset}.` });
    }
    const bytes = Buffer.from(input.chunkBase64, 'base64');
    if (upload.received + bytes.length > LIMITS.maxFileBytes) {
      this.discard(upload.id);
      throw new ApiError({ code: 'invalid_input', message: `The file is larger than ${LIMITS.maxFileBytes / 1024 / 1024} MB, more than AX Workbench imports at once.` });
    }
    fs.appendFileSync(upload.filePath, bytes);
    upload.received += bytes.length;
    upload.complete = input.last;
    return { uploadId: upload.id, receivedBytes: upload.received, complete: upload.complete };
  }

  /** A completed upload becomes the session's file: the session owns and removes it. */
  take(uploadId: string): { fileName: string; filePath: string } {
    const upload = this.uploads.get(uploadId);
    if (!upload) throw new ApiError({ code: 'not_found', message: 'That upload is not known any more; send the file again.' });
    if (!upload.complete) throw new ApiError({ code: 'invalid_input', message: 'The upload is not complete yet: send its last chunk first.' });
    this.uploads.delete(uploadId);
    return { fileName: upload.fileName, filePath: upload.filePath };
  }

  /** Bytes sent inline (small files) take the same road as an upload. */
  fromBase64(fileName: string, contentBase64: string): { fileName: string; filePath: string } {
    const { filePath } = this.staging.newPath('.upload');
    fs.writeFileSync(filePath, Buffer.from(contentBase64, 'base64'));
    return { fileName, filePath };
  }

  /** A file the host chose (Electron's open dialog) is copied in, so the session owns its own copy. */
  fromPath(sourcePath: string, fileName: string): { fileName: string; filePath: string } {
    const size = fs.statSync(sourcePath).size;
    if (size > LIMITS.maxFileBytes) throw new ApiError({ code: 'invalid_input', message: `The file is larger than ${LIMITS.maxFileBytes / 1024 / 1024} MB.` });
    const { filePath } = this.staging.newPath('.upload');
    fs.copyFileSync(sourcePath, filePath);
    return { fileName, filePath };
  }

  /**
   * A file the host chose (Electron's open dialog) becomes a completed upload, so the renderer goes on
   * with `workbook.inspect({source: {uploadId}})` exactly as after sending the bytes itself.
   */
  adopt(sourcePath: string, fileName: string): UploadState & { fileName: string } {
    const stat = fs.statSync(sourcePath);
    if (!stat.isFile()) throw new ApiError({ code: 'invalid_input', message: 'That is a folder, not a file.' });
    if (stat.size > LIMITS.maxFileBytes) throw new ApiError({ code: 'invalid_input', message: `The file is larger than ${LIMITS.maxFileBytes / 1024 / 1024} MB, more than AX Workbench imports at once.` });
    const { id, filePath } = this.staging.newPath('.upload');
    fs.copyFileSync(sourcePath, filePath);
    this.uploads.set(id, { id, fileName, filePath, received: stat.size, complete: true });
    return { uploadId: id, receivedBytes: stat.size, complete: true, fileName };
  }

  private discard(id: string): void {
    const upload = this.uploads.get(id);
    if (upload) this.staging.remove(upload.filePath);
    this.uploads.delete(id);
  }
}
