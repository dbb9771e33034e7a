import type { GuideKind } from '../../shared/contract/guides';
import type { InterviewDraft, InterviewStatus } from '../../shared/contract/interviews';
import type { ContactLevel, ContactRole } from '../../shared/domain/people';
import type { Executor } from '../accounts/account-queries';
import { categorize } from '../metrics/nps';
import { answersOf, liveRatings, loadInterviewState, missingRequired, tagsOf } from './interview-state';
import type { InterviewState } from './interview-state';

export async function readInterview(db: Executor, interviewId: string): Promise<InterviewDraft> {
  return toDraft(db, await loadInterviewState(db, interviewId));
}

export async function toDraft(db: Executor, state: InterviewState): Promise<InterviewDraft> {
  const { row } = state;
  const contact = row.contact_id
    ? await db.selectFrom('contacts').select(['name', 'role', 'level']).where('id', '=', row.contact_id).executeTakeFirst()
    : undefined;
  const followUp = await db
    .selectFrom('actions')
    .select('id')
    .where('interview_id', '=', row.id)
    .where('kind', '=', 'follow_up')
    .where('deleted_at', 'is', null)
    .orderBy('opened_at')
    .executeTakeFirst();
  const { n: corrections } = await db
    .selectFrom('score_corrections')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('interview_id', '=', row.id)
    .executeTakeFirstOrThrow();
  return {
    id: row.id,
    sessionId: row.session_id,
    accountId: row.account_id,
    contactId: row.contact_id,
    contactName: contact?.name ?? null,
    contactRole: (contact?.role as ContactRole | null | undefined) ?? null,
    contactLevel: (contact?.level as ContactLevel | null | undefined) ?? null,
    guideId: row.guide_id,
    kind: row.kind as GuideKind,
    status: row.status as InterviewStatus,
    interviewedAt: row.interviewed_at,
    interviewer: row.interviewer,
    touchpointId: row.touchpoint_id,
    nps: row.nps,
    category: row.nps === null ? null : categorize(row.nps),
    csat: row.csat,
    ces: row.ces,
    verbatim: row.verbatim,
    notes: row.notes,
    sentiment: row.sentiment,
    sentimentOverride: row.sentiment_override,
    effectiveSentiment: row.sentiment_override ?? row.sentiment,
    driverRatings: liveRatings(state),
    answers: answersOf(state),
    tags: tagsOf(state),
    missingRequired: missingRequired(state),
    followUpActionId: followUp?.id ?? null,
    correctionCount: Number(corrections),
    updatedAt: row.updated_at,
  };
}
