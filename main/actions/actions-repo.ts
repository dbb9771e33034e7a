import type { ParsedInputOf } from '../../shared/contract';
import type { ActionRow } from '../../shared/contract/actions';
import { ApiError } from '../../shared/contract/errors';
import type { Executor } from '../accounts/account-queries';
import { diffFields, logChange } from '../db/change-log';
import { nowIso } from '../db/clock';
import { newId } from '../db/new-id';
import type { ActionsTable } from '../db/tables';
import { loopDueDates } from '../metrics/loop';
import { readMetricSettings } from '../metrics/engine/settings-store';
import { actionSelect, toActionRow } from './action-rows';

export async function getAction(db: Executor, id: string): Promise<ActionRow> {
  const row = await actionSelect(db).where('x.id', '=', id).executeTakeFirst();
  if (!row) throw new ApiError({ code: 'not_found', message: 'That action does not exist (it may have been deleted).' });
  return toActionRow(row, nowIso());
}

export async function createAction(db: Executor, input: ParsedInputOf<'actions.create'>): Promise<string> {
  const account = await db.selectFrom('accounts').select(['id', 'owner']).where('id', '=', input.accountId).where('deleted_at', 'is', null).executeTakeFirst();
  if (!account) throw new ApiError({ code: 'not_found', message: 'The account for this action does not exist (it may have been deleted).' });
  const interview = input.interviewId
    ? await db.selectFrom('interviews').select(['id', 'account_id', 'contact_id', 'interviewed_at']).where('id', '=', input.interviewId).where('deleted_at', 'is', null).executeTakeFirst()
    : undefined;
  if (input.interviewId && interview?.account_id !== input.accountId) {
    throw new ApiError({ code: 'invalid_input', message: 'That interview is not one of this account.', fields: { interviewId: 'Not an interview of this account' } });
  }
  const contactId = input.contactId ?? interview?.contact_id ?? null;
  if (contactId) {
    const contact = await db.selectFrom('contacts').select('account_id').where('id', '=', contactId).where('deleted_at', 'is', null).executeTakeFirst();
    if (contact?.account_id !== input.accountId) throw new ApiError({ code: 'invalid_input', message: 'That contact is not one of this account.', fields: { contactId: 'Not a contact of this account' } });
  }
  const stamp = nowIso();
  const defaults = input.kind === 'follow_up' ? loopDueDates(interview?.interviewed_at ?? stamp, (await readMetricSettings(db)).settings) : null;
  const id = newId();
  const columns = {
    account_id: input.accountId,
    interview_id: input.interviewId ?? null,
    contact_id: contactId,
    kind: input.kind,
    title: input.title,
    owner: input.owner ?? account.owner,
    level: input.level ?? null,
    status: 'open',
    opened_at: stamp,
    first_contact_due_at: input.firstContactDueAt ?? defaults?.firstContactDue ?? null,
    close_due_at: input.closeDueAt ?? defaults?.closeDue ?? null,
    contacted_at: null,
    closed_at: null,
    outcome: null,
  };
  await db.insertInto('actions').values({ id, ...columns, created_at: stamp, updated_at: stamp, deleted_at: null }).execute();
  await logChange(db, { entityType: 'action', entityId: id, op: 'insert', changes: columns });
  return id;
}

/**
 * The status decides the timestamps: contacted stamps contacted_at (once), closed stamps closed_at and needs
 * an outcome (closing the loop means saying how it ended), open clears both.
 */
export async function updateAction(db: Executor, input: ParsedInputOf<'actions.update'>): Promise<void> {
  const before = await db.selectFrom('actions').selectAll().where('id', '=', input.id).where('deleted_at', 'is', null).executeTakeFirst();
  if (!before) throw new ApiError({ code: 'not_found', message: 'That action does not exist (it may have been deleted).' });
  const { patch } = input;
  const at = input.at ?? nowIso();
  if (input.at && input.at > nowIso()) throw new ApiError({ code: 'invalid_input', message: 'That time is in the future.', fields: { at: 'Cannot be in the future' } });
  if (input.at && input.at < before.opened_at) throw new ApiError({ code: 'invalid_input', message: 'That time is before the action was opened.', fields: { at: 'Before the action was opened' } });

  const columns: Partial<ActionsTable> = {};
  if (patch.title !== undefined) columns.title = patch.title;
  if (patch.owner !== undefined) columns.owner = patch.owner;
  if (patch.level !== undefined) columns.level = patch.level;
  if (patch.outcome !== undefined) columns.outcome = patch.outcome;
  if (patch.status !== undefined && patch.status !== before.status) {
    columns.status = patch.status;
    if (patch.status === 'open') Object.assign(columns, { contacted_at: null, closed_at: null });
    if (patch.status === 'contacted') Object.assign(columns, { contacted_at: before.contacted_at ?? at, closed_at: null });
    if (patch.status === 'closed') columns.closed_at = at;
  }
  const status = columns.status ?? before.status;
  const outcome = columns.outcome !== undefined ? columns.outcome : before.outcome;
  if (status === 'closed' && !outcome) {
    throw new ApiError({ code: 'invalid_input', message: 'Say how it ended before closing the action.', fields: { 'patch.outcome': 'An outcome is required to close' } });
  }
  const changes = diffFields(before as unknown as Record<string, unknown>, columns as Record<string, unknown>);
  if (Object.keys(changes).length === 0) return;
  await db.updateTable('actions').set({ ...columns, updated_at: nowIso() }).where('id', '=', input.id).execute();
  await logChange(db, { entityType: 'action', entityId: input.id, op: 'update', changes });
}
