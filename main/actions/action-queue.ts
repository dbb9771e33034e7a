import { sql } from 'kysely';
import type { ParsedInputOf } from '../../shared/contract';
import type { ActionQueue } from '../../shared/contract/actions';
import type { Executor } from '../accounts/account-queries';
import { nowIso } from '../db/clock';
import { actionSelect, dueSoonLimit, dueSoonSql, nextDueSql, overdueSql, toActionRow } from './action-rows';

type QueueInput = ParsedInputOf<'actions.queue'>;

/** Everything but the `due` filter: the summary and the owner load describe this set. */
function filtered(db: Executor, input: QueueInput) {
  let q = actionSelect(db).where('x.status', 'in', input?.statuses ?? ['open', 'contacted']);
  if (input?.owner === null) q = q.where('x.owner', 'is', null);
  else if (input?.owner !== undefined) q = q.where('x.owner', '=', input.owner);
  if (input?.level) q = q.where('x.level', '=', input.level);
  if (input?.kind) q = q.where('x.kind', '=', input.kind);
  if (input?.accountId) q = q.where('x.account_id', '=', input.accountId);
  return q.where('a.deleted_at', 'is', null);
}

/** The follow-up queue, most urgent first: overdue, then by the next deadline. */
export async function actionQueue(db: Executor, input: QueueInput): Promise<ActionQueue> {
  const now = nowIso();
  const soon = dueSoonLimit(now);
  const offset = input?.offset ?? 0;
  const limit = input?.limit ?? 100;
  const base = filtered(db, input);

  let rowsQuery = base;
  if (input?.due === 'overdue') rowsQuery = rowsQuery.where(overdueSql(now));
  else if (input?.due === 'due_soon') rowsQuery = rowsQuery.where(dueSoonSql(now, soon));
  else if (input?.due === 'overdue_or_due_soon') rowsQuery = rowsQuery.where(sql<boolean>`(${overdueSql(now)} OR ${dueSoonSql(now, soon)})`);

  const rows = await rowsQuery
    .orderBy(sql`${overdueSql(now)} DESC`)
    .orderBy(sql`${nextDueSql} IS NULL`)
    .orderBy(sql`${nextDueSql}`)
    .orderBy('x.opened_at')
    .orderBy('x.id')
    .offset(offset)
    .limit(limit)
    .execute();
  const { total } = await rowsQuery.clearSelect().select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();

  const counts = await base
    .clearSelect()
    .select([
      'x.owner',
      sql<number>`sum(x.status <> 'closed')`.as('open'),
      sql<number>`sum(x.status = 'contacted')`.as('contacted'),
      sql<number>`sum(${overdueSql(now)})`.as('overdue'),
      sql<number>`sum(${dueSoonSql(now, soon)})`.as('due_soon'),
    ])
    .groupBy('x.owner')
    .execute();
  const sum = (key: 'open' | 'contacted' | 'overdue' | 'due_soon') => counts.reduce((n, c) => n + Number(c[key] ?? 0), 0);

  return {
    rows: rows.map((r) => toActionRow(r, now)),
    total: Number(total),
    offset,
    asOf: now,
    summary: { open: sum('open'), contacted: sum('contacted'), overdue: sum('overdue'), dueSoon: sum('due_soon') },
    byOwner: counts
      .map((c) => ({ owner: c.owner, open: Number(c.open ?? 0), overdue: Number(c.overdue ?? 0), dueSoon: Number(c.due_soon ?? 0) }))
      .sort((a, b) => b.overdue - a.overdue || b.open - a.open || (a.owner ?? '\uffff').localeCompare(b.owner ?? '\uffff')),
  };
}
