/**
 * The loop-closure KPIs of a window's follow-ups. SQLite reads the window's follow-ups per (owner,
 * level) pair and hands back, per pair, the three times of each follow-up as whole milliseconds
 * (response, first contact or close, close): a few dozen rows of number arrays instead of 24k rows of
 * seven strings each (turning those strings into JavaScript values was most of what the KPIs cost).
 * Those times do not depend on the clock or the loop targets, so they are memoised; tallyLoopPairs()
 * then applies the clock and the targets in JavaScript on every call, which costs about a millisecond.
 * The rules are loopBreakdown()'s, in the same arithmetic: timestamps become whole milliseconds (the
 * same number Date.parse gives for the ISO strings the app stores), due times are truncated sums of
 * doubles, and days to close are divided in JavaScript. A timestamp SQLite cannot read counts in
 * `unreadable`, and the caller then takes the row-by-row path, which reads it as JavaScript does.
 */
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { ACTION_LEVELS, type ActionLevel } from '../../../shared/domain/metrics-types';
import type { MetricSettings } from '../../../shared/domain/metrics-settings';
import type { Database } from '../../db/tables';
import type { LoopGroupTally } from './loop-breakdown';
import { dayAfter, type Window } from './period';

const MS_PER_HOUR = 3_600_000;
const MS_PER_DAY = 24 * MS_PER_HOUR;
/** Whole milliseconds since 1970: julianday() is exact to well under a millisecond, so rounding gives Date.parse's number. */
const ms = (column: string) => sql.raw(`CAST(round((julianday(${column}) - 2440587.5) * 86400000) AS INTEGER)`);

/** Every live account, or the ids of the accounts in scope. */
export type LoopScope = { kind: 'live' } | { kind: 'accounts'; ids: readonly string[] };

/** One (owner, level) pair's follow-ups in the window, as the JSON array the query returns for it. */
type PairJson = [first: string | null, unreadable: number | null, responded: (number | null)[], contact: (number | null)[], closed: (number | null)[]];

export interface LoopPairRow {
  owner: string | null;
  /** As stored: anything but the three levels reads as frontline. */
  level: string | null;
  times: string;
}

/** The follow-ups of one (owner, level) pair; NaN where a follow-up has no contact or close yet. */
export interface LoopPairTimes {
  owner: string | null;
  level: ActionLevel;
  /** The earliest "opened_at \u0001 id" of the pair: owners are listed in order of first appearance. */
  first: string;
  responded: Float64Array;
  contact: Float64Array;
  closed: Float64Array;
}

/**
 * Per (owner, level) pair, one correlated pass over its own range of actions_metrics_loop_idx
 * (migration 006), already in window order: GROUP BY over the window's follow-ups sorted all 24k of
 * them by owner and level first, the larger part of the time. A scalar subquery gives one value, so
 * each pair comes back as one JSON array. LIMIT -1 keeps the inner rows a co-routine: each timestamp
 * is converted once, not once per use.
 */
export function loopTimesQuery(window: Window, scope: LoopScope) {
  // Soft-deleted accounts are few: leaving them out costs less than probing 10k live ones.
  const inScope =
    scope.kind === 'live'
      ? sql`a.account_id NOT IN (SELECT id FROM accounts INDEXED BY accounts_deleted_idx WHERE deleted_at IS NOT NULL)`
      : sql`a.account_id IN (SELECT value FROM json_each(${JSON.stringify(scope.ids)}))`;
  return sql<LoopPairRow>`
    WITH pairs AS (
      SELECT DISTINCT owner, level FROM actions INDEXED BY actions_metrics_loop_idx WHERE kind = 'follow_up' AND deleted_at IS NULL
    )
    SELECT p.owner, p.level, (
      SELECT json_array(min(first), sum(r IS NULL OR (has_c AND c IS NULL) OR (has_x AND x IS NULL)),
                        json_group_array(r), json_group_array(c), json_group_array(x))
      FROM (
        SELECT a.opened_at || char(1) || a.id AS first,
               ${ms('a.opened_at')} AS r, ${ms('coalesce(a.contacted_at, a.closed_at)')} AS c, ${ms('a.closed_at')} AS x,
               coalesce(a.contacted_at, a.closed_at) IS NOT NULL AS has_c, a.closed_at IS NOT NULL AS has_x
        FROM actions AS a INDEXED BY actions_metrics_loop_idx
        WHERE a.kind = 'follow_up' AND a.owner IS p.owner AND a.level IS p.level AND a.deleted_at IS NULL
          AND a.opened_at >= ${window.from} AND a.opened_at < ${dayAfter(window.to)} AND ${inScope}
        LIMIT -1)
    ) AS times
    FROM pairs AS p`;
}

const LEVEL_SET: ReadonlySet<string> = new Set(ACTION_LEVELS);

function column(values: readonly (number | null)[]): Float64Array {
  const result = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) result[i] = values[i] ?? Number.NaN;
  return result;
}

/** The window's follow-ups per pair, or null when a timestamp needs JavaScript's reading (see the header). */
export async function loopTimes(db: Kysely<Database>, window: Window, scope: LoopScope): Promise<LoopPairTimes[] | null> {
  const { rows } = await loopTimesQuery(window, scope).execute(db);
  const pairs: LoopPairTimes[] = [];
  for (const row of rows) {
    const [first, unreadable, responded, contact, closed] = JSON.parse(row.times) as PairJson;
    if (Number(unreadable) > 0) return null;
    // A pair whose follow-ups all lie outside the window (or out of scope) has none to count.
    if (first === null) continue;
    pairs.push({
      owner: row.owner,
      level: row.level !== null && LEVEL_SET.has(row.level) ? (row.level as ActionLevel) : 'frontline',
      first,
      responded: column(responded),
      contact: column(contact),
      closed: column(closed),
    });
  }
  return pairs;
}

/** The pairs' tallies as of `asOfMs` under the loop targets: loop-breakdown.ts's tally(), over the columns. */
export function tallyLoopPairs(pairs: readonly LoopPairTimes[], asOfMs: number, settings: MetricSettings): LoopGroupTally[] {
  const { firstContactHours, closeDays } = settings.loop;
  return pairs.map((pair) => {
    let decided = 0;
    let onTime = 0;
    let overdue = 0;
    const daysToClose: number[] = [];
    for (let i = 0; i < pair.responded.length; i++) {
      const responded = pair.responded[i]!;
      const contact = pair.contact[i]!;
      const closed = pair.closed[i]!;
      // Whole milliseconds, as a Date made from them (addHours/addDays) would hold.
      const firstContactDue = Math.trunc(responded + firstContactHours * MS_PER_HOUR);
      const closeDue = Math.trunc(responded + closeDays * MS_PER_DAY);
      const contacted = !Number.isNaN(contact);
      // Actions still inside their first-contact window are undecided, not failures.
      if (contacted || asOfMs > firstContactDue) {
        decided += 1;
        if (contacted && !(contact > firstContactDue)) onTime += 1;
      }
      if (!Number.isNaN(closed)) daysToClose.push((closed - responded) / MS_PER_DAY);
      else if (asOfMs > closeDue || (!contacted && asOfMs > firstContactDue)) overdue += 1;
    }
    return { owner: pair.owner, level: pair.level, first: pair.first, actions: pair.responded.length, decided, onTime, overdue, daysToClose };
  });
}

/** The pairs' tallies read and applied at once (no memo), or null as loopTimes(). */
export async function loopGroups(db: Kysely<Database>, window: Window, scope: LoopScope, asOfMs: number, settings: MetricSettings): Promise<LoopGroupTally[] | null> {
  const pairs = await loopTimes(db, window, scope);
  return pairs === null ? null : tallyLoopPairs(pairs, asOfMs, settings);
}
