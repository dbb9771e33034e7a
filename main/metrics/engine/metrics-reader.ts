import { RequestThread, type ThreadFailure } from '../../db/request-thread';
import type { ParallelRead, ParallelReader, ParallelResult } from './parallel-reads';

export type ReaderMessage = { type: 'read'; id: number; shared?: boolean; file: string; read: ParallelRead } | { type: 'release'; id: number };

export type ReaderReply = { id: number; ok: true; counters: Record<string, number>; value: unknown } | ThreadFailure;

/**
 * The metrics reader thread (metrics-reader-worker.ts): a second core for the reads of a cold dashboard
 * that parallel-reads.ts lists, so that the core's thread computes while SQLite reads. The two share
 * the work: a read the thread has not started when the core runs out of work is the core's. Like the
 * checkpoint thread, it is optional: without its worker file (the core in-process, as most tests run
 * it), or once it failed, every read is the core's own, as before it existed. A failed read is never
 * an error the person sees: the core reads it itself.
 */
export class MetricsReader {
  private constructor(private readonly thread: RequestThread<ReaderMessage, ReaderReply>) {}

  /** The thread from a bundled worker file, or null where there is none or it cannot start. */
  static start(workerFile: string | undefined, nativeBinding?: string): MetricsReader | null {
    const thread = RequestThread.start<ReaderMessage, ReaderReply>(workerFile, {
      nativeBinding,
      name: 'metrics reader thread',
      fallbackNote: 'the core reads every metric itself from now on.',
      shareWork: true,
    });
    return thread ? new MetricsReader(thread) : null;
  }

  get available(): boolean {
    return this.thread.available;
  }

  /**
   * A reader of `file` for one call's query cache (parallel-reads.ts). `shareWork`: a read the thread
   * has not started when the core runs out of other work is taken back, and the core reads it itself.
   */
  forFile(file: string, shareWork = true): ParallelReader {
    return {
      read: async (read: ParallelRead): Promise<ParallelResult | null> => {
        const reply = await this.thread.send((id) => ({ type: 'read', id, file, read }), shareWork);
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
    await this.thread.send((id) => ({ type: 'release', id }));
  }

  async close(): Promise<void> {
    await this.release();
    await this.thread.terminate();
  }
}
