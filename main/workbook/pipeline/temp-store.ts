import type BetterSqlite3 from 'better-sqlite3';

/**
 * Runs a big write with SQLite's temporary storage in memory. Every INSERT into a table with triggers
 * (search, metric summaries) keeps a statement journal so the statement can be undone alone; with
 * temporary storage on disk each of those journals is a temp file, and a 100k-row import spent more
 * time in those files' system calls than in its own inserts. The journals are small and die with their
 * statement, so memory barely moves. Must be called outside a transaction (SQLite only changes the
 * setting there); the previous setting is put back afterwards.
 */
export function withTempStoreInMemory<T>(raw: BetterSqlite3.Database, work: () => T): T {
  if (raw.inTransaction) return work();
  const previous = raw.pragma('temp_store', { simple: true }) as number;
  if (previous === 2) return work();
  raw.pragma('temp_store = MEMORY');
  try {
    return work();
  } finally {
    raw.pragma(`temp_store = ${previous}`);
  }
}
