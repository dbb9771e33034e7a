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
const LEVELS = sql.join(ACTION_LEVELS.map((level) => sql.lit(level)));
/** Whole milliseconds since 1970: julianday() is exact to well under a millisecond, so rounding gives Date.parse's number. */
const ms = (column: string) => sql.raw(`CAST(round((julianday(${column}) - 2440587.5) * 86400000) AS INTEGER)`);

/** Every live account, or the ids of the accounts in scope. */
export type LoopScope = { kind: 'live' } | { kind: 'accounts'; ids: readonly string[] };

export interface LoopGroupRow {
  owner: string | null;
  level: ActionLevel;
  first: string;
  actions: number;
  decided: number;
  onTime: number;
  overdue: number;
  /** Milliseconds from response to close of each closed action, comma-separated; null when none closed. */
  closedMs: string | null;
  unreadable: number;
}

export function loopGroupsQuery(window: Window, scope: LoopScope, asOfMs: number, settings: MetricSettings) {
  const firstContactMs = settings.loop.firstContactHours * MS_PER_HOUR;
  const closeMs = settings.loop.closeDays * MS_PER_DAY;
  // Soft-deleted accounts are few: leaving them out costs less than probing 10k live ones.
  const inScope =
    scope.kind === 'live'
      ? sql`account_id NOT IN (SELECT id FROM accounts INDEXED BY accounts_deleted_idx WHERE deleted_at IS NOT NULL)`
      : sql`account_id IN (SELECT value FROM json_each(${JSON.stringify(scope.ids)}))`;
  // Materialised with only what the tallies need: flattened, SQLite would read each timestamp once per
  // use (about 17 times a row), and carrying the strings through the GROUP BY sorter costs more still.
  return sql<LoopGroupRow>`
    WITH timed AS MATERIALIZED (
      SELECT owner, CASE WHEN level IN (${LEVELS}) THEN level ELSE 'frontline' END AS level,
             opened_at || char(1) || id AS first,
             ${ms('opened_at')} AS r, ${ms('coalesce(contacted_at, closed_at)')} AS c, ${ms('closed_at')} AS x,
             coalesce(contacted_at, closed_at) IS NOT NULL AS has_c, closed_at IS NOT NULL AS has_x
      FROM actions INDEXED BY actions_metrics_follow_ups_idx
      WHERE deleted_at IS NULL AND kind = 'follow_up' AND opened_at >= ${window.from} AND opened_at < ${dayAfter(window.to)} AND ${inScope}
    )
    SELECT owner, level, min(first) AS first, count(*) AS actions,
           sum(c IS NOT NULL OR ${asOfMs} > first_due) AS decided,
           sum(c IS NOT NULL AND c <= first_due) AS onTime,
           sum(x IS NULL AND (${asOfMs} > close_due OR (c IS NULL AND ${asOfMs} > first_due))) AS overdue,
           group_concat(x - r) AS closedMs,
           sum(r IS NULL OR (has_c AND c IS NULL) OR (has_x AND x IS NULL)) AS unreadable
    FROM (SELECT *, CAST(r + ${firstContactMs} AS INTEGER) AS first_due, CAST(r + ${closeMs} AS INTEGER) AS close_due FROM timed)
    GROUP BY owner, level`;
}

/** The groups' tallies, or null when a timestamp needs JavaScript's reading (see the header). */
export async function loopGroups(db: Kysely<Database>, window: Window, scope: LoopScope, asOfMs: number, settings: MetricSettings): Promise<LoopGroupTally[] | null> {
  const { rows } = await loopGroupsQuery(window, scope, asOfMs, settings).execute(db);
  if (rows.some((row) => Number(row.unreadable) > 0)) return null;
  return rows.map((row) => ({
    owner: row.owner,
    level: row.level,
    first: row.first,
    actions: Number(row.actions),
    decided: Number(row.decided),
    onTime: Number(row.onTime),
    overdue: Number(row.overdue),
    daysToClose: row.closedMs === null ? [] : row.closedMs.split(',').map((value) => Number(value) / MS_PER_DAY),
  }));
}
