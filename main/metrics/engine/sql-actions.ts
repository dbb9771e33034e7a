/**
 * Follow-up actions opened in a window, for the loop-closure KPIs. A quarter holds at most tens of
 * thousands; the KPIs need medians, so the rows themselves come back (narrow ones).
 */
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { ACTION_LEVELS } from '../../../shared/domain/metrics-types';
import type { Database } from '../../db/tables';
import type { LoopAction } from '../loop';
import { dayAfter, type Window } from './period';

export interface WindowAction extends LoopAction {
  accountId: string;
}

const LEVELS = sql.join(ACTION_LEVELS.map((level) => sql.lit(level)));

/**
 * The rows come back in their final shape (names and the level default done in SQL), so a quarter's
 * 24k follow-ups are 24k objects, not twice that: they are kept in the memo, and the GC copies them.
 */
export function followUpsQuery(window: Window) {
  // A missing or unknown level counts as frontline, the level a follow-up starts at.
  return sql<WindowAction>`
    SELECT id AS actionId, account_id AS accountId, owner,
           CASE WHEN level IN (${LEVELS}) THEN level ELSE 'frontline' END AS level,
           opened_at AS respondedAt, contacted_at AS firstContactAt, closed_at AS closedAt
    FROM actions INDEXED BY actions_metrics_follow_ups_idx
    WHERE deleted_at IS NULL AND kind = 'follow_up' AND opened_at >= ${window.from} AND opened_at < ${dayAfter(window.to)}`;
}

export async function followUpsOpenedIn(db: Kysely<Database>, window: Window): Promise<WindowAction[]> {
  return (await followUpsQuery(window).execute(db)).rows;
}
