import type BetterSqlite3 from 'better-sqlite3';
import { rebuildSearchIndex } from '../../main/search/bulk-load';
import { rolledBack } from './rolled-back';

/** Every search document without its id (a refresh appends, a rebuild renumbers), in a stable order. */
export function searchDocuments(raw: BetterSqlite3.Database): unknown[] {
  return raw.prepare(`SELECT source, source_id, interview_id, account_id, at, body, facets FROM search_documents ORDER BY source, source_id`).all();
}

/** The oracle: every document derived anew from the rows as they are (the rebuild is rolled back). */
export function rebuiltSearchDocuments(raw: BetterSqlite3.Database): unknown[] {
  return rolledBack(raw, () => {
    rebuildSearchIndex(raw);
    return searchDocuments(raw);
  });
}

/** FTS5's integrity check with rank 1: the index compared with its content table, not only with itself. */
export function checkSearchIndex(raw: BetterSqlite3.Database): void {
  raw.prepare(`INSERT INTO search_fts (search_fts, rank) VALUES ('integrity-check', 1)`).run();
}
