import { sql } from 'kysely';
import type { Migration } from '../migrator';

/**
 * Per-group change counters for the metrics engine's memo (main/metrics/engine/query-cache.ts), so that
 * a write empties only the memoised results that read what it wrote: after one score correction the
 * accounts, their ARR and the follow-up actions are not read again (issue #3).
 *
 * `metric_change_counters` holds one row per group; a trigger on every table of a group adds 1 to the
 * group's counter in the writer's own transaction (a keyed update of a one-page table: imports stay
 * fast). Each memo entry names the groups it reads; when the data version moves, the memo keeps the
 * entries whose groups' counters did not. A write that moves no counter (a table no memo entry reads,
 * or a bulk load that suspended the triggers) empties the whole memo, as before this migration.
 *
 * Groups, and the tables whose every INSERT, UPDATE and DELETE counts:
 * - accounts:  accounts, arr_records
 * - responses: interviews, driver_ratings, contacts, drivers (what the summaries of migration 004 and
 *              the live passes read)
 * - touch:     interviews, only the columns "last touch" reads (account_id, interviewed_at, status,
 *              deleted_at), so a score correction leaves last touch memoised
 * - actions:   actions
 * - success:   qbrs, milestones, segment_overrides
 *
 * Trigger names avoid "_search_": the search bulk loader drops the triggers matching it.
 */

export const METRIC_CHANGE_GROUPS = ['accounts', 'responses', 'touch', 'actions', 'success'] as const;
export type MetricChangeGroup = (typeof METRIC_CHANGE_GROUPS)[number];

const GROUP_TABLES: Record<Exclude<MetricChangeGroup, 'touch'>, readonly string[]> = {
  accounts: ['accounts', 'arr_records'],
  responses: ['interviews', 'driver_ratings', 'contacts', 'drivers'],
  actions: ['actions'],
  success: ['qbrs', 'milestones', 'segment_overrides'],
};

const TOUCH_COLUMNS = ['account_id', 'interviewed_at', 'status', 'deleted_at'];

const bump = (group: MetricChangeGroup) => `UPDATE metric_change_counters SET n = n + 1 WHERE name = '${group}';`;

function trigger(name: string, event: string, table: string, when: string | null, body: string): string {
  return `CREATE TRIGGER ${name} AFTER ${event} ON ${table} FOR EACH ROW ${when ? `WHEN ${when}` : ''} BEGIN ${body} END`;
}

/** The triggers as this migration made them; 007 moves arr_records to a counter of its own. */
export const METRIC_CHANGE_TRIGGERS: readonly string[] = [
  ...Object.entries(GROUP_TABLES).flatMap(([group, tables]) =>
    tables.flatMap((table) =>
      (['INSERT', 'UPDATE', 'DELETE'] as const).map((event) =>
        trigger(`${table}_metrics_memo_${event.toLowerCase()}`, event, table, null, bump(group as MetricChangeGroup)),
      ),
    ),
  ),
  trigger('interviews_metrics_touch_insert', 'INSERT', 'interviews', null, bump('touch')),
  trigger(
    'interviews_metrics_touch_update',
    `UPDATE OF ${TOUCH_COLUMNS.join(', ')}`,
    'interviews',
    TOUCH_COLUMNS.map((c) => `OLD.${c} IS NOT NEW.${c}`).join(' OR '),
    bump('touch'),
  ),
  trigger('interviews_metrics_touch_delete', 'DELETE', 'interviews', null, bump('touch')),
];

/** Moves every counter: for bulk loaders that wrote with the triggers suspended. */
export const METRIC_CHANGE_ALL_STATEMENT = 'UPDATE metric_change_counters SET n = n + 1';

export const metricsChangeCounters: Migration = {
  name: '005-metrics-change-counters',
  async up(db) {
    await sql.raw(`CREATE TABLE metric_change_counters (name TEXT PRIMARY KEY, n INTEGER NOT NULL) STRICT, WITHOUT ROWID`).execute(db);
    // Backfill: one row per group; the counts only ever matter as "moved since", so they start at 0.
    await sql.raw(`INSERT INTO metric_change_counters (name, n) VALUES ${METRIC_CHANGE_GROUPS.map((g) => `('${g}', 0)`).join(', ')}`).execute(db);
    for (const statement of METRIC_CHANGE_TRIGGERS) await sql.raw(statement).execute(db);
  },
};
