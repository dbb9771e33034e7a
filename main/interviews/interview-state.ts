import type { Selectable } from 'kysely';
import { ApiError } from '../../shared/contract/errors';
import type { GuideQuestion } from '../../shared/contract/guides';
import type { AnswerValue, InterviewTags, TagSubject } from '../../shared/contract/interviews';
import type { Executor } from '../accounts/account-queries';
import type { InterviewsTable } from '../db/tables';
import { isAnswered } from './answer-values';
import type { StoredAnswer } from './answer-values';
import { loadGuideQuestions, storageOf } from './question-plan';
import { withTags } from './tag-table';

export interface AnswerRow {
  id: string;
  value_number: number | null;
  value_text: string | null;
  value_json: string | null;
  deleted_at: string | null;
}
export interface RatingRow {
  id: string;
  rating: number;
  deleted_at: string | null;
}
export interface TagRow {
  id: string;
  subject: string;
  driver_id: string | null;
  touchpoint_id: string | null;
}

/** One stakeholder's interview as stored, with everything needed to read or patch its answers. */
export interface InterviewState {
  row: Selectable<InterviewsTable>;
  questions: GuideQuestion[];
  /** By question id; tombstoned rows included, so a cleared answer is revived rather than duplicated. */
  answerRows: Map<string, AnswerRow>;
  /** By driver id; tombstones included for the same reason. */
  ratingRows: Map<string, RatingRow>;
  tags: TagRow[];
}

export async function loadInterviewState(db: Executor, interviewId: string): Promise<InterviewState> {
  const row = await db.selectFrom('interviews').selectAll().where('id', '=', interviewId).where('deleted_at', 'is', null).executeTakeFirst();
  if (!row) throw new ApiError({ code: 'not_found', message: 'That interview does not exist (it may have been removed).' });
  const [questions, answers, ratings, tags] = await Promise.all([
    loadGuideQuestions(db, row.guide_id),
    db.selectFrom('interview_answers').select(['id', 'question_id', 'value_number', 'value_text', 'value_json', 'deleted_at']).where('interview_id', '=', interviewId).execute(),
    db.selectFrom('driver_ratings').select(['id', 'driver_id', 'rating', 'deleted_at']).where('interview_id', '=', interviewId).execute(),
    withTags(db).selectFrom('interview_tags').select(['id', 'subject', 'driver_id', 'touchpoint_id']).where('interview_id', '=', interviewId).orderBy('created_at').orderBy('id').execute(),
  ]);
  return {
    row,
    questions,
    answerRows: new Map(answers.map((a) => [a.question_id, a])),
    ratingRows: new Map(ratings.map((r) => [r.driver_id, r])),
    tags,
  };
}

function storedAnswer(state: InterviewState, q: GuideQuestion): StoredAnswer {
  const storage = storageOf(q);
  if (storage.in === 'column') return state.row[storage.column];
  if (storage.in === 'driver_ratings') {
    const ids = q.allDrivers ? [...state.ratingRows.keys()] : (q.drivers ?? []).map((d) => d.id);
    const ratings: Record<string, number> = {};
    for (const id of ids) {
      const r = state.ratingRows.get(id);
      if (r && r.deleted_at === null) ratings[id] = r.rating;
    }
    return Object.keys(ratings).length > 0 ? ratings : null;
  }
  const answer = state.answerRows.get(q.id);
  if (!answer || answer.deleted_at !== null) return null;
  if (storage.value === 'number') return answer.value_number;
  if (storage.value === 'text') return answer.value_text;
  return answer.value_json === null ? null : (JSON.parse(answer.value_json) as string[]);
}

/** Every answered question by id, whichever table or column holds it. */
export function answersOf(state: InterviewState): Record<string, AnswerValue> {
  const answers: Record<string, AnswerValue> = {};
  for (const q of state.questions) {
    const value = storedAnswer(state, q);
    if (value !== null) answers[q.id] = value as AnswerValue;
  }
  return answers;
}

export function missingRequired(state: InterviewState): string[] {
  return state.questions.filter((q) => q.required && !isAnswered(storedAnswer(state, q))).map((q) => q.id);
}

export function tagsOf(state: InterviewState): InterviewTags[] {
  const bySubject = new Map<string, InterviewTags>();
  for (const tag of state.tags) {
    const entry = bySubject.get(tag.subject) ?? { subject: tag.subject as TagSubject, driverIds: [], touchpointIds: [] };
    if (tag.driver_id) entry.driverIds.push(tag.driver_id);
    if (tag.touchpoint_id) entry.touchpointIds.push(tag.touchpoint_id);
    bySubject.set(tag.subject, entry);
  }
  return [...bySubject.values()];
}

export function liveRatings(state: InterviewState): { driverId: string; rating: number }[] {
  return [...state.ratingRows.entries()].filter(([, r]) => r.deleted_at === null).map(([driverId, r]) => ({ driverId, rating: r.rating }));
}
