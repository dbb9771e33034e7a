/**
 * Which drivers each response of the window cited, and which it rated negatively: one covering-index
 * seek per response, folded per account into one compact string (the 400k rating rows of a quarter
 * never leave SQLite as rows).
 */
import { sql, type RawBuilder } from 'kysely';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables';
import { dayAfter, type Window } from './period';

export interface DriverCitationsRow {
  accountId: string;
  /**
   * One entry per valid response, ";"-separated: its sign ("+" promoter, "0" passive, "-" detractor)
   * then the space-separated codes of the drivers it rated, each followed by "!" when rated at or
   * below the negative threshold. "+3! 7" = a promoter who rated 3 (negatively) and 7. Short codes
   * keep the sort that groups 140k responses per account in memory.
   */
  cites: string;
}

/**
 * How driver ids become short codes. A workspace has a handful of drivers: a CASE over their ids
 * (codes 0…n−1; soft-deleted drivers get none and drop out) costs less than a lookup per rating.
 * Past CASE_LIMIT the linear CASE would not, and the drivers table's rowid is the code instead.
 */
const CASE_LIMIT = 64;

export type DriverCoding = { kind: 'case'; liveDriverIds: readonly string[] } | { kind: 'rowid' };

function codedRatings(coding: DriverCoding, negativeAtMost: number): RawBuilder<string | null> {
  const mark = sql`CASE WHEN dr.rating <= ${negativeAtMost} THEN '!' ELSE '' END`;
  if (coding.kind === 'case') {
    const whens = coding.liveDriverIds.map((id, code) => sql`WHEN ${id} THEN ${sql.lit(code)}`);
    const code = whens.length === 0 ? sql`NULL` : sql`CASE dr.driver_id ${sql.join(whens, sql` `)} END`;
    return sql`(
      SELECT group_concat(${code} || ${mark}, ' ')
      FROM driver_ratings AS dr INDEXED BY driver_ratings_metrics_idx
      WHERE dr.interview_id = i.id AND dr.deleted_at IS NULL)`;
  }
  // CROSS JOIN keeps SQLite from looping over the drivers first (one seek per driver, not per response).
  return sql`(
    SELECT group_concat(d.rowid || ${mark}, ' ')
    FROM driver_ratings AS dr INDEXED BY driver_ratings_metrics_idx
    CROSS JOIN drivers AS d
    WHERE dr.interview_id = i.id AND dr.deleted_at IS NULL AND d.id = dr.driver_id AND d.deleted_at IS NULL)`;
}

/**
 * A response cites the drivers it rated. Soft-deleted drivers, ratings, contacts and interviews do
 * not count; the same responses as the window pass are counted, so N matches count-all NPS.
 * MATERIALIZED: the seeks run in scan order (interview ids are near-sequential there), not after the
 * sort by account, where they jump all over the 3M-entry index (about twice as slow). Responses are
 * listed by interview id, as the summaries of migration 004 list them (same float sums, same order).
 */
export function driverCitationsQuery(window: Window, negativeAtMost: number, coding: DriverCoding) {
  return sql<DriverCitationsRow>`
    WITH cited AS MATERIALIZED (
      SELECT i.account_id, i.id,
             CASE WHEN i.nps >= 9 THEN '+' WHEN i.nps <= 6 THEN '-' ELSE '0' END || coalesce(${codedRatings(coding, negativeAtMost)}, '') AS entry
      FROM interviews AS i INDEXED BY interviews_metrics_window_idx
      WHERE i.deleted_at IS NULL AND i.status = 'complete' AND i.nps IS NOT NULL
        AND i.interviewed_at >= ${window.from} AND i.interviewed_at < ${dayAfter(window.to)}
        AND (i.contact_id IS NULL OR i.contact_id NOT IN (SELECT id FROM contacts INDEXED BY contacts_deleted_idx WHERE deleted_at IS NOT NULL))
    )
    SELECT account_id AS accountId, group_concat(entry, ';' ORDER BY id) AS cites FROM cited GROUP BY account_id ORDER BY account_id`;
}

export interface DriverCitations {
  rows: DriverCitationsRow[];
  /** Code in the strings → driver id. */
  codes: Map<string, string>;
}

export async function driverCitations(db: Kysely<Database>, window: Window, negativeAtMost: number, forceRowid = false): Promise<DriverCitations> {
  const live = await sql<{ code: number; id: string }>`SELECT rowid AS code, id FROM drivers WHERE deleted_at IS NULL ORDER BY id`.execute(db);
  const coding: DriverCoding =
    !forceRowid && live.rows.length <= CASE_LIMIT ? { kind: 'case', liveDriverIds: live.rows.map((row) => row.id) } : { kind: 'rowid' };
  const codes = new Map(live.rows.map((row, index) => [String(coding.kind === 'case' ? index : row.code), row.id]));
  const { rows } = await driverCitationsQuery(window, negativeAtMost, coding).execute(db);
  return { rows, codes };
}

export async function driverLabels(db: Kysely<Database>): Promise<Record<string, string>> {
  const rows = await db.selectFrom('drivers').select(['id', 'name']).where('deleted_at', 'is', null).execute();
  return Object.fromEntries(rows.map((row) => [row.id, row.name]));
}
