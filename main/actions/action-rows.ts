import { sql } from 'kysely';
import type { ActionDue, ActionKind, ActionRow, ActionStatus } from '../../shared/contract/actions';
import { DUE_SOON_HOURS } from '../../shared/contract/actions';
import type { ActionLevel } from '../../shared/domain/metrics-types';
import type { ContactLevel } from '../../shared/domain/people';
import type { Executor } from '../accounts/account-queries';

/** Contacted means a contact was logged, whatever the status says now (closing keeps it). */
export const contactedSql = sql<boolean>`(x.status = 'contacted' OR x.contacted_at IS NOT NULL)`;

/** The deadline that matters next: first contact until someone was contacted, then the close. */
export const nextDueSql = sql<string | null>`CASE WHEN x.status = 'closed' THEN NULL
  WHEN NOT ${contactedSql} AND x.first_contact_due_at IS NOT NULL THEN x.first_contact_due_at ELSE x.close_due_at END`;

export const overdueSql = (now: string) =>
  sql<boolean>`(x.status <> 'closed' AND ((NOT ${contactedSql} AND x.first_contact_due_at < ${now}) OR x.close_due_at < ${now}))`;

export const dueSoonSql = (now: string, soon: string) => sql<boolean>`(NOT ${overdueSql(now)} AND ${nextDueSql} <= ${soon})`;

export function dueSoonLimit(now: string): string {
  return new Date(Date.parse(now) + DUE_SOON_HOURS * 3_600_000).toISOString();
}

export function actionSelect(db: Executor) {
  return db
    .selectFrom('actions as x')
    .innerJoin('accounts as a', 'a.id', 'x.account_id')
    .leftJoin('contacts as c', 'c.id', 'x.contact_id')
    .leftJoin('interviews as i', 'i.id', 'x.interview_id')
    .where('x.deleted_at', 'is', null)
    .select([
      'x.id',
      'x.account_id',
      'a.name as account_name',
      'x.interview_id',
      'x.contact_id',
      'c.name as contact_name',
      'c.level as contact_level',
      'x.kind',
      'x.title',
      'x.owner',
      'x.level',
      'x.status',
      'x.opened_at',
      'x.first_contact_due_at',
      'x.close_due_at',
      'x.contacted_at',
      'x.closed_at',
      'x.outcome',
      'i.nps',
      'i.verbatim',
      'x.updated_at',
    ]);
}

type RawAction = Awaited<ReturnType<ReturnType<typeof actionSelect>['executeTakeFirstOrThrow']>>;

/** The same rules as the SQL above, for one row. */
export function dueOf(a: Pick<RawAction, 'status' | 'first_contact_due_at' | 'close_due_at' | 'contacted_at'>, now: string): ActionDue {
  if (a.status === 'closed') return { state: 'closed', nextDueAt: null, firstContactOverdue: false, closeOverdue: false };
  const contacted = a.status === 'contacted' || a.contacted_at !== null;
  const firstContactOverdue = !contacted && a.first_contact_due_at !== null && a.first_contact_due_at < now;
  const closeOverdue = a.close_due_at !== null && a.close_due_at < now;
  const nextDueAt = !contacted && a.first_contact_due_at !== null ? a.first_contact_due_at : a.close_due_at;
  const state = firstContactOverdue || closeOverdue ? 'overdue' : nextDueAt !== null && nextDueAt <= dueSoonLimit(now) ? 'due_soon' : 'on_track';
  return { state, nextDueAt, firstContactOverdue, closeOverdue };
}

export function toActionRow(r: RawAction, now: string): ActionRow {
  return {
    id: r.id,
    accountId: r.account_id,
    accountName: r.account_name,
    interviewId: r.interview_id,
    contactId: r.contact_id,
    contactName: r.contact_name,
    contactLevel: r.contact_level as ContactLevel | null,
    kind: r.kind as ActionKind,
    title: r.title,
    owner: r.owner,
    level: r.level as ActionLevel | null,
    status: r.status as ActionStatus,
    openedAt: r.opened_at,
    firstContactDueAt: r.first_contact_due_at,
    closeDueAt: r.close_due_at,
    contactedAt: r.contacted_at,
    closedAt: r.closed_at,
    outcome: r.outcome,
    nps: r.nps,
    verbatim: r.verbatim,
    due: dueOf(r, now),
    updatedAt: r.updated_at,
  };
}
