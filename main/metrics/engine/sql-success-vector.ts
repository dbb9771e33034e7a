/**
 * QBR ratings and milestones, read per account (account page) or for every account (segment
 * filters need each account's Success Vector alert). A few rows per account either way.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables';

export interface QbrRow {
  id: string;
  accountId: string;
  heldOn: string;
  title: string;
  tools: number | null;
  investment: number | null;
  desire: number | null;
}

export interface MilestoneRow {
  accountId: string;
  dueDate: string;
  achievedOn: string | null;
}

export async function qbrsUpTo(db: Kysely<Database>, day: string, accountId?: string): Promise<QbrRow[]> {
  let query = db
    .selectFrom('qbrs')
    .select(['id', 'account_id', 'held_on', 'title', 'rating_tools', 'rating_investment', 'rating_desire'])
    .where('deleted_at', 'is', null)
    .where('held_on', '<=', day);
  if (accountId !== undefined) query = query.where('account_id', '=', accountId);
  const rows = await query.orderBy('account_id').orderBy('held_on').orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id,
    accountId: r.account_id,
    heldOn: r.held_on.slice(0, 10),
    title: r.title,
    tools: r.rating_tools,
    investment: r.rating_investment,
    desire: r.rating_desire,
  }));
}

export async function milestonesDueBy(db: Kysely<Database>, day: string, accountId?: string): Promise<MilestoneRow[]> {
  let query = db.selectFrom('milestones').select(['account_id', 'due_date', 'achieved_on']).where('deleted_at', 'is', null).where('due_date', '<=', day);
  if (accountId !== undefined) query = query.where('account_id', '=', accountId);
  const rows = await query.execute();
  return rows.map((r) => ({ accountId: r.account_id, dueDate: r.due_date.slice(0, 10), achievedOn: r.achieved_on === null ? null : r.achieved_on.slice(0, 10) }));
}
