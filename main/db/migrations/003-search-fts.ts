import { sql } from 'kysely';
import type { Migration } from '../migrator';

/**
 * Full-text search over verbatims, interview notes, QBR notes and action outcomes (SQLite FTS5), plus what
 * interviews gained with it: driver/touchpoint tags on their text (which the search filters read), and
 * indexes from interviews to their guide version and from actions to their interview.
 *
 * Shape: `search_documents` holds one row per searchable text (a copy of the text and its filter tokens);
 * `search_fts` is an external-content FTS5 index over it. The copy costs some space but makes every
 * index update exact: FTS5 must be told the old values to remove a row, and they are right there.
 * Triggers on the source tables keep both in sync whatever writes the rows (app, import, demo generator).
 *
 * Every filter becomes tokens in a second FTS column (`facets`): account, year/month/day, kind of text, NPS
 * category, touchpoints and drivers (the interview's own and those it was tagged with), so filters narrow
 * inside the index instead of joining every match to its row. Tokens end in a digit so the porter stemmer
 * leaves them alone. The query side (main/search/facets.ts) must build the same tokens; once released this
 * migration is frozen, so a later change of format needs a new migration, not an edit here.
 *
 * Bulk loaders should defer the triggers (main/search/bulk-load.ts): FTS5 fed row by row from triggers
 * writes a small segment per row and is several times slower than one rebuild at the end.
 */

const compactId = (expr: string) => `replace(${expr}, '-', '')`;
const accountToken = (expr: string) => `'a' || ${compactId(expr)} || '0'`;
/** Year, month and day tokens: any day range becomes a short OR of whole years, whole months and edge days. */
const dateTokens = (expr: string) =>
  `'yr' || substr(${expr}, 1, 4) || ' mo' || substr(${expr}, 1, 4) || substr(${expr}, 6, 2) || ' dy' || substr(${expr}, 1, 4) || substr(${expr}, 6, 2) || substr(${expr}, 9, 2)`;
const categoryToken = (nps: string) =>
  `CASE WHEN ${nps} IS NULL THEN 'cnone0' WHEN ${nps} >= 9 THEN 'cpromoter0' WHEN ${nps} >= 7 THEN 'cpassive0' ELSE 'cdetractor0' END`;
/** The interview's own touchpoint and every touchpoint it was tagged with. */
const touchpointTokens = (interview: string) =>
  `coalesce(' t' || ${compactId(`${interview}.touchpoint_id`)} || '0', '') ||
   coalesce((SELECT group_concat(' t' || ${compactId('g.touchpoint_id')} || '0', '') FROM interview_tags g
             WHERE g.interview_id = ${interview}.id AND g.touchpoint_id IS NOT NULL), '')`;
/** Every driver the interview rated, and every driver its text was tagged with. */
const driverTokens = (interview: string) =>
  `coalesce((SELECT group_concat(' d' || ${compactId('r.driver_id')} || '0', '') FROM driver_ratings r
             WHERE r.interview_id = ${interview}.id AND r.deleted_at IS NULL), '') ||
   coalesce((SELECT group_concat(' d' || ${compactId('g.driver_id')} || '0', '') FROM interview_tags g
             WHERE g.interview_id = ${interview}.id AND g.driver_id IS NOT NULL), '')`;
const interviewTokens = (interview: string) => `${categoryToken(`${interview}.nps`)} || ${touchpointTokens(interview)} || ${driverTokens(interview)}`;
const hasText = (expr: string) => `length(trim(coalesce(${expr}, ''))) > 0`;

interface Source {
  name: 'verbatim' | 'interview_note' | 'qbr_note' | 'action_outcome';
  /** SELECT of (source, source_id, interview_id, account_id, at, body, facets) for the live rows; `keys` narrows it. */
  select(keys: string): string;
  /** Column of the source table whose value is search_documents.source_id. */
  keyColumn: string;
}

const interviewText = (name: 'verbatim' | 'interview_note', column: string, code: string): Source => ({
  name,
  keyColumn: 'i.id',
  select: (keys) => `
    SELECT '${name}', i.id, i.id, i.account_id, i.interviewed_at, i.${column},
           ${accountToken('i.account_id')} || ' ' || ${dateTokens('i.interviewed_at')} || ' s${code}0 ' || ${interviewTokens('i')}
      FROM interviews i
     WHERE i.deleted_at IS NULL AND ${hasText(`i.${column}`)} AND ${keys}`,
});

const SOURCES = {
  verbatim: interviewText('verbatim', 'verbatim', 'v'),
  interviewNote: interviewText('interview_note', 'notes', 'n'),
  qbrNote: {
    name: 'qbr_note',
    keyColumn: 'n.id',
    select: (keys) => `
      SELECT 'qbr_note', n.id, NULL, q.account_id, q.held_on, n.body,
             ${accountToken('q.account_id')} || ' ' || ${dateTokens('q.held_on')} || ' sq0'
        FROM qbr_notes n JOIN qbrs q ON q.id = n.qbr_id
       WHERE n.deleted_at IS NULL AND q.deleted_at IS NULL AND ${hasText('n.body')} AND ${keys}`,
  },
  actionOutcome: {
    name: 'action_outcome',
    keyColumn: 'x.id',
    select: (keys) => `
      SELECT 'action_outcome', x.id, x.interview_id, x.account_id, coalesce(x.closed_at, x.opened_at), x.outcome,
             ${accountToken('x.account_id')} || ' ' || ${dateTokens('coalesce(x.closed_at, x.opened_at)')} || ' so0' ||
             CASE WHEN i.id IS NULL THEN '' ELSE ' ' || ${interviewTokens('i')} END
        FROM actions x LEFT JOIN interviews i ON i.id = x.interview_id
       WHERE x.deleted_at IS NULL AND ${hasText('x.outcome')} AND ${keys}`,
  },
} satisfies Record<string, Source>;

/**
 * Re-derives the documents of `source` whose source_id satisfies `idCondition` (e.g. "= NEW.id"): out of
 * the index with the values it was indexed with, then back in from the source rows as they are now.
 */
function refresh(source: Source, idCondition: string): string {
  const mine = `source = '${source.name}' AND source_id ${idCondition}`;
  return `
    INSERT INTO search_fts (search_fts, rowid, body, facets) SELECT 'delete', id, body, facets FROM search_documents WHERE ${mine};
    DELETE FROM search_documents WHERE ${mine};
    INSERT INTO search_documents (source, source_id, interview_id, account_id, at, body, facets) ${source.select(`${source.keyColumn} ${idCondition}`)};
    INSERT INTO search_fts (rowid, body, facets) SELECT id, body, facets FROM search_documents WHERE ${mine};`;
}

/** A new source row has no document yet (and nothing can reference it yet): only the insert half. */
function add(source: Source, id: string): string {
  const mine = `source = '${source.name}' AND source_id = ${id}`;
  return `
    INSERT INTO search_documents (source, source_id, interview_id, account_id, at, body, facets) ${source.select(`${source.keyColumn} = ${id}`)};
    INSERT INTO search_fts (rowid, body, facets) SELECT id, body, facets FROM search_documents WHERE ${mine};`;
}

const changed = (columns: string[]) => columns.map((c) => `OLD.${c} IS NOT NEW.${c}`).join(' OR ');

function trigger(name: string, event: string, table: string, when: string | null, body: string): string {
  return `CREATE TRIGGER ${name} AFTER ${event} ON ${table} FOR EACH ROW ${when ? `WHEN ${when}` : ''} BEGIN ${body} END`;
}

const INTERVIEW_FACET_COLUMNS = ['account_id', 'interviewed_at', 'nps', 'touchpoint_id', 'deleted_at'];
const outcomesOfInterview = (id: string) => refresh(SOURCES.actionOutcome, `IN (SELECT x2.id FROM actions x2 WHERE x2.interview_id = ${id})`);
const textsOfInterview = (id: string) => refresh(SOURCES.verbatim, `= ${id}`) + refresh(SOURCES.interviewNote, `= ${id}`) + outcomesOfInterview(id);

const tagStatements = [
  `CREATE TABLE interview_tags (
    id TEXT PRIMARY KEY,
    interview_id TEXT NOT NULL REFERENCES interviews(id),
    subject TEXT NOT NULL CHECK (length(subject) > 0),
    driver_id TEXT REFERENCES drivers(id),
    touchpoint_id TEXT REFERENCES touchpoints(id),
    created_at TEXT NOT NULL,
    CHECK ((driver_id IS NULL) <> (touchpoint_id IS NULL))
  ) STRICT`,
  `CREATE UNIQUE INDEX interview_tags_natural_idx ON interview_tags (interview_id, subject, coalesce(driver_id, touchpoint_id))`,
  `CREATE INDEX interview_tags_driver_idx ON interview_tags (driver_id, interview_id) WHERE driver_id IS NOT NULL`,
  `CREATE INDEX interview_tags_touchpoint_idx ON interview_tags (touchpoint_id) WHERE touchpoint_id IS NOT NULL`,
  // Whether a guide version has interviews decides between editing it and making a new version.
  `CREATE INDEX interviews_guide_idx ON interviews (guide_id) WHERE guide_id IS NOT NULL`,
  // Reading an interview shows its follow-up; completing one must not open a second.
  `CREATE INDEX actions_interview_idx ON actions (interview_id) WHERE interview_id IS NOT NULL`,
];

const searchStatements = [
  `CREATE TABLE search_documents (
    id INTEGER PRIMARY KEY,
    source TEXT NOT NULL CHECK (source IN ('verbatim','interview_note','qbr_note','action_outcome')),
    source_id TEXT NOT NULL,
    interview_id TEXT,
    account_id TEXT NOT NULL,
    at TEXT NOT NULL,
    body TEXT NOT NULL,
    facets TEXT NOT NULL,
    UNIQUE (source, source_id)
  ) STRICT`,
  `CREATE INDEX search_documents_interview_idx ON search_documents (interview_id) WHERE interview_id IS NOT NULL`,
  // The first and last day there is text for: the ends of an open date filter.
  `CREATE INDEX search_documents_at_idx ON search_documents (at)`,
  `CREATE VIRTUAL TABLE search_fts USING fts5(body, facets, content='search_documents', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2')`,

  trigger('interviews_search_verbatim_insert', 'INSERT', 'interviews', hasText('NEW.verbatim'), add(SOURCES.verbatim, 'NEW.id')),
  trigger('interviews_search_notes_insert', 'INSERT', 'interviews', hasText('NEW.notes'), add(SOURCES.interviewNote, 'NEW.id')),
  trigger(
    'interviews_search_verbatim',
    `UPDATE OF verbatim, ${INTERVIEW_FACET_COLUMNS.join(', ')}`,
    'interviews',
    `(${changed(['verbatim', ...INTERVIEW_FACET_COLUMNS])}) AND (OLD.verbatim IS NOT NULL OR NEW.verbatim IS NOT NULL)`,
    refresh(SOURCES.verbatim, '= NEW.id'),
  ),
  trigger(
    'interviews_search_notes',
    `UPDATE OF notes, ${INTERVIEW_FACET_COLUMNS.join(', ')}`,
    'interviews',
    `(${changed(['notes', ...INTERVIEW_FACET_COLUMNS])}) AND (OLD.notes IS NOT NULL OR NEW.notes IS NOT NULL)`,
    refresh(SOURCES.interviewNote, '= NEW.id'),
  ),
  // An action outcome is filtered by the category and touchpoints of the interview that opened it.
  trigger('interviews_search_outcomes', 'UPDATE OF nps, touchpoint_id', 'interviews', changed(['nps', 'touchpoint_id']), outcomesOfInterview('NEW.id')),
  trigger('interviews_search_delete', 'DELETE', 'interviews', null, textsOfInterview('OLD.id')),

  trigger('interview_tags_search_insert', 'INSERT', 'interview_tags', null, textsOfInterview('NEW.interview_id')),
  trigger('interview_tags_search_delete', 'DELETE', 'interview_tags', null, textsOfInterview('OLD.interview_id')),
  // Which drivers an interview rated is a filter token; the rating itself is not.
  trigger('driver_ratings_search_insert', 'INSERT', 'driver_ratings', null, textsOfInterview('NEW.interview_id')),
  trigger(
    'driver_ratings_search_update',
    'UPDATE OF interview_id, driver_id, deleted_at',
    'driver_ratings',
    changed(['interview_id', 'driver_id', 'deleted_at']),
    textsOfInterview('OLD.interview_id') + textsOfInterview('NEW.interview_id'),
  ),
  trigger('driver_ratings_search_delete', 'DELETE', 'driver_ratings', null, textsOfInterview('OLD.interview_id')),

  trigger('qbr_notes_search_insert', 'INSERT', 'qbr_notes', hasText('NEW.body'), add(SOURCES.qbrNote, 'NEW.id')),
  trigger('qbr_notes_search_update', 'UPDATE OF body, qbr_id, deleted_at', 'qbr_notes', changed(['body', 'qbr_id', 'deleted_at']), refresh(SOURCES.qbrNote, '= NEW.id')),
  trigger('qbr_notes_search_delete', 'DELETE', 'qbr_notes', null, refresh(SOURCES.qbrNote, '= OLD.id')),
  trigger(
    'qbrs_search_update',
    'UPDATE OF account_id, held_on, deleted_at',
    'qbrs',
    changed(['account_id', 'held_on', 'deleted_at']),
    refresh(SOURCES.qbrNote, 'IN (SELECT n2.id FROM qbr_notes n2 WHERE n2.qbr_id = NEW.id)'),
  ),

  trigger('actions_search_insert', 'INSERT', 'actions', hasText('NEW.outcome'), add(SOURCES.actionOutcome, 'NEW.id')),
  trigger(
    'actions_search_update',
    'UPDATE OF outcome, account_id, interview_id, opened_at, closed_at, deleted_at',
    'actions',
    `(${changed(['outcome', 'account_id', 'interview_id', 'opened_at', 'closed_at', 'deleted_at'])}) AND (OLD.outcome IS NOT NULL OR NEW.outcome IS NOT NULL)`,
    refresh(SOURCES.actionOutcome, '= NEW.id'),
  ),
  trigger('actions_search_delete', 'DELETE', 'actions', null, refresh(SOURCES.actionOutcome, '= OLD.id')),
];

/**
 * Existing rows, oldest first: document ids then follow time, which ranking of very common words relies on.
 * Also what main/search/bulk-load.ts runs after a bulk load (it must follow any later change of format).
 */
export const SEARCH_BACKFILL_STATEMENTS: readonly string[] = [
  `INSERT INTO search_documents (source, source_id, interview_id, account_id, at, body, facets)
     SELECT * FROM (${SOURCES.verbatim.select('1')}
       UNION ALL ${SOURCES.interviewNote.select('1')}
       UNION ALL ${SOURCES.qbrNote.select('1')}
       UNION ALL ${SOURCES.actionOutcome.select('1')}) ORDER BY 5, 2`,
  `INSERT INTO search_fts (search_fts) VALUES ('rebuild')`,
];

/**
 * The documents of some source rows, in the backfill's order: for bulk loaders that refresh what they
 * changed (main/search/bulk-load.ts). Each key is an SQL condition on its source's alias (`i` interviews,
 * `n` qbr_notes, `x` actions).
 */
export function searchDocumentsOf(keys: { interviews: string; qbrNotes: string; actions: string }): string {
  return `INSERT INTO search_documents (source, source_id, interview_id, account_id, at, body, facets)
     SELECT * FROM (${SOURCES.verbatim.select(keys.interviews)}
       UNION ALL ${SOURCES.interviewNote.select(keys.interviews)}
       UNION ALL ${SOURCES.qbrNote.select(keys.qbrNotes)}
       UNION ALL ${SOURCES.actionOutcome.select(keys.actions)}) ORDER BY 5, 2`;
}

export const searchFts: Migration = {
  name: '003-search-fts',
  async up(db) {
    for (const statement of [...tagStatements, ...searchStatements, ...SEARCH_BACKFILL_STATEMENTS]) await sql.raw(statement).execute(db);
  },
};
