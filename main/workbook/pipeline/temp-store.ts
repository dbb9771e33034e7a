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

/**
 * Runs a big write with the connection's page cache held to `kib` (the workspace keeps a large cache
 * for metric reads, main/db/open-database.ts). A transaction's dirty pages stay in that cache until it
 * is full: a 100k-row import filled all of it (over 100 MB of process memory, the import's peak)
 * where a smaller cache spills them to the WAL early, which it writes at commit anyway. Pages read
 * later fill the cache again; the previous size is put back afterwards.
 */
export function withPageCacheBounded<T>(raw: BetterSqlite3.Database, kib: number, work: () => T): T {
  const previous = raw.pragma('cache_size', { simple: true }) as number;
  const previousKib = previous < 0 ? -previous : (previous * (raw.pragma('page_size', { simple: true }) as number)) / 1024;
  if (previousKib <= kib) return work();
  raw.pragma(`cache_size = ${-kib}`);
  try {
    return work();
  } finally {
    raw.pragma(`cache_size = ${previous}`);
  }
}

/**
 * The page cache a big import or undo writes with. Its indexes by account and by contact take rows all
 * over their pages: with 16 MB a 100k-row import's responses took 40% longer to insert (pages written
 * out, then read back); 24 MB holds nearly all of that working set (32 MB: a few percent faster still,
 * for 8 MB more of the import's peak memory).
 */
export const WRITE_CACHE_KIB = 24 * 1024;
