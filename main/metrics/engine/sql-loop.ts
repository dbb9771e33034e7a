/**
 * The loop-closure KPIs of a window's follow-ups, tallied inside SQLite per (owner, level): a quarter's
 * 24k follow-ups come back as a few dozen rows instead of 24k rows of seven strings each (most of what
 * the KPIs cost was turning those strings into JavaScript values and collecting them again).
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

/** One (owner, level) pair's tallies, as the JSON array the query returns for it. */
type GroupTallies = [first: string | null, actions: number, decided: number | null, onTime: number | null, overdue: number | null, closedMs: string | null, unreadable: number | null];

export interface LoopGroupRow {
  owner: string | null;
  /** As stored: the caller reads anything but the three levels as frontline. */
  level: string | null;
  tallies: string;
}

/**
 * Per (owner, level) pair of the follow-ups, one correlated pass over its own range of
 * actions_metrics_loop_idx (migration 006), which is already in window order: GROUP BY over the
 * window's follow-ups sorted all 24k of them by owner and level first, the larger part of the time.
 * A scalar subquery gives one value, so each pair's tallies come back as one JSON array. LIMIT -1
 * keeps the inner rows a co-routine: each timestamp is converted once, not once per use (about 17).
 */
export function loopGroupsQuery(window: Window, scope: LoopScope, asOfMs: number, settings: MetricSettings) {
  const firstContactMs = settings.loop.firstContactHours * MS_PER_HOUR;
  const closeMs = settings.loop.closeDays * MS_PER_DAY;
  // Soft-deleted accounts are few: leaving them out costs less than probing 10k live ones.
  const inScope =
    scope.kind === 'live'
      ? sql`a.account_id NOT IN (SELECT id FROM accounts INDEXED BY accounts_deleted_idx WHERE deleted_at IS NOT NULL)`
      : sql`a.account_id IN (SELECT value FROM json_each(${JSON.stringify(scope.ids)}))`;
  return sql<LoopGroupRow>`
    WITH pairs AS (
      SELECT DISTINCT owner, level FROM actions INDEXED BY actions_metrics_loop_idx WHERE kind = 'follow_up' AND deleted_at IS NULL
    )
    SELECT p.owner, p.level, (
      SELECT json_array(min(first), count(*),
               sum(c IS NOT NULL OR ${asOfMs} > first_due),
               sum(c IS NOT NULL AND c <= first_due),
               sum(x IS NULL AND (${asOfMs} > close_due OR (c IS NULL AND ${asOfMs} > first_due))),
               group_concat(x - r),
               sum(r IS NULL OR (has_c AND c IS NULL) OR (has_x AND x IS NULL)))
      FROM (
        SELECT first, r, c, x, has_c, has_x, CAST(r + ${firstContactMs} AS INTEGER) AS first_due, CAST(r + ${closeMs} AS INTEGER) AS close_due
        FROM (
          SELECT a.opened_at || char(1) || a.id AS first,
                 ${ms('a.opened_at')} AS r, ${ms('coalesce(a.contacted_at, a.closed_at)')} AS c, ${ms('a.closed_at')} AS x,
                 coalesce(a.contacted_at, a.closed_at) IS NOT NULL AS has_c, a.closed_at IS NOT NULL AS has_x
          FROM actions AS a INDEXED BY actions_metrics_loop_idx
          WHERE a.kind = 'follow_up' AND a.owner IS p.owner AND a.level IS p.level AND a.deleted_at IS NULL
            AND a.opened_at >= ${window.from} AND a.opened_at < ${dayAfter(window.to)} AND ${inScope}
          LIMIT -1))
    ) AS tallies
    FROM pairs AS p`;
}

const LEVEL_SET: ReadonlySet<string> = new Set(ACTION_LEVELS);

/** The groups' tallies, or null when a timestamp needs JavaScript's reading (see the header). */
export async function loopGroups(db: Kysely<Database>, window: Window, scope: LoopScope, asOfMs: number, settings: MetricSettings): Promise<LoopGroupTally[] | null> {
  const { rows } = await loopGroupsQuery(window, scope, asOfMs, settings).execute(db);
  const groups: LoopGroupTally[] = [];
  for (const row of rows) {
    const [first, actions, decided, onTime, overdue, closedMs, unreadable] = JSON.parse(row.tallies) as GroupTallies;
    if (Number(unreadable) > 0) return null;
    // A pair with follow-ups only outside the window (or out of scope) has none to count.
    if (actions === 0 || first === null) continue;
    groups.push({
      owner: row.owner,
      level: row.level !== null && LEVEL_SET.has(row.level) ? (row.level as ActionLevel) : 'frontline',
      first,
      actions,
      decided: Number(decided),
      onTime: Number(onTime),
      overdue: Number(overdue),
      daysToClose: closedMs === null ? [] : closedMs.split(',').map((value) => Number(value) / MS_PER_DAY),
    });
  }
  return groups;
}
