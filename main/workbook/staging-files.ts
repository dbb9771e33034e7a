import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const STALE_MS = 24 * 60 * 60 * 1000;

/** Uploaded and exported files wait here, in the app's data folder, never beside the workspace. */
export class StagingFolder {
  constructor(readonly dir: string) {
    fs.mkdirSync(dir, { recursive: true });
    this.sweep();
  }

  newPath(extension: string): { id: string; filePath: string } {
    const id = crypto.randomUUID();
    return { id, filePath: path.join(this.dir, `${id}${extension}`) };
  }

  pathOf(id: string, extension: string): string {
    return path.join(this.dir, `${id}${extension}`);
  }

  remove(filePath: string): void {
    fs.rmSync(filePath, { force: true });
  }

  /** Files left by a previous run (a crash, a closed window) are removed after a day. */
  private sweep(): void {
    const now = Date.now();
    for (const name of fs.readdirSync(this.dir)) {
      const full = path.join(this.dir, name);
      try {
        if (now - fs.statSync(full).mtimeMs > STALE_MS) fs.rmSync(full, { force: true });
      } catch {
        // Another process may be removing it too.
      }
    }
  }
}

export async function sha256File(filePath: string, signal?: AbortSignal): Promise<string> {
  const hash = crypto.createHash('sha256');
  for await (const chunk of fs.createReadStream(filePath, { highWaterMark: 1024 * 1024 }) as AsyncIterable<Buffer>) {
    if (signal?.aborted) throw new Error('Cancelled.');
    hash.update(chunk);
  }
  return hash.digest('hex');
}
