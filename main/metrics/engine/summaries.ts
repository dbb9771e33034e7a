/**
 * Reading and refreshing the maintained per-(account, three-month window) summaries of migration 004
 * (its header explains the shape and why they stay exact). A window the summaries cover (three whole
 * calendar months: every fiscal quarter, the quarter before it, the same quarter a year earlier) is read
 * as one short row per account; any other window (trailing twelve months, custom dates) goes through
 * the live passes over the responses, which compute the same thing.
 */
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type BetterSqlite3 from 'better-sqlite3';
import type { NpsCounts } from '../../../shared/domain/metrics-types';
import { METRIC_MONTH_RANGE_SQL, METRIC_REFRESH_STATEMENTS, rebuildStatements } from '../../db/migrations/004-metrics-summaries';
import { METRIC_CHANGE_ALL_STATEMENT } from '../../db/migrations/005-metrics-change-counters';
import { arrayRows } from '../../db/array-rows';
import type { Database } from '../../db/tables';
import { addDays, addMonths, type Window } from './period';
import type { ContactScoresRow } from './sql-contact-scores';
import type { CountsQueries, CountsRow } from './sql-trend';

/** The window's first month number (year × 12 + month − 1) when it is three whole calendar months, else null. */
export function summaryFirstMonth(window: Window): number | null {
  if (!/^\d{4}-\d{2}-01$/.test(window.from)) return null;
  if (window.to !== addDays(addMonths(window.from, 3), -1)) return null;
  return Number(window.from.slice(0, 4)) * 12 + Number(window.from.slice(5, 7)) - 1;
}

/**
 * Folds the dirty queue (months written since the last refresh) into the summaries, in one
 * transaction. Cheap when nothing was written: one probe of an empty table, no write at all, so the
 * memo of query-cache.ts (keyed by the data version) survives reads.
 */
export async function refreshMetricSummaries(db: Kysely<Database>): Promise<boolean> {
  const { rows } = await sql<{ dirty: number }>`SELECT EXISTS (SELECT 1 FROM metric_dirty_months) AS dirty`.execute(db);
  if (!rows[0]?.dirty) return false;
  await db.transaction().execute(async (trx) => {
    for (const statement of METRIC_REFRESH_STATEMENTS) await sql.raw(statement).execute(trx);
  });
  return true;
}

/**
 * Rebuilds every summary from the responses. For bulk loaders that suspended the summary triggers
 * (the demo generator's rebuildDerived hook): it must run in the loader's transaction.
 */
export function rebuildMetricSummaries(raw: BetterSqlite3.Database): void {
  if (!raw.inTransaction) throw new Error('rebuildMetricSummaries must run inside the bulk load’s transaction');
  const range = raw.prepare(METRIC_MONTH_RANGE_SQL).get() as { first: number | null; last: number | null };
  for (const statement of rebuildStatements(range)) raw.exec(statement);
  // The load wrote with the triggers suspended: every memoised metric is stale (query-cache.ts).
  raw.exec(METRIC_CHANGE_ALL_STATEMENT);
}

/**
 * For big writers (workbook imports and their undo): keeping the summaries' dirty queue and the memo's
 * change counters in step row by row costs every insert a trigger run (a lookup and a keyed write per
 * driver rating). This suspends those triggers (migration 004's `*_metrics_summary_*`, 005's
 * `*_metrics_memo_*` and `*_metrics_touch_*`), runs the load, and marks the months in one statement
 * instead. `markSql` (an INSERT OR IGNORE INTO metric_dirty_months, bound to `params`) must name the
 * (account, month) of every response the load may touch, read from the rows as they are: it runs before
 * the load (old months, rows the load deletes) and after it (new months, rows it creates). Every memo
 * counter moves afterwards. It must run inside the caller's transaction, so that a failure puts the
 * triggers back along with everything else.
 */
export function withMetricMarksDeferred<T>(raw: BetterSqlite3.Database, load: () => T, markSql: string, params: readonly unknown[] = []): T {
  if (!raw.inTransaction) throw new Error('withMetricMarksDeferred must run inside a transaction');
  const triggers = raw
    .prepare(
      `SELECT name, sql FROM sqlite_schema WHERE type = 'trigger'
         AND (name LIKE '%\\_metrics\\_summary\\_%' ESCAPE '\\' OR name LIKE '%\\_metrics\\_memo\\_%' ESCAPE '\\' OR name LIKE '%\\_metrics\\_touch\\_%' ESCAPE '\\')
       ORDER BY name`,
    )
    .all() as { name: string; sql: string }[];
  const mark = raw.prepare(markSql);
  mark.run(...params);
  for (const trigger of triggers) raw.exec(`DROP TRIGGER "${trigger.name.replace(/"/g, '""')}"`);
  const result = load();
  for (const trigger of triggers) raw.exec(trigger.sql);
  mark.run(...params);
  raw.exec(METRIC_CHANGE_ALL_STATEMENT);
  return result;
}

export function summaryContactScoresQuery(firstMonth: number) {
  return sql<Record<string, unknown>>`
    SELECT account_id AS accountId, promoters, passives, detractors, contact_scores AS scores
    FROM metric_account_windows WHERE first_month = ${firstMonth} ORDER BY account_id`;
}

export function summaryContactScores(db: Kysely<Database>, firstMonth: number): Promise<ContactScoresRow[]> {
  return arrayRows<ContactScoresRow, Database>(db, summaryContactScoresQuery(firstMonth));
}

export interface SummaryCitations {
  /** [account id, cites] per account with a response in the window. */
  rows: [accountId: string, cites: string][];
  /** Code → id of every live driver; codes of soft-deleted drivers are absent (their ratings do not count). */
  liveByCode: (string | undefined)[];
}

export function summaryCitationsQuery(firstMonth: number) {
  return sql<Record<string, unknown>>`
    SELECT account_id AS accountId, citations AS cites FROM metric_account_windows WHERE first_month = ${firstMonth} ORDER BY account_id`;
}

export async function summaryCitations(db: Kysely<Database>, firstMonth: number): Promise<SummaryCitations> {
  const codes = await sql<{ code: number; id: string }>`
    SELECT k.code, d.id FROM metric_driver_codes AS k JOIN drivers AS d ON d.id = k.driver_id WHERE d.deleted_at IS NULL`.execute(db);
  const liveByCode: (string | undefined)[] = [];
  for (const { code, id } of codes.rows) liveByCode[code] = id;
  return { rows: await arrayRows<[string, string], Database>(db, summaryCitationsQuery(firstMonth)), liveByCode };
}

const SUMS = sql`sum(promoters) AS p, sum(passives) AS pa, sum(detractors) AS d`;

export function summaryIncludedCountsQuery(firstMonth: number, included: readonly string[]) {
  return sql<CountsRow>`
    SELECT ${SUMS} FROM metric_account_windows INDEXED BY metric_account_windows_counts_idx
    WHERE first_month = ${firstMonth} AND account_id IN (SELECT value FROM json_each(${JSON.stringify(included)}))`;
}

/** Every account's counts, including soft-deleted accounts (the readers subtract those). */
export function summaryGlobalCountsQuery(firstMonth: number) {
  return sql<CountsRow>`SELECT ${SUMS} FROM metric_account_windows INDEXED BY metric_account_windows_counts_idx WHERE first_month = ${firstMonth}`;
}

export function summaryExcludedCountsQuery(firstMonth: number, excluded: readonly string[]) {
  return sql<CountsRow>`
    SELECT ${SUMS} FROM metric_account_windows INDEXED BY metric_account_windows_counts_idx
    WHERE first_month = ${firstMonth}
      AND account_id IN (SELECT value FROM json_each(${JSON.stringify(excluded)})
                         UNION ALL SELECT id FROM accounts INDEXED BY accounts_deleted_idx WHERE deleted_at IS NOT NULL)`;
}

/** The three ways to count from a summarised window (sql-trend.ts). */
export function summaryCountsQueries(firstMonth: number): CountsQueries {
  return {
    included: (ids) => summaryIncludedCountsQuery(firstMonth, ids),
    global: () => summaryGlobalCountsQuery(firstMonth),
    excluded: (ids) => summaryExcludedCountsQuery(firstMonth, ids),
  };
}
