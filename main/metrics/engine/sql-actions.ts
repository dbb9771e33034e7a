/**
 * Follow-up actions opened in a window, for the loop-closure KPIs. A quarter holds at most tens of
 * thousands; the KPIs need medians, so the rows themselves come back (narrow ones).
 */
import type { Kysely } from 'kysely';
import { ACTION_LEVELS, type ActionLevel } from '../../../shared/domain/metrics-types';
import type { Database } from '../../db/tables';
import type { LoopAction } from '../loop';
import { dayAfter, type Window } from './period';

export interface WindowAction extends LoopAction {
  accountId: string;
  /** The stored level was missing: counted as frontline (the level a follow-up starts at). */
  levelDefaulted: boolean;
}

const isLevel = (value: string | null): value is ActionLevel => (ACTION_LEVELS as readonly (string | null)[]).includes(value);

export async function followUpsOpenedIn(db: Kysely<Database>, window: Window): Promise<WindowAction[]> {
  const rows = await db
    .selectFrom('actions')
    .select(['id', 'account_id', 'owner', 'level', 'opened_at', 'contacted_at', 'closed_at'])
    .where('deleted_at', 'is', null)
    .where('kind', '=', 'follow_up')
    .where('opened_at', '>=', window.from)
    .where('opened_at', '<', dayAfter(window.to))
    .execute();
  return rows.map((row) => ({
    actionId: row.id,
    accountId: row.account_id,
    owner: row.owner,
    level: isLevel(row.level) ? row.level : 'frontline',
    levelDefaulted: !isLevel(row.level),
    respondedAt: row.opened_at,
    firstContactAt: row.contacted_at,
    closedAt: row.closed_at,
  }));
}
