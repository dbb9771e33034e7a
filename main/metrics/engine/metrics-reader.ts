import fs from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { ParallelRead, ParallelReader, ParallelResult } from './parallel-reads';

export interface ReaderWorkerData {
  nativeBinding?: string;
}

export type ReaderMessage = { type: 'read'; id: number; file: string; read: ParallelRead } | { type: 'release'; id: number };

export type ReaderReply = { id: number; ok: true; counters: Record<string, number>; value: unknown } | { id: number; ok: false; message: string };

/**
 * The metrics reader thread (metrics-reader-worker.ts): a second core for the reads of a cold dashboard
 * that parallel-reads.ts lists, so that the core's thread computes while SQLite reads. Like the
 * checkpoint thread, it is optional: without its worker file (the core in-process, as most tests run
 * it), or once it failed, every read is the core's own, as before it existed. A failed read is never
 * an error the person sees: the core reads it itself.
 */
export class MetricsReader {
  private worker: Worker | null;
  private readonly waiting = new Map<number, (reply: ReaderReply) => void>();
  private nextId = 1;
  private closing = false;

  private constructor(workerFile: string, nativeBinding: string | undefined) {
    const data: ReaderWorkerData = nativeBinding ? { nativeBinding } : {};
    this.worker = new Worker(workerFile, { workerData: data });
    this.worker.unref();
    this.worker.on('message', (reply: ReaderReply) => {
      this.waiting.get(reply.id)?.(reply);
      this.waiting.delete(reply.id);
    });
    const fail = (message: string) => {
      if (this.worker && !this.closing) console.error(`AX Workbench: ${message}; the core reads every metric itself from now on.`);
      this.worker = null;
      for (const [id, resolve] of this.waiting) resolve({ id, ok: false, message });
      this.waiting.clear();
    };
    this.worker.on('error', (err) => fail(`The metrics reader thread failed: ${err.message}`));
    this.worker.on('exit', (code) => fail(`The metrics reader thread exited with code ${code}`));
  }

  /** The thread from a bundled worker file, or null where there is none or it cannot start. */
  static start(workerFile: string | undefined, nativeBinding?: string): MetricsReader | null {
    if (!workerFile || !fs.existsSync(workerFile)) return null;
    try {
      return new MetricsReader(workerFile, nativeBinding);
    } catch (err) {
      console.error(`AX Workbench: the metrics reader thread did not start (${err instanceof Error ? err.message : String(err)}); the core reads every metric itself.`);
      return null;
    }
  }

  get available(): boolean {
    return this.worker !== null;
  }

  /** A reader of `file` for one call's query cache (parallel-reads.ts). */
  forFile(file: string): ParallelReader {
    return {
      read: async (read: ParallelRead): Promise<ParallelResult | null> => {
        const reply = await this.send((id) => ({ type: 'read', id, file, read }));
        return reply.ok ? { counters: reply.counters, value: reply.value } : null;
      },
    };
  }

  /**
   * Closes the thread's connection, once the reads before have finished. The core calls it before its
   * own connection to a workspace closes: the last connection to close folds the log into the file,
   * and a file must not stay open after the person closed or left it.
   */
  async release(): Promise<void> {
    await this.send((id) => ({ type: 'release', id }));
  }

  async close(): Promise<void> {
    await this.release();
    this.closing = true;
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
  }

  private send(message: (id: number) => ReaderMessage): Promise<ReaderReply> {
    const id = this.nextId++;
    if (!this.worker) return Promise.resolve({ id, ok: false, message: 'The metrics reader thread is not running.' });
    const reply = new Promise<ReaderReply>((resolve) => this.waiting.set(id, resolve));
    this.worker.postMessage(message(id));
    return reply;
  }
}
