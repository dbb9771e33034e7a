import { sql } from 'kysely';
import type { Migration } from '../migrator';

/**
 * Maintained summaries for the metrics engine, so that a quarter's dashboard reads one short row per
 * account instead of the quarter's 140k responses and 400k driver ratings (issue #3).
 *
 * `metric_account_windows` holds, per account and per three-month window (any calendar month as its
 * first: every fiscal quarter, whatever month the fiscal year starts in, is one of them), exactly what
 * the engine's window pass and driver-citation pass compute from the responses:
 * - count-all category counts of the valid responses;
 * - `contact_scores`: each contact's latest valid score with its role ("d7,u10,i9", ordered by contact);
 * - `citations`: per valid response (";"-separated, ordered by interview id) its sign ("+" promoter,
 *   "0" passive, "-" detractor) and the drivers it rated as `code:rating`. Ratings, not the negative
 *   flag, are stored because the negative threshold is a setting; driver codes come from
 *   `metric_driver_codes` (an INTEGER PRIMARY KEY, so VACUUM never renumbers them), and drivers that are
 *   soft-deleted are dropped when read, as the live passes drop them.
 * An account with no valid response in a window has no row for it. Responses of soft-deleted contacts
 * and soft-deleted, draft or unscored interviews never count (as in the live passes); soft-deleted
 * accounts are left out by the readers, which only look at live accounts.
 *
 * Keeping them exact: triggers on every table whose rows feed a summary (interviews, driver ratings,
 * contacts' role and deletion) add (account, month) to `metric_dirty_months` in the writer's own
 * transaction; that is all a write pays (a keyed INSERT OR IGNORE), so imports of 100k rows stay fast.
 * Before any summary is read, the engine recomputes the windows of the dirty months from the responses
 * and empties the queue, in one transaction (main/metrics/engine/summaries.ts). So at every commit,
 * summaries + queue describe the data exactly, and what a reader sees is always a from-scratch result.
 * Bulk loaders that suspend these triggers (the demo generator) rebuild everything instead.
 *
 * Once released this migration is frozen: a change of format needs a new migration that rebuilds.
 */

/** Month number of an ISO date or timestamp: year × 12 + month − 1 (2026-07 → 24318). */
export const monthOf = (expr: string) => `(CAST(substr(${expr}, 1, 4) AS INTEGER) * 12 + CAST(substr(${expr}, 6, 2) AS INTEGER) - 1)`;
/** First day of a month number, as the ISO date the interview timestamps compare against. */
export const monthStart = (expr: string) => `printf('%04d-%02d-01', (${expr}) / 12, (${expr}) % 12 + 1)`;
/** A response that counts: complete, scored and not deleted (the contact is checked where it matters). */
const counts = (row: string) => `${row}.deleted_at IS NULL AND ${row}.status = 'complete' AND ${row}.nps IS NOT NULL`;

const tables = [
  `CREATE TABLE metric_account_windows (
    first_month INTEGER NOT NULL,
    account_id TEXT NOT NULL,
    promoters INTEGER NOT NULL,
    passives INTEGER NOT NULL,
    detractors INTEGER NOT NULL,
    contact_scores TEXT NOT NULL,
    citations TEXT NOT NULL,
    PRIMARY KEY (first_month, account_id)
  ) STRICT, WITHOUT ROWID`,
  // The trend sums counts of whole quarters: a narrow copy, so it never reads the strings.
  `CREATE INDEX metric_account_windows_counts_idx ON metric_account_windows (first_month, account_id, promoters, passives, detractors)`,
  `CREATE TABLE metric_dirty_months (
    account_id TEXT NOT NULL,
    month INTEGER NOT NULL,
    PRIMARY KEY (account_id, month)
  ) STRICT, WITHOUT ROWID`,
  `CREATE TABLE metric_driver_codes (
    code INTEGER PRIMARY KEY,
    driver_id TEXT NOT NULL UNIQUE
  ) STRICT`,
  // Loop KPIs read a quarter's follow-ups (24k on the benchmark workspace): covering, so not one action row is fetched.
  `DROP INDEX IF EXISTS actions_metrics_opened_idx`,
  `CREATE INDEX actions_metrics_follow_ups_idx ON actions (kind, opened_at, id, account_id, owner, level, contacted_at, closed_at, deleted_at)
     WHERE deleted_at IS NULL`,
];

const mark = (row: string) => `INSERT OR IGNORE INTO metric_dirty_months (account_id, month) VALUES (${row}.account_id, ${monthOf(`${row}.interviewed_at`)});`;
const markIf = (row: string) =>
  `INSERT OR IGNORE INTO metric_dirty_months (account_id, month) SELECT ${row}.account_id, ${monthOf(`${row}.interviewed_at`)} WHERE ${counts(row)};`;
/** The month of the interview a driver rating belongs to, if that interview counts. */
const markInterviewOf = (interviewId: string) =>
  `INSERT OR IGNORE INTO metric_dirty_months (account_id, month)
     SELECT i.account_id, ${monthOf('i.interviewed_at')} FROM interviews AS i WHERE i.id = ${interviewId} AND ${counts('i')};`;

function trigger(name: string, event: string, table: string, when: string | null, body: string): string {
  return `CREATE TRIGGER ${name} AFTER ${event} ON ${table} FOR EACH ROW ${when ? `WHEN ${when}` : ''} BEGIN ${body} END`;
}

const INTERVIEW_COLUMNS = ['account_id', 'contact_id', 'interviewed_at', 'nps', 'status', 'deleted_at'];
const RATING_COLUMNS = ['interview_id', 'driver_id', 'rating', 'deleted_at'];
const changed = (columns: readonly string[]) => columns.map((c) => `OLD.${c} IS NOT NEW.${c}`).join(' OR ');

/** No INDEXED BY here: bulk loaders drop secondary indexes while these triggers may still be on. */
export const METRIC_SUMMARY_TRIGGERS: readonly string[] = [
  trigger('interviews_metrics_summary_insert', 'INSERT', 'interviews', counts('NEW'), mark('NEW')),
  trigger(
    'interviews_metrics_summary_update',
    `UPDATE OF ${INTERVIEW_COLUMNS.join(', ')}`,
    'interviews',
    `(${changed(INTERVIEW_COLUMNS)}) AND ((${counts('OLD')}) OR (${counts('NEW')}))`,
    markIf('OLD') + markIf('NEW'),
  ),
  trigger('interviews_metrics_summary_delete', 'DELETE', 'interviews', counts('OLD'), mark('OLD')),
  trigger('driver_ratings_metrics_summary_insert', 'INSERT', 'driver_ratings', null, markInterviewOf('NEW.interview_id')),
  trigger(
    'driver_ratings_metrics_summary_update',
    `UPDATE OF ${RATING_COLUMNS.join(', ')}`,
    'driver_ratings',
    changed(RATING_COLUMNS),
    markInterviewOf('OLD.interview_id') + markInterviewOf('NEW.interview_id'),
  ),
  trigger('driver_ratings_metrics_summary_delete', 'DELETE', 'driver_ratings', null, markInterviewOf('OLD.interview_id')),
  // A contact's role is baked into its scores, and a soft-deleted contact's responses stop counting.
  trigger(
    'contacts_metrics_summary_update',
    'UPDATE OF role, deleted_at',
    'contacts',
    changed(['role', 'deleted_at']),
    `INSERT OR IGNORE INTO metric_dirty_months (account_id, month)
       SELECT DISTINCT i.account_id, ${monthOf('i.interviewed_at')} FROM interviews AS i WHERE i.contact_id = NEW.id AND ${counts('i')};`,
  ),
];

/** Every driver gets a code the first time summaries are built with it. */
export const METRIC_DRIVER_CODES_STATEMENT = `INSERT INTO metric_driver_codes (driver_id)
  SELECT d.id FROM drivers AS d WHERE NOT EXISTS (SELECT 1 FROM metric_driver_codes AS k WHERE k.driver_id = d.id) ORDER BY d.id`;

const SIGN = (nps: string) => `CASE WHEN ${nps} >= 9 THEN '+' WHEN ${nps} <= 6 THEN '-' ELSE '0' END`;
const ROLE_INITIAL = (role: string) => `CASE ${role} WHEN 'decision_maker' THEN 'd' WHEN 'influencer' THEN 'i' ELSE 'u' END`;
const LIVE_CONTACT = (contactId: string) =>
  `(${contactId} IS NULL OR ${contactId} NOT IN (SELECT id FROM contacts INDEXED BY contacts_deleted_idx WHERE deleted_at IS NOT NULL))`;

/**
 * Computes and inserts the window rows of the responses `source` yields: rows of (first_month,
 * account_id, contact_id, id, interviewed_at, nps), each valid response once per window it is in.
 * The same definitions as the engine's live passes (sql-contact-scores.ts, sql-driver-citations.ts):
 * latest score = greatest interviewed_at, ties to the later capture (UUIDv7 id); a response without a
 * contact is its own anonymous user; a contact with no role is a user.
 */
function insertWindows(source: string): string {
  return `
    INSERT INTO metric_account_windows (first_month, account_id, promoters, passives, detractors, contact_scores, citations)
    WITH wr AS MATERIALIZED (${source}),
    per_contact AS (
      SELECT wr.first_month, wr.account_id, coalesce(wr.contact_id, wr.id) AS contact_key, wr.contact_id,
             max(wr.interviewed_at || wr.id) AS latest, wr.nps,
             sum(wr.nps >= 9) AS p, sum(wr.nps BETWEEN 7 AND 8) AS pa, sum(wr.nps <= 6) AS d
      FROM wr GROUP BY wr.first_month, wr.account_id, coalesce(wr.contact_id, wr.id)
    ),
    scored AS (
      SELECT pc.first_month, pc.account_id, sum(pc.p) AS p, sum(pc.pa) AS pa, sum(pc.d) AS d,
             group_concat(${ROLE_INITIAL('c.role')} || pc.nps, ',' ORDER BY pc.contact_key) AS scores
      FROM per_contact AS pc LEFT JOIN contacts AS c ON c.id = pc.contact_id
      GROUP BY pc.first_month, pc.account_id
    ),
    cited AS (
      SELECT wr.first_month, wr.account_id,
             group_concat(${SIGN('wr.nps')} || coalesce((
               SELECT group_concat(k.code || ':' || dr.rating, ' ' ORDER BY k.code)
               FROM driver_ratings AS dr INDEXED BY driver_ratings_metrics_idx
               JOIN metric_driver_codes AS k ON k.driver_id = dr.driver_id
               WHERE dr.interview_id = wr.id AND dr.deleted_at IS NULL), ''), ';' ORDER BY wr.id) AS cites
      FROM wr GROUP BY wr.first_month, wr.account_id
    )
    SELECT s.first_month, s.account_id, s.p, s.pa, s.d, s.scores, c.cites
    FROM scored AS s JOIN cited AS c ON c.first_month = s.first_month AND c.account_id = s.account_id`;
}

/** One window over the whole book: a range of the window index (the full rebuild runs it per first month). */
export function rebuildWindowStatement(firstMonth: number): string {
  if (!Number.isSafeInteger(firstMonth)) throw new RangeError(`first month must be an integer, got ${firstMonth}`);
  return insertWindows(`
    SELECT ${firstMonth} AS first_month, i.account_id, i.contact_id, i.id, i.interviewed_at, i.nps
    FROM interviews AS i INDEXED BY interviews_metrics_window_idx
    WHERE ${counts('i')} AND i.interviewed_at >= ${monthStart(String(firstMonth))} AND i.interviewed_at < ${monthStart(String(firstMonth + 3))}
      AND ${LIVE_CONTACT('i.contact_id')}`);
}

/** The span of months with counted responses, for the full rebuild. */
export const METRIC_MONTH_RANGE_SQL = `
  SELECT ${monthOf('min(interviewed_at)')} AS first, ${monthOf('max(interviewed_at)')} AS last
  FROM interviews INDEXED BY interviews_metrics_window_idx WHERE ${counts('interviews')}`;

/** Everything again from the responses: what a bulk loader runs after suspending the triggers. */
export function rebuildStatements(range: { first: number | null; last: number | null }): string[] {
  const statements = ['DELETE FROM metric_account_windows', 'DELETE FROM metric_dirty_months', METRIC_DRIVER_CODES_STATEMENT];
  if (range.first === null || range.last === null) return statements;
  // A window starting up to two months before the first response still holds it.
  for (let month = range.first - 2; month <= range.last; month++) statements.push(rebuildWindowStatement(month));
  return statements;
}

/** The windows of the dirty months (each month lies in three), recomputed account by account. */
const DIRTY_TARGETS = `SELECT DISTINCT q.account_id, q.month - s.k AS first_month
  FROM metric_dirty_months AS q, (SELECT 0 AS k UNION ALL SELECT 1 UNION ALL SELECT 2) AS s`;

/**
 * Folds the dirty queue into the summaries; runs in one transaction, before any summary is read.
 * CROSS JOIN keeps the dirty windows as the outer loop: one seek per window into the account index,
 * never a pass over all of it (the query-plan test holds it to that).
 */
export const METRIC_REFRESH_STATEMENTS: readonly string[] = [
  METRIC_DRIVER_CODES_STATEMENT,
  `DELETE FROM metric_account_windows WHERE (first_month, account_id) IN (SELECT first_month, account_id FROM (${DIRTY_TARGETS}))`,
  insertWindows(`
    SELECT t.first_month, i.account_id, i.contact_id, i.id, i.interviewed_at, i.nps
    FROM (${DIRTY_TARGETS}) AS t
    CROSS JOIN interviews AS i INDEXED BY interviews_metrics_account_idx
      ON i.account_id = t.account_id AND i.interviewed_at >= ${monthStart('t.first_month')} AND i.interviewed_at < ${monthStart('t.first_month + 3')}
    WHERE ${counts('i')} AND ${LIVE_CONTACT('i.contact_id')}`),
  'DELETE FROM metric_dirty_months',
];

export const metricsSummaries: Migration = {
  name: '004-metrics-summaries',
  async up(db) {
    for (const statement of [...tables, ...METRIC_SUMMARY_TRIGGERS]) await sql.raw(statement).execute(db);
    // Backfill: existing workspaces get their summaries now, inside the migration's transaction.
    const { rows } = await sql.raw<{ first: number | null; last: number | null }>(METRIC_MONTH_RANGE_SQL).execute(db);
    for (const statement of rebuildStatements(rows[0] ?? { first: null, last: null })) await sql.raw(statement).execute(db);
  },
};
