import type { Updateable } from 'kysely';
import type { ParsedInputOf } from '../../shared/contract';
import { ApiError } from '../../shared/contract/errors';
import type { GuideQuestion } from '../../shared/contract/guides';
import type { SaveDraftResult } from '../../shared/contract/interviews';
import type { Executor } from '../accounts/account-queries';
import { nowIso } from '../db/clock';
import { newId } from '../db/new-id';
import type { InterviewsTable } from '../db/tables';
import { checkAnswer } from './answer-values';
import type { StoredAnswer } from './answer-values';
import { logDraftChange } from './draft-change-log';
import { loadInterviewState, missingRequired } from './interview-state';
import type { InterviewState } from './interview-state';
import { storageOf } from './question-plan';
import { withTags } from './tag-table';

type Changes = Record<string, [unknown, unknown]>;
type ColumnPatch = Updateable<InterviewsTable>;
type Input = ParsedInputOf<'interviews.saveDraft'>;

/** Written once a draft is complete only through correctScore, which keeps the history. */
const SCORE_COLUMNS = ['nps', 'csat', 'ces'] as const;

interface Plan {
  columns: ColumnPatch;
  answers: Map<string, { q: GuideQuestion; value: StoredAnswer }>;
  ratings: Map<string, number | null>;
  tags: Map<string, { driverIds: string[]; touchpointIds: string[] }>;
  errors: Record<string, string>;
}

/**
 * An idempotent upsert of one stakeholder's answers in the caller's transaction: it compares the patch with
 * what is stored and writes only differences, so a save with nothing new costs a few reads.
 */
export async function saveDraft(db: Executor, input: Input): Promise<SaveDraftResult> {
  const state = await loadInterviewState(db, input.interviewId);
  const plan = planAnswers(state, input);
  if (input.notes !== undefined) setColumn(state, plan.columns, 'notes', input.notes === null || input.notes.trim() === '' ? null : input.notes);
  if (input.sentimentOverride !== undefined) setColumn(state, plan.columns, 'sentiment_override', input.sentimentOverride);
  if (input.touchpointId !== undefined) setColumn(state, plan.columns, 'touchpoint_id', input.touchpointId);
  if (input.tags) planTags(state, input.tags, plan);
  await checkReferences(db, input, plan);
  if (Object.keys(plan.errors).length > 0) {
    throw new ApiError({ code: 'invalid_input', message: `The draft was not saved: ${Object.values(plan.errors)[0]}.`, fields: plan.errors });
  }
  if (state.row.status === 'complete') refuseScoreChanges(state, plan);

  const stamp = nowIso();
  const changes: Changes = {};
  for (const [column, value] of Object.entries(plan.columns)) changes[column] = [state.row[column as keyof typeof state.row], value];
  await writeAnswers(db, state, plan, stamp, changes);
  await writeRatings(db, state, plan, stamp, changes);
  await writeTags(db, state, plan, stamp, changes);

  const changed = Object.keys(changes).length > 0;
  if (changed) {
    await db.updateTable('interviews').set({ ...plan.columns, updated_at: stamp }).where('id', '=', state.row.id).execute();
    Object.assign(state.row, plan.columns, { updated_at: stamp });
    await logDraftChange(db, state.row.id, changes);
  }
  return { interviewId: state.row.id, changed, savedAt: state.row.updated_at, missingRequired: missingRequired(state) };
}

function setColumn<K extends keyof ColumnPatch & keyof InterviewState['row']>(state: InterviewState, columns: ColumnPatch, column: K, value: ColumnPatch[K]): void {
  if (state.row[column] !== value) columns[column] = value;
  else delete columns[column];
}

function planAnswers(state: InterviewState, input: Input): Plan {
  const plan: Plan = { columns: {}, answers: new Map(), ratings: new Map(), tags: new Map(), errors: {} };
  const questions = new Map(state.questions.map((q) => [q.id, q]));
  for (const [questionId, value] of Object.entries(input.answers ?? {})) {
    const q = questions.get(questionId);
    if (!q) {
      plan.errors[`answers.${questionId}`] = "Not a question of this interview's guide";
      continue;
    }
    const checked = checkAnswer(q, value ?? null);
    if (!checked.ok) {
      plan.errors[`answers.${questionId}`] = checked.message;
      continue;
    }
    const storage = storageOf(q);
    if (storage.in === 'column') setColumn(state, plan.columns, storage.column, checked.value as never);
    else if (storage.in === 'driver_ratings') {
      const ratings = checked.value as Record<string, number | null> | null;
      // Clearing the question clears every rating it asked for.
      const entries = ratings ? Object.entries(ratings) : (q.allDrivers ? [...state.ratingRows.keys()] : (q.drivers ?? []).map((d) => d.id)).map((id) => [id, null] as const);
      for (const [driverId, rating] of entries) plan.ratings.set(driverId, rating);
    } else plan.answers.set(q.id, { q, value: checked.value });
  }
  return plan;
}

function planTags(state: InterviewState, tags: NonNullable<Input['tags']>, plan: Plan): void {
  const subjects = new Set(['verbatim', 'notes', ...state.questions.map((q) => q.id)]);
  tags.forEach((tag, i) => {
    if (!subjects.has(tag.subject)) plan.errors[`tags.${i}.subject`] = "Tag the verbatim, the notes, or a question of this interview's guide";
    else plan.tags.set(tag.subject, { driverIds: [...new Set(tag.driverIds)], touchpointIds: [...new Set(tag.touchpointIds)] });
  });
}

async function checkReferences(db: Executor, input: Input, plan: Plan): Promise<void> {
  const touchpoints = new Set<string>([...plan.tags.values()].flatMap((t) => t.touchpointIds));
  if (input.touchpointId) touchpoints.add(input.touchpointId);
  const drivers = new Set<string>([...plan.tags.values()].flatMap((t) => t.driverIds));
  if (touchpoints.size > 0) {
    const found = new Set((await db.selectFrom('touchpoints').select('id').where('id', 'in', [...touchpoints]).where('deleted_at', 'is', null).execute()).map((r) => r.id));
    const missing = [...touchpoints].find((id) => !found.has(id));
    if (missing) plan.errors[missing === input.touchpointId ? 'touchpointId' : 'tags'] = 'That touchpoint does not exist';
  }
  if (drivers.size > 0) {
    const found = new Set((await db.selectFrom('drivers').select('id').where('id', 'in', [...drivers]).where('deleted_at', 'is', null).execute()).map((r) => r.id));
    if ([...drivers].some((id) => !found.has(id))) plan.errors.tags = 'That driver does not exist';
  }
}

function refuseScoreChanges(state: InterviewState, plan: Plan): void {
  const scoreChanged = SCORE_COLUMNS.some((c) => c in plan.columns) || [...plan.ratings].some(([driverId, rating]) => {
    const row = state.ratingRows.get(driverId);
    return (row && row.deleted_at === null ? row.rating : null) !== rating;
  });
  if (scoreChanged) {
    throw new ApiError({ code: 'conflict', message: 'This interview is complete: correct its scores with a score correction, which keeps the history.' });
  }
}

function answerColumns(q: GuideQuestion, value: StoredAnswer) {
  const storage = storageOf(q);
  const none = { value_number: null, value_text: null, value_json: null };
  if (value === null || storage.in !== 'answer') return none;
  if (storage.value === 'number') return { ...none, value_number: value as number };
  if (storage.value === 'text') return { ...none, value_text: value as string };
  return { ...none, value_json: JSON.stringify(value) };
}

async function writeAnswers(db: Executor, state: InterviewState, plan: Plan, stamp: string, changes: Changes): Promise<void> {
  for (const [questionId, { q, value }] of plan.answers) {
    const row = state.answerRows.get(questionId);
    const live = row && row.deleted_at === null ? row : undefined;
    const columns = answerColumns(q, value);
    const same = live
      ? live.value_number === columns.value_number && live.value_text === columns.value_text && live.value_json === columns.value_json
      : value === null;
    if (same) continue;
    changes[`answer:${questionId}`] = [live ? (live.value_number ?? live.value_text ?? live.value_json) : null, value];
    if (value === null) {
      await db.updateTable('interview_answers').set({ deleted_at: stamp, updated_at: stamp }).where('id', '=', row!.id).execute();
      state.answerRows.set(questionId, { ...row!, deleted_at: stamp });
    } else if (row) {
      await db.updateTable('interview_answers').set({ ...columns, deleted_at: null, updated_at: stamp }).where('id', '=', row.id).execute();
      state.answerRows.set(questionId, { id: row.id, ...columns, deleted_at: null });
    } else {
      const id = newId();
      await db.insertInto('interview_answers').values({ id, interview_id: state.row.id, question_id: questionId, ...columns, created_at: stamp, updated_at: stamp, deleted_at: null }).execute();
      state.answerRows.set(questionId, { id, ...columns, deleted_at: null });
    }
  }
}

async function writeRatings(db: Executor, state: InterviewState, plan: Plan, stamp: string, changes: Changes): Promise<void> {
  for (const [driverId, rating] of plan.ratings) {
    const row = state.ratingRows.get(driverId);
    const current = row && row.deleted_at === null ? row.rating : null;
    if (current === rating) continue;
    changes[`driver_rating:${driverId}`] = [current, rating];
    if (rating === null) {
      await db.updateTable('driver_ratings').set({ deleted_at: stamp, updated_at: stamp }).where('id', '=', row!.id).execute();
      state.ratingRows.set(driverId, { ...row!, deleted_at: stamp });
    } else if (row) {
      await db.updateTable('driver_ratings').set({ rating, deleted_at: null, updated_at: stamp }).where('id', '=', row.id).execute();
      state.ratingRows.set(driverId, { id: row.id, rating, deleted_at: null });
    } else {
      const id = newId();
      await db.insertInto('driver_ratings').values({ id, interview_id: state.row.id, driver_id: driverId, rating, created_at: stamp, updated_at: stamp, deleted_at: null }).execute();
      state.ratingRows.set(driverId, { id, rating, deleted_at: null });
    }
  }
}

/** Tags are links (like entity_tags): added and removed outright, each difference recorded in the change log entry. */
async function writeTags(db: Executor, state: InterviewState, plan: Plan, stamp: string, changes: Changes): Promise<void> {
  const tagged = withTags(db);
  for (const [subject, wanted] of plan.tags) {
    const existing = state.tags.filter((t) => t.subject === subject);
    const key = (t: { driver_id: string | null; touchpoint_id: string | null }) => (t.driver_id ? `d:${t.driver_id}` : `t:${t.touchpoint_id}`);
    const wantedKeys = new Set([...wanted.driverIds.map((id) => `d:${id}`), ...wanted.touchpointIds.map((id) => `t:${id}`)]);
    const existingKeys = new Set(existing.map(key));
    const removed = existing.filter((t) => !wantedKeys.has(key(t)));
    const added = [...wantedKeys].filter((k) => !existingKeys.has(k));
    if (removed.length === 0 && added.length === 0) continue;
    changes[`tags:${subject}`] = [[...existingKeys].sort(), [...wantedKeys].sort()];
    for (const tag of removed) await tagged.deleteFrom('interview_tags').where('id', '=', tag.id).execute();
    state.tags = state.tags.filter((t) => !removed.includes(t));
    for (const k of added) {
      const [kind, id] = [k.slice(0, 1), k.slice(2)];
      const row = { id: newId(), subject, driver_id: kind === 'd' ? id : null, touchpoint_id: kind === 't' ? id : null };
      await tagged.insertInto('interview_tags').values({ ...row, interview_id: state.row.id, created_at: stamp }).execute();
      state.tags.push(row);
    }
  }
}
