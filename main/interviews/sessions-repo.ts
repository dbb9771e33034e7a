import { sql } from 'kysely';
import type { ParsedInputOf } from '../../shared/contract';
import { ApiError } from '../../shared/contract/errors';
import type { InterviewStatus, SessionStakeholder, SessionStatus, SessionSummary, SessionView } from '../../shared/contract/interviews';
import type { ContactLevel, ContactRole } from '../../shared/domain/people';
import type { Executor } from '../accounts/account-queries';
import { createContact } from '../contacts/contacts-repo';
import { logChange } from '../db/change-log';
import { nowIso } from '../db/clock';
import { newId } from '../db/new-id';
import { getGuide } from '../guides/guides-repo';
import { readInterview } from './interview-read';
import { answersOf, loadInterviewState, missingRequired } from './interview-state';

type NewContacts = ParsedInputOf<'interviews.start'>['newContacts'];

function summarySelect(db: Executor) {
  return db
    .selectFrom('interview_sessions as s')
    .innerJoin('accounts as a', 'a.id', 's.account_id')
    .leftJoin('interview_guides as g', 'g.id', 's.guide_id')
    .where('s.deleted_at', 'is', null)
    .select([
      's.id',
      's.account_id',
      'a.name as account_name',
      's.guide_id',
      'g.name as guide_name',
      'g.version as guide_version',
      's.interviewer',
      's.status',
      's.started_at',
      's.finished_at',
      's.current_interview_id',
      's.updated_at',
      sql<number>`(SELECT count(*) FROM interviews i WHERE i.session_id = s.id AND i.deleted_at IS NULL)`.as('stakeholder_count'),
      sql<number>`(SELECT count(*) FROM interviews i WHERE i.session_id = s.id AND i.deleted_at IS NULL AND i.status = 'complete')`.as('completed_count'),
    ]);
}

type SummaryRow = Awaited<ReturnType<ReturnType<typeof summarySelect>['executeTakeFirstOrThrow']>>;

function toSummary(r: SummaryRow): SessionSummary {
  return {
    id: r.id,
    accountId: r.account_id,
    accountName: r.account_name,
    guideId: r.guide_id,
    guideName: r.guide_name,
    guideVersion: r.guide_version,
    interviewer: r.interviewer,
    status: r.status as SessionStatus,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    currentInterviewId: r.current_interview_id,
    stakeholderCount: Number(r.stakeholder_count),
    completedCount: Number(r.completed_count),
    updatedAt: r.updated_at,
  };
}

async function requireSession(db: Executor, sessionId: string) {
  const session = await db.selectFrom('interview_sessions').selectAll().where('id', '=', sessionId).where('deleted_at', 'is', null).executeTakeFirst();
  if (!session) throw new ApiError({ code: 'not_found', message: 'That interview session does not exist.' });
  return session;
}

/** The session's interviews in the order the stakeholders are seen: the order they were added. */
async function sessionInterviewIds(db: Executor, sessionId: string): Promise<{ id: string; status: string }[]> {
  return db.selectFrom('interviews').select(['id', 'status']).where('session_id', '=', sessionId).where('deleted_at', 'is', null).orderBy('created_at').orderBy('id').execute();
}

async function stakeholders(db: Executor, sessionId: string): Promise<SessionStakeholder[]> {
  const rows = await db
    .selectFrom('interviews as i')
    .leftJoin('contacts as c', 'c.id', 'i.contact_id')
    .select(['i.id', 'i.contact_id', 'c.name', 'c.title', 'c.role', 'c.level', 'i.status', 'i.nps', 'i.updated_at'])
    .where('i.session_id', '=', sessionId)
    .where('i.deleted_at', 'is', null)
    .orderBy('i.created_at')
    .orderBy('i.id')
    .execute();
  const result: SessionStakeholder[] = [];
  for (const r of rows) {
    const state = await loadInterviewState(db, r.id);
    result.push({
      interviewId: r.id,
      contactId: r.contact_id,
      name: r.name ?? 'Unknown stakeholder',
      title: r.title,
      role: r.role as ContactRole | null,
      level: r.level as ContactLevel | null,
      status: r.status as InterviewStatus,
      nps: r.nps,
      answered: Object.keys(answersOf(state)).length,
      missingRequired: missingRequired(state).length,
      updatedAt: r.updated_at,
    });
  }
  return result;
}

export async function sessionView(db: Executor, sessionId: string): Promise<SessionView> {
  const row = await summarySelect(db).where('s.id', '=', sessionId).executeTakeFirst();
  if (!row) throw new ApiError({ code: 'not_found', message: 'That interview session does not exist.' });
  const people = await stakeholders(db, sessionId);
  const index = people.findIndex((p) => p.interviewId === row.current_interview_id);
  return {
    session: toSummary(row),
    guide: row.guide_id ? await getGuide(db, row.guide_id) : null,
    stakeholders: people,
    currentIndex: index >= 0 ? index : null,
    current: index >= 0 ? await readInterview(db, people[index]!.interviewId) : null,
  };
}

/** The open session of the account, else (no account asked for) the latest open session anywhere. */
export async function findOpenSession(db: Executor, accountId: string | undefined): Promise<string | null> {
  let q = db.selectFrom('interview_sessions').select('id').where('status', '=', 'open').where('deleted_at', 'is', null);
  if (accountId) q = q.where('account_id', '=', accountId);
  const found = await q.orderBy('updated_at', 'desc').orderBy('id', 'desc').executeTakeFirst();
  return found?.id ?? null;
}

export async function listSessions(db: Executor, input: ParsedInputOf<'interviews.sessions'>): Promise<SessionSummary[]> {
  let q = summarySelect(db);
  const status = input?.status ?? 'open';
  if (status !== 'all') q = q.where('s.status', '=', status);
  if (input?.accountId) q = q.where('s.account_id', '=', input.accountId);
  const rows = await q.orderBy('s.updated_at', 'desc').limit(input?.limit ?? 50).execute();
  return rows.map(toSummary);
}

/** Draft interviews for the people to see, after those already in the session; new people become contacts first. */
async function addPeople(db: Executor, session: { id: string; account_id: string; guide_id: string | null; interviewer: string | null }, contactIds: readonly string[], newContacts: NewContacts): Promise<string[]> {
  const guide = session.guide_id ? await db.selectFrom('interview_guides').select(['kind', 'touchpoint_id']).where('id', '=', session.guide_id).executeTakeFirstOrThrow() : null;
  const known = contactIds.length
    ? await db.selectFrom('contacts').select('id').where('id', 'in', [...contactIds]).where('account_id', '=', session.account_id).where('deleted_at', 'is', null).execute()
    : [];
  const knownIds = new Set(known.map((c) => c.id));
  const unknown = contactIds.findIndex((id) => !knownIds.has(id));
  if (unknown >= 0) throw new ApiError({ code: 'invalid_input', message: 'A stakeholder is not a contact of this account.', fields: { [`contactIds.${unknown}`]: 'Not a contact of this account' } });
  const already = new Set(
    (await db.selectFrom('interviews').select('contact_id').where('session_id', '=', session.id).where('deleted_at', 'is', null).execute()).map((r) => r.contact_id),
  );
  const people = contactIds.filter((id) => !already.has(id));
  for (const contact of newContacts) people.push(await createContact(db, { ...contact, accountId: session.account_id }));

  const ids: string[] = [];
  for (const contactId of people) {
    const stamp = nowIso();
    const id = newId();
    const columns = {
      account_id: session.account_id,
      contact_id: contactId,
      session_id: session.id,
      guide_id: session.guide_id,
      kind: guide?.kind ?? 'relationship',
      status: 'draft',
      // Until completed, when it was started; complete sets the time of the conversation.
      interviewed_at: stamp,
      interviewer: session.interviewer,
      touchpoint_id: guide?.touchpoint_id ?? null,
    };
    await db.insertInto('interviews').values({ id, ...columns, source: 'manual', created_at: stamp, updated_at: stamp, deleted_at: null }).execute();
    await logChange(db, { entityType: 'interview', entityId: id, op: 'insert', changes: columns });
    ids.push(id);
  }
  return ids;
}

export async function startSession(db: Executor, input: ParsedInputOf<'interviews.start'>): Promise<string> {
  const account = await db.selectFrom('accounts').select('id').where('id', '=', input.accountId).where('deleted_at', 'is', null).executeTakeFirst();
  if (!account) throw new ApiError({ code: 'not_found', message: 'That account does not exist (it may have been deleted).' });
  const picked = await db.selectFrom('interview_guides').select(['guide_key', 'deleted_at']).where('id', '=', input.guideId).executeTakeFirst();
  if (!picked || picked.deleted_at !== null) throw new ApiError({ code: 'invalid_input', message: 'That interview guide does not exist.', fields: { guideId: 'That guide does not exist' } });
  // Always today's questions: a superseded version id (a stale screen) starts with the current version.
  const guide = await db.selectFrom('interview_guides').select('id').where('guide_key', '=', picked.guide_key).where('superseded_at', 'is', null).executeTakeFirstOrThrow();

  const stamp = nowIso();
  const id = newId();
  const columns = { account_id: input.accountId, guide_id: guide.id, interviewer: input.interviewer ?? null, status: 'open', current_interview_id: null, started_at: stamp, finished_at: null };
  await db.insertInto('interview_sessions').values({ id, ...columns, created_at: stamp, updated_at: stamp, deleted_at: null }).execute();
  await logChange(db, { entityType: 'interview_session', entityId: id, op: 'insert', changes: columns });
  const interviews = await addPeople(db, { id, account_id: input.accountId, guide_id: guide.id, interviewer: columns.interviewer }, input.contactIds, input.newContacts);
  await setCurrent(db, id, interviews[0] ?? null);
  return id;
}

export async function addStakeholders(db: Executor, input: ParsedInputOf<'interviews.addStakeholders'>): Promise<void> {
  const session = await requireSession(db, input.sessionId);
  if (session.status !== 'open') throw new ApiError({ code: 'conflict', message: 'This session is finished; start a new one to see more people.' });
  const added = await addPeople(db, session, input.contactIds, input.newContacts);
  if (session.current_interview_id === null && added[0]) await setCurrent(db, session.id, added[0]);
}

export async function removeStakeholder(db: Executor, input: ParsedInputOf<'interviews.removeStakeholder'>): Promise<void> {
  const session = await requireSession(db, input.sessionId);
  const order = await sessionInterviewIds(db, session.id);
  const index = order.findIndex((i) => i.id === input.interviewId);
  if (index < 0) throw new ApiError({ code: 'not_found', message: 'That stakeholder is not in this session.' });
  if (order[index]!.status !== 'draft') throw new ApiError({ code: 'conflict', message: 'A completed interview stays; only a draft can be removed from the session.' });
  const stamp = nowIso();
  await db.updateTable('interviews').set({ deleted_at: stamp, updated_at: stamp }).where('id', '=', input.interviewId).execute();
  await logChange(db, { entityType: 'interview', entityId: input.interviewId, op: 'delete' });
  if (session.current_interview_id === input.interviewId) {
    const rest = order.filter((i) => i.id !== input.interviewId);
    await setCurrent(db, session.id, rest[Math.min(index, rest.length - 1)]?.id ?? null);
  }
}

export async function setCurrent(db: Executor, sessionId: string, interviewId: string | null): Promise<void> {
  const session = await requireSession(db, sessionId);
  if (session.current_interview_id === interviewId) return;
  await db.updateTable('interview_sessions').set({ current_interview_id: interviewId, updated_at: nowIso() }).where('id', '=', sessionId).execute();
  await logChange(db, { entityType: 'interview_session', entityId: sessionId, op: 'update', changes: { current_interview_id: [session.current_interview_id, interviewId] } });
}

export async function navigate(db: Executor, input: ParsedInputOf<'interviews.navigate'>): Promise<void> {
  const session = await requireSession(db, input.sessionId);
  const order = await sessionInterviewIds(db, session.id);
  if (order.length === 0) return;
  const index = order.findIndex((i) => i.id === session.current_interview_id);
  const step = input.direction === 'next' ? 1 : -1;
  const target = index < 0 ? 0 : Math.min(order.length - 1, Math.max(0, index + step));
  await setCurrent(db, session.id, order[target]!.id);
}

export async function goTo(db: Executor, input: ParsedInputOf<'interviews.goTo'>): Promise<void> {
  const order = await sessionInterviewIds(db, input.sessionId);
  if (!order.some((i) => i.id === input.interviewId)) throw new ApiError({ code: 'not_found', message: 'That stakeholder is not in this session.' });
  await setCurrent(db, input.sessionId, input.interviewId);
}

/** After completing someone: the next stakeholder still in draft, looking forward first, then from the start. */
export async function advanceToNextDraft(db: Executor, sessionId: string, fromInterviewId: string): Promise<void> {
  const order = await sessionInterviewIds(db, sessionId);
  const index = order.findIndex((i) => i.id === fromInterviewId);
  const next = [...order.slice(index + 1), ...order.slice(0, Math.max(0, index))].find((i) => i.status === 'draft');
  if (next) await setCurrent(db, sessionId, next.id);
}

export async function finishSession(db: Executor, sessionId: string): Promise<{ completed: number; draftsKept: number; emptyDraftsRemoved: number }> {
  const session = await requireSession(db, sessionId);
  const order = await sessionInterviewIds(db, sessionId);
  const stamp = nowIso();
  let draftsKept = 0;
  let emptyDraftsRemoved = 0;
  for (const interview of order.filter((i) => i.status === 'draft')) {
    const state = await loadInterviewState(db, interview.id);
    const touched = Object.keys(answersOf(state)).length > 0 || state.row.notes !== null || state.tags.length > 0 || state.row.sentiment_override !== null;
    if (touched) {
      draftsKept++;
      continue;
    }
    emptyDraftsRemoved++;
    await db.updateTable('interviews').set({ deleted_at: stamp, updated_at: stamp }).where('id', '=', interview.id).execute();
    await logChange(db, { entityType: 'interview', entityId: interview.id, op: 'delete' });
  }
  if (session.status !== 'finished') {
    await db.updateTable('interview_sessions').set({ status: 'finished', finished_at: stamp, updated_at: stamp }).where('id', '=', sessionId).execute();
    await logChange(db, { entityType: 'interview_session', entityId: sessionId, op: 'update', changes: { status: [session.status, 'finished'], finished_at: [null, stamp] } });
  }
  return { completed: order.filter((i) => i.status === 'complete').length, draftsKept, emptyDraftsRemoved };
}
