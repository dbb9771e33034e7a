import { sql } from 'kysely';
import type { Migration } from '../migrator';
import { METRIC_CHANGE_GROUPS as GROUPS_OF_005 } from './005-metrics-change-counters';

/**
 * ARR records get a memo change counter of their own, `arr` (migration 005 counted them with the
 * accounts). Saving an ARR record then keeps what reads only the accounts memoised: their attributes,
 * last touch and the follow-ups' times (issue #3: the dashboard after an ARR write re-read them all).
 * What reads ARR names `arr` among its groups.
 *
 * Groups from now on (the list the engine's memo uses):
 * - accounts:  accounts
 * - arr:       arr_records
 * - responses, touch, actions, success: as in migration 005
 *
 * The triggers keep 005's names (`arr_records_metrics_memo_*`), so the bulk loaders that suspend
 * `_metrics_memo_` triggers suspend these too, and 005's "move every counter" moves this one.
 */
export const METRIC_MEMO_GROUPS = [...GROUPS_OF_005, 'arr'] as const;
export type MetricMemoGroup = (typeof METRIC_MEMO_GROUPS)[number];

const EVENTS = ['insert', 'update', 'delete'] as const;

export const metricsArrCounter: Migration = {
  name: '007-metrics-arr-counter',
  async up(db) {
    await sql.raw(`INSERT INTO metric_change_counters (name, n) VALUES ('arr', 0) ON CONFLICT (name) DO NOTHING`).execute(db);
    for (const event of EVENTS) {
      await sql.raw(`DROP TRIGGER IF EXISTS arr_records_metrics_memo_${event}`).execute(db);
      await sql
        .raw(
          `CREATE TRIGGER arr_records_metrics_memo_${event} AFTER ${event.toUpperCase()} ON arr_records FOR EACH ROW
             BEGIN UPDATE metric_change_counters SET n = n + 1 WHERE name = 'arr'; END`,
        )
        .execute(db);
    }
  },
};
