import { parentPort, workerData } from 'node:worker_threads';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { registerArrayRows } from '../../db/array-rows';
import { MMAP_BYTES, PAGE_CACHE_KIB } from '../../db/open-database';
import type { Database } from '../../db/tables';
import { claimRequest, type RequestThreadData } from '../../db/request-thread';
import type { ReaderMessage, ReaderReply } from './metrics-reader';
import { runParallelRead } from './parallel-reads';

/**
 * The metrics reader thread (metrics-reader.ts): runs parallel reads (parallel-reads.ts) on a read-only
 * connection of its own, one at a time, each in one read transaction that starts by reading the memo's
 * change counters, so the counters and the result describe the same snapshot. The connection stays
 * open between reads (its page cache is most of the speed) until the core releases it or the thread ends.
 */
const port = parentPort;
if (!port) throw new Error('the metrics reader must run in a worker thread');
const { nativeBinding, claims } = (workerData ?? {}) as RequestThreadData;

interface Connection {
  file: string;
  raw: BetterSqlite3.Database;
  db: Kysely<Database>;
}

let connection: Connection | null = null;
let queue: Promise<void> = Promise.resolve();

port.on('message', (message: ReaderMessage) => {
  queue = queue.then(() => handle(message));
});

async function handle(message: ReaderMessage): Promise<void> {
  if (message.type === 'release') {
    await release();
    port!.postMessage({ id: message.id, ok: true, counters: {}, value: null } satisfies ReaderReply);
    return;
  }
  // Taken back by the core, which found itself waiting before this thread got to it.
  if (!claimRequest(claims, message)) {
    port!.postMessage({ id: message.id, ok: false, message: 'taken back by the core' } satisfies ReaderReply);
    return;
  }
  try {
    const { raw, db } = await connect(message.file);
    raw.exec('BEGIN');
    try {
      const counters = Object.fromEntries(raw.prepare('SELECT name, n FROM metric_change_counters').raw(true).all() as [string, number][]);
      const value = await runParallelRead(db, message.read);
      port!.postMessage({ id: message.id, ok: true, counters, value } satisfies ReaderReply, transferables(value));
    } finally {
      raw.exec('COMMIT');
    }
  } catch (err) {
    port!.postMessage({ id: message.id, ok: false, message: err instanceof Error ? err.message : String(err) } satisfies ReaderReply);
  }
}

async function connect(file: string): Promise<Connection> {
  if (connection?.file === file) return connection;
  await release();
  const raw = new BetterSqlite3(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    raw.pragma('busy_timeout = 5000');
    // The core's connection's read settings (open-database.ts): the same pages, read the same way.
    raw.pragma(`cache_size = ${PAGE_CACHE_KIB}`);
    raw.pragma(`mmap_size = ${MMAP_BYTES}`);
    raw.pragma('temp_store = MEMORY');
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: raw }) });
    registerArrayRows(db, raw);
    connection = { file, raw, db };
    return connection;
  } catch (err) {
    raw.close();
    throw err;
  }
}

async function release(): Promise<void> {
  const open = connection;
  connection = null;
  // Kysely's destroy closes the better-sqlite3 handle.
  if (open) await open.db.destroy();
}

/** The buffers of the typed arrays in a result, moved rather than copied to the core. */
function transferables(value: unknown, found = new Set<ArrayBuffer>()): ArrayBuffer[] {
  if (ArrayBuffer.isView(value)) {
    if (value.buffer instanceof ArrayBuffer) found.add(value.buffer);
  } else if (value instanceof Map) {
    for (const entry of value.values()) transferables(entry, found);
  } else if (Array.isArray(value)) {
    for (const entry of value) transferables(entry, found);
  } else if (typeof value === 'object' && value !== null) {
    for (const entry of Object.values(value)) transferables(entry, found);
  }
  return [...found];
}
