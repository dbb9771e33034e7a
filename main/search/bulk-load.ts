import type BetterSqlite3 from 'better-sqlite3';
import { SEARCH_BACKFILL_STATEMENTS } from '../db/migrations/003-search-fts';

/**
 * For bulk loaders (the demo generator at benchmark size, big imports): keeping the search index in step row
 * by row costs FTS5 a small segment per row (it flushes at every statement savepoint a trigger runs in),
 * which more than doubles a million-row load. This drops the search triggers, runs the load, indexes
 * everything once, and puts the triggers back. It must run inside the caller's transaction, so that a
 * failure restores the triggers along with everything else.
 */
export function withSearchIndexingDeferred<T>(raw: BetterSqlite3.Database, load: () => T): T {
  if (!raw.inTransaction) throw new Error('withSearchIndexingDeferred must run inside a transaction');
  const triggers = raw
    .prepare(`SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND name LIKE '%\\_search\\_%' ESCAPE '\\' ORDER BY name`)
    .all() as { name: string; sql: string }[];
  for (const trigger of triggers) raw.exec(`DROP TRIGGER "${trigger.name.replace(/"/g, '""')}"`);
  const result = load();
  rebuildSearchIndex(raw);
  for (const trigger of triggers) raw.exec(trigger.sql);
  return result;
}

/** Derives every search document again from the source tables and rebuilds the FTS index from them. */
export function rebuildSearchIndex(raw: BetterSqlite3.Database): void {
  raw.exec('DELETE FROM search_documents');
  for (const statement of SEARCH_BACKFILL_STATEMENTS) raw.exec(statement);
}
