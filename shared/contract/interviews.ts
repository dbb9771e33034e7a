import { z } from 'zod';
import type { ContactLevel, ContactRole } from '../domain/people';
import type { NpsCategory } from '../domain/metrics-types';
import { idSchema, optionalText } from './common';
import { contactFieldsSchema } from './contacts';
import { mutation, query } from './define';
import type { GuideDetail, GuideKind } from './guides';
import type { ActionRow } from './actions';

/** An instant, as the core writes them: ISO 8601 in UTC ("2026-03-31T09:15:00.000Z"). */
export const isoDateTimeSchema = z.iso.datetime({ error: 'must be a date-time such as 2026-03-31T09:15:00Z' });

export const VERBATIM_MAX = 20_000;
export const NOTES_MAX = 50_000;

/**
 * One answer, shaped by its question's kind: a number (NPS, rating), an option (single choice), options
 * (multiple choice), text (open question), or driver id → rating (driver ratings; null clears one).
 * null clears the answer.
 */
export const answerValueSchema = z
  .union([
    z.number().finite(),
    z.string().max(VERBATIM_MAX, `An answer is at most ${VERBATIM_MAX} characters`),
    z.array(z.string().max(200)).max(30),
    z.record(idSchema, z.number().int().nullable()),
  ])
  .nullable();
export type AnswerValue = NonNullable<z.output<typeof answerValueSchema>>;

/** What a tag is attached to: the verbatim, the interviewer's notes, or one question's answer (its id). */
export const tagSubjectSchema = z.union([z.enum(['verbatim', 'notes']), idSchema]);
export type TagSubject = z.output<typeof tagSubjectSchema>;

export const interviewTagsSchema = z
  .object({
    subject: tagSubjectSchema,
    driverIds: z.array(idSchema).max(50).default([]),
    touchpointIds: z.array(idSchema).max(50).default([]),
  })
  .strict();

const newStakeholderSchema = contactFieldsSchema.strict();

export const sessionStartInput = z
  .object({
    accountId: idSchema,
    guideId: idSchema,
    /** In the order they will be seen today. */
    contactIds: z.array(idSchema).max(100).default([]),
    /** People met on the spot: created as contacts of the account, seen after the ones above. */
    newContacts: z.array(newStakeholderSchema).max(50).default([]),
    interviewer: optionalText(120, 'Interviewer'),
  })
  .strict()
  .refine((v) => v.contactIds.length + v.newContacts.length > 0, { message: 'Pick at least one stakeholder to see', path: ['contactIds'] })
  .refine((v) => new Set(v.contactIds).size === v.contactIds.length, { message: 'A stakeholder is listed twice', path: ['contactIds'] });

export const sessionIdInput = z.object({ sessionId: idSchema }).strict();
export const openSessionInput = z.object({ accountId: idSchema.optional() }).strict().optional();
export const sessionListInput = z
  .object({ accountId: idSchema.optional(), status: z.enum(['open', 'finished', 'all']).default('open'), limit: z.number().int().min(1).max(500).default(50) })
  .strict()
  .optional();
export const addStakeholdersInput = z
  .object({ sessionId: idSchema, contactIds: z.array(idSchema).max(100).default([]), newContacts: z.array(newStakeholderSchema).max(50).default([]) })
  .strict()
  .refine((v) => v.contactIds.length + v.newContacts.length > 0, { message: 'Pick at least one stakeholder to add', path: ['contactIds'] });
export const sessionInterviewInput = z.object({ sessionId: idSchema, interviewId: idSchema }).strict();
export const navigateInput = z.object({ sessionId: idSchema, direction: z.enum(['next', 'previous']) }).strict();
export const interviewIdInput = z.object({ interviewId: idSchema }).strict();

/**
 * A patch of one stakeholder's answers: only the keys present are written, so the screen can send what
 * changed since the last save (or everything: the same input twice leaves the same state).
 */
export const saveDraftInput = z
  .object({
    interviewId: idSchema,
    /** Question id → answer; null clears it. Questions that feed a field (NPS, CSAT, CES, verbatim) write that field. */
    answers: z
      .record(idSchema, answerValueSchema)
      .refine((a) => Object.keys(a).length <= 100, 'At most 100 answers per save')
      .optional(),
    notes: z.string().max(NOTES_MAX, `Notes are at most ${NOTES_MAX} characters`).nullable().optional(),
    /** The interviewer's reading of the sentiment, −1..1, used instead of the computed one; null removes it. */
    sentimentOverride: z.number().min(-1, 'Sentiment lies between −1 and 1').max(1, 'Sentiment lies between −1 and 1').nullable().optional(),
    touchpointId: idSchema.nullable().optional(),
    /** Replaces the tags of each subject listed; subjects not listed keep theirs. */
    tags: z.array(interviewTagsSchema).max(100).optional(),
  })
  .strict();

export const completeInput = z
  .object({
    interviewId: idSchema,
    /** When the conversation happened, if not now (typing up yesterday's notes); it starts the follow-up clock. */
    interviewedAt: isoDateTimeSchema.optional(),
    /** Also move the session to the next stakeholder still in draft, in the same write. */
    advance: z.boolean().default(false),
  })
  .strict();

export const CORRECTABLE_FIELDS = ['nps', 'csat', 'ces', 'driver_rating'] as const;
export type CorrectableField = (typeof CORRECTABLE_FIELDS)[number];

export const correctScoreInput = z
  .object({
    interviewId: idSchema,
    field: z.enum(CORRECTABLE_FIELDS),
    /** Required when field is driver_rating. */
    driverId: idSchema.optional(),
    /** The corrected score; null removes it (the person did not answer after all). */
    value: z.number().int('Scores are whole numbers').nullable(),
    reason: z.string({ error: 'Say why the score is corrected' }).trim().min(1, 'Say why the score is corrected').max(1000),
    by: z.string({ error: 'Say who corrects the score' }).trim().min(1, 'Say who corrects the score').max(120),
  })
  .strict()
  .refine((v) => v.field !== 'driver_rating' || v.driverId !== undefined, { message: 'Pick the driver whose rating is corrected', path: ['driverId'] });

export type InterviewStatus = 'draft' | 'complete';
export type SessionStatus = 'open' | 'finished';

export interface InterviewTags {
  subject: TagSubject;
  driverIds: string[];
  touchpointIds: string[];
}

export interface InterviewDraft {
  id: string;
  sessionId: string | null;
  accountId: string;
  contactId: string | null;
  contactName: string | null;
  contactRole: ContactRole | null;
  contactLevel: ContactLevel | null;
  guideId: string | null;
  kind: GuideKind;
  status: InterviewStatus;
  interviewedAt: string;
  interviewer: string | null;
  touchpointId: string | null;
  nps: number | null;
  category: NpsCategory | null;
  csat: number | null;
  ces: number | null;
  verbatim: string | null;
  notes: string | null;
  /** Computed from the verbatim; null until something computes it. */
  sentiment: number | null;
  sentimentOverride: number | null;
  /** The override when there is one, else the computed sentiment: what metrics use. */
  effectiveSentiment: number | null;
  driverRatings: { driverId: string; rating: number }[];
  /** Every answered question of the guide, by question id, including those stored in a field. */
  answers: Record<string, AnswerValue>;
  tags: InterviewTags[];
  /** Required questions of the guide still without an answer: what complete would refuse. */
  missingRequired: string[];
  followUpActionId: string | null;
  correctionCount: number;
  updatedAt: string;
}

export interface SaveDraftResult {
  interviewId: string;
  /** false when the input matched what was stored: nothing was written. */
  changed: boolean;
  savedAt: string;
  missingRequired: string[];
}

export interface SessionStakeholder {
  interviewId: string;
  contactId: string | null;
  name: string;
  title: string | null;
  role: ContactRole | null;
  level: ContactLevel | null;
  status: InterviewStatus;
  nps: number | null;
  answered: number;
  missingRequired: number;
  updatedAt: string;
}

export interface SessionSummary {
  id: string;
  accountId: string;
  accountName: string;
  guideId: string | null;
  guideName: string | null;
  guideVersion: number | null;
  interviewer: string | null;
  status: SessionStatus;
  startedAt: string;
  finishedAt: string | null;
  currentInterviewId: string | null;
  stakeholderCount: number;
  completedCount: number;
  updatedAt: string;
}

/** Everything the interview screen needs in one call: the session, its guide, the people, and the current draft. */
export interface SessionView {
  session: SessionSummary;
  guide: GuideDetail | null;
  stakeholders: SessionStakeholder[];
  /** 0-based position of the current stakeholder in `stakeholders`, or null when there is none. */
  currentIndex: number | null;
  current: InterviewDraft | null;
}

export interface CompleteResult {
  interview: InterviewDraft;
  /** The follow-up opened (or already open) for a detractor, or a passive when the workspace says so. */
  followUp: ActionRow | null;
  /** The session after the step, when the interview belongs to one. */
  session: SessionView | null;
}

export interface FinishSessionResult {
  session: SessionSummary;
  completed: number;
  /** Drafts with something typed stay drafts (on the account, resumable); untouched ones are removed. */
  draftsKept: number;
  emptyDraftsRemoved: number;
}

export interface ScoreCorrection {
  id: string;
  interviewId: string;
  field: CorrectableField;
  driverId: string | null;
  oldValue: number | null;
  newValue: number | null;
  reason: string | null;
  correctedBy: string | null;
  correctedAt: string;
}

export interface CorrectScoreResult {
  interview: InterviewDraft;
  correction: ScoreCorrection;
  /** A follow-up opened because the corrected score now asks for one. */
  followUp: ActionRow | null;
}

export const interviewsCalls = {
  'interviews.start': mutation(sessionStartInput).returns<SessionView>(),
  'interviews.session': query(sessionIdInput).returns<SessionView>(),
  /** The open session of the account, else the latest open one anywhere: what to resume after a restart. */
  'interviews.openSession': query(openSessionInput).returns<{ view: SessionView | null }>(),
  'interviews.sessions': query(sessionListInput).returns<SessionSummary[]>(),
  'interviews.addStakeholders': mutation(addStakeholdersInput).returns<SessionView>(),
  /** Drops a stakeholder who did not come: only a draft can be removed. */
  'interviews.removeStakeholder': mutation(sessionInterviewInput).returns<SessionView>(),
  'interviews.navigate': mutation(navigateInput).returns<SessionView>(),
  'interviews.goTo': mutation(sessionInterviewInput).returns<SessionView>(),
  'interviews.get': query(interviewIdInput).returns<InterviewDraft>(),
  /** Called about once a second while typing: one small transaction, nothing written when nothing changed. */
  'interviews.saveDraft': mutation(saveDraftInput).returns<SaveDraftResult>(),
  'interviews.complete': mutation(completeInput).returns<CompleteResult>(),
  'interviews.finishSession': mutation(sessionIdInput).returns<FinishSessionResult>(),
  'interviews.correctScore': mutation(correctScoreInput).returns<CorrectScoreResult>(),
  'interviews.corrections': query(interviewIdInput).returns<ScoreCorrection[]>(),
} as const;
