import { parentPort, workerData } from 'node:worker_threads';
import BetterSqlite3 from 'better-sqlite3';
import type { CheckpointReply, CheckpointRequest } from './background-checkpoint';
import type { RequestThreadData } from './request-thread';

/**
 * The checkpoint thread: copies a workspace's write-ahead log into the file on a connection of its own,
 * so that the core's thread answers as soon as a big write is durable (in the log) instead of first
 * copying it. A PASSIVE checkpoint never blocks the core's reads or writes, and copies only what every
 * reader has moved past; SQLite's locks keep the two connections apart.
 */
const port = parentPort;
if (!port) throw new Error('the checkpoint worker must run in a worker thread');
const { nativeBinding } = (workerData ?? {}) as RequestThreadData;

port.on('message', (request: CheckpointRequest) => port.postMessage(checkpoint(request)));

function checkpoint({ id, file }: CheckpointRequest): CheckpointReply {
  try {
    const db = new BetterSqlite3(file, { fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
    try {
      db.pragma('busy_timeout = 5000');
      // As durable as the core's own connection (main/db/open-database.ts).
      db.pragma('synchronous = FULL');
      const [result] = db.pragma('wal_checkpoint(PASSIVE)') as { busy: number; log: number; checkpointed: number }[];
      return { id, ok: true, busy: result!.busy === 1, logFrames: result!.log, copiedFrames: result!.checkpointed };
    } finally {
      db.close();
    }
  } catch (err) {
    return { id, ok: false, message: err instanceof Error ? err.message : String(err) };
  }
}
