import type BetterSqlite3 from 'better-sqlite3';
import { SEARCH_BACKFILL_STATEMENTS, searchDocumentsOf } from '../db/migrations/003-search-fts';

/** Source rows a bulk load wrote or removed whose search documents it may have changed. */
export interface ChangedTexts {
  interviews: readonly string[];
  /** Driver ratings: their interview's documents carry the rated drivers as filter tokens. */
  ratings: readonly string[];
  /** QBRs: their notes' documents carry the QBR's account and date. */
  qbrs: readonly string[];
  qbrNotes: readonly string[];
  actions: readonly string[];
}

/**
 * For bulk loaders (the demo generator at benchmark size, big imports and their undo): keeping the search
 * index in step row by row costs FTS5 a small segment per row (it flushes at every statement savepoint a
 * trigger runs in), which more than doubles a million-row load. This drops the search triggers, runs the
 * load, then indexes once: the documents of `changed` (a 100k-row import into a million-response
 * workspace: its own documents, not the million), or everything when the loader cannot say what it
 * changed. The triggers are put back. It must run inside the caller's transaction, so that a failure
 * restores the triggers along with everything else.
 */
export function withSearchIndexingDeferred<T>(raw: BetterSqlite3.Database, load: () => T, changed?: ChangedTexts): T {
  if (!raw.inTransaction) throw new Error('withSearchIndexingDeferred must run inside a transaction');
  const triggers = raw
    .prepare(`SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND name LIKE '%\\_search\\_%' ESCAPE '\\' ORDER BY name`)
    .all() as { name: string; sql: string }[];
  for (const trigger of triggers) raw.exec(`DROP TRIGGER "${trigger.name.replace(/"/g, '""')}"`);
  // A load that changes a fifth of the texts or more re-derives them all, as before: it costs little more
  // and holds no lists (with them, a 100k-row import into an empty workspace peaked ~50 MB higher).
  const refresh = changed && !mostOfTheTexts(raw, changed) ? new DocumentSources(changed) : null;
  // The documents as the rows name them before the load (rows it removes) and after it (rows it adds).
  refresh?.addRelated(raw);
  const result = load();
  if (refresh) {
    refresh.addRelated(raw);
    refreshSearchDocuments(raw, refresh);
  } else rebuildSearchIndex(raw);
  for (const trigger of triggers) raw.exec(trigger.sql);
  return result;
}

/** Derives every search document again from the source tables and rebuilds the FTS index from them. */
export function rebuildSearchIndex(raw: BetterSqlite3.Database): void {
  raw.exec('DELETE FROM search_documents');
  for (const statement of SEARCH_BACKFILL_STATEMENTS) raw.exec(statement);
}

const listed = (list: string) => `(SELECT value FROM json_each(${list}))`;

/** Whether the rows a load names are a fifth or more of the workspace's texts. */
function mostOfTheTexts(raw: BetterSqlite3.Database, changed: ChangedTexts): boolean {
  const documents = raw.prepare('SELECT count(*) FROM search_documents').pluck().get() as number;
  return (changed.interviews.length + changed.ratings.length + changed.qbrNotes.length + changed.actions.length) * 5 >= documents;
}

/** Whose documents a load touches: its interviews (with those of its ratings), notes (with those of its QBRs), actions (with those of the interviews). */
class DocumentSources {
  readonly interviews: Set<string>;
  readonly qbrNotes: Set<string>;
  readonly actions: Set<string>;

  constructor(private readonly changed: ChangedTexts) {
    this.interviews = new Set(changed.interviews);
    this.qbrNotes = new Set(changed.qbrNotes);
    this.actions = new Set(changed.actions);
  }

  /** Adds the rows the changed ones lead to, as the tables are now. */
  addRelated(raw: BetterSqlite3.Database): void {
    const add = (into: Set<string>, sql: string, list: Iterable<string>) => {
      for (const id of raw.prepare(sql).pluck().all(JSON.stringify([...list])) as (string | null)[]) if (id !== null) into.add(id);
    };
    add(this.interviews, `SELECT interview_id FROM driver_ratings WHERE id IN ${listed('?')}`, this.changed.ratings);
    add(this.qbrNotes, `SELECT id FROM qbr_notes WHERE qbr_id IN ${listed('?')}`, this.changed.qbrs);
    add(this.actions, `SELECT id FROM actions WHERE interview_id IN ${listed('?')}`, this.interviews);
  }
}

/**
 * Takes the documents of these source rows out of the index (with the values they were indexed with),
 * derives them again from the rows as they are now, in the backfill's order, and indexes the new ones.
 */
function refreshSearchDocuments(raw: BetterSqlite3.Database, sources: DocumentSources): void {
  const params = { interviews: JSON.stringify([...sources.interviews]), qbrNotes: JSON.stringify([...sources.qbrNotes]), actions: JSON.stringify([...sources.actions]) };
  const bySource = [
    ['verbatim', '@interviews'],
    ['interview_note', '@interviews'],
    ['qbr_note', '@qbrNotes'],
    ['action_outcome', '@actions'],
  ] as const;
  for (const [source, list] of bySource) {
    const mine = `source = '${source}' AND source_id IN ${listed(list)}`;
    raw.prepare(`INSERT INTO search_fts (search_fts, rowid, body, facets) SELECT 'delete', id, body, facets FROM search_documents WHERE ${mine}`).run(params);
    raw.prepare(`DELETE FROM search_documents WHERE ${mine}`).run(params);
  }
  const last = raw.prepare('SELECT coalesce(max(id), 0) FROM search_documents').pluck().get() as number;
  raw.prepare(searchDocumentsOf({ interviews: `i.id IN ${listed('@interviews')}`, qbrNotes: `n.id IN ${listed('@qbrNotes')}`, actions: `x.id IN ${listed('@actions')}` })).run(params);
  raw.prepare('INSERT INTO search_fts (rowid, body, facets) SELECT id, body, facets FROM search_documents WHERE id > ?').run(last);
}
