import fs from 'node:fs';

/** Random access to a file on disk: zip and CFB containers are read from their directories, never whole. */
export class FileBytes {
  private constructor(
    private readonly fd: number,
    readonly size: number,
  ) {}

  static open(filePath: string): FileBytes {
    const fd = fs.openSync(filePath, 'r');
    return new FileBytes(fd, fs.fstatSync(fd).size);
  }

  read(offset: number, length: number): Buffer {
    const start = Math.max(0, Math.min(offset, this.size));
    const len = Math.max(0, Math.min(length, this.size - start));
    const buffer = Buffer.alloc(len);
    let done = 0;
    while (done < len) {
      const n = fs.readSync(this.fd, buffer, done, len - done, start + done);
      if (n === 0) break;
      done += n;
    }
    return done === len ? buffer : buffer.subarray(0, done);
  }

  private closed = false;

  close(): void {
    if (this.closed) return;
    this.closed = true;
    fs.closeSync(this.fd);
  }
}
