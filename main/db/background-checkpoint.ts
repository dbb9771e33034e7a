import type BetterSqlite3 from 'better-sqlite3';
import { RequestThread, type ThreadFailure } from './request-thread';

export interface CheckpointRequest {
  id: number;
  file: string;
}

export type CheckpointReply =
  | { id: number; ok: true; busy: boolean; logFrames: number; copiedFrames: number }
  | ThreadFailure;

/**
 * Checkpoints on another thread (checkpoint-worker.ts). A big write (a 100k-row import writes a 266 MB
 * log) otherwise ends with SQLite's automatic checkpoint copying the whole log into the file and syncing
 * it, inside the commit, on the core's thread: most of a second the person waits for with nothing left
 * to decide. With the copy on the second core, the core answers once the write is durable in the log.
 * Should the thread fail, writes go back to SQLite's automatic checkpoints: nothing is lost either way,
 * the log is part of the database until it is copied.
 */
export class BackgroundCheckpoint {
  private readonly pending = new Set<Promise<CheckpointReply>>();

  private constructor(private readonly thread: RequestThread<CheckpointRequest, CheckpointReply>) {}

  /**
   * The thread from a bundled worker file, or null where there is none (tests that run the core in-process)
   * or it cannot start: big writes then checkpoint as any other.
   */
  static start(workerFile: string | undefined, nativeBinding?: string): BackgroundCheckpoint | null {
    const thread = RequestThread.start<CheckpointRequest, CheckpointReply>(workerFile, {
      nativeBinding,
      name: 'checkpoint thread',
      fallbackNote: "big writes checkpoint on the core's thread from now on.",
    });
    return thread ? new BackgroundCheckpoint(thread) : null;
  }

  get available(): boolean {
    return this.thread.available;
  }

  /** Copies `file`'s log into it on the checkpoint thread. */
  request(file: string): Promise<CheckpointReply> {
    const reply = this.thread.send((id) => ({ id, file }));
    this.pending.add(reply);
    void reply.then(() => this.pending.delete(reply));
    return reply;
  }

  /** Resolves once every requested checkpoint has finished (before a workspace closes, so its connection is the last). */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.all(this.pending);
  }

  async close(): Promise<void> {
    await this.idle();
    await this.thread.terminate();
  }
}

/**
 * Runs a big write with SQLite's automatic checkpoint off and hands the checkpoint to the checkpoint
 * thread once the write is committed. Without the thread, the write runs as any other. Must be called
 * outside a transaction; the previous setting is put back afterwards.
 */
export function withCheckpointInBackground<T>(raw: BetterSqlite3.Database, checkpoint: BackgroundCheckpoint | null, work: () => T): T {
  const resume = suspendAutoCheckpoint(raw, checkpoint);
  try {
    return work();
  } finally {
    resume?.();
  }
}

/** The same for work that writes through awaited steps (the core runs one call at a time, so no other write interleaves). */
export async function withCheckpointInBackgroundAsync<T>(raw: BetterSqlite3.Database, checkpoint: BackgroundCheckpoint | null, work: () => Promise<T>): Promise<T> {
  const resume = suspendAutoCheckpoint(raw, checkpoint);
  try {
    return await work();
  } finally {
    resume?.();
  }
}

/** Turns SQLite's automatic checkpoint off; the function returned puts it back and asks the thread to checkpoint. */
function suspendAutoCheckpoint(raw: BetterSqlite3.Database, checkpoint: BackgroundCheckpoint | null): (() => void) | null {
  if (!checkpoint?.available || raw.inTransaction || raw.memory) return null;
  const previous = raw.pragma('wal_autocheckpoint', { simple: true }) as number;
  raw.pragma('wal_autocheckpoint = 0');
  return () => {
    raw.pragma(`wal_autocheckpoint = ${previous}`);
    void checkpoint.request(raw.name).then(reportIncomplete);
  };
}

/** The log stays whole and is folded in by a later write or the close, but a checkpoint that could not finish should be seen. */
function reportIncomplete(reply: CheckpointReply): void {
  if (!reply.ok) console.error(`AX Workbench: a background checkpoint failed (${reply.message}).`);
  else if (reply.busy || reply.copiedFrames < reply.logFrames) console.error(`AX Workbench: a background checkpoint copied ${reply.copiedFrames} of ${reply.logFrames} log frames (a reader was still using the rest).`);
}
