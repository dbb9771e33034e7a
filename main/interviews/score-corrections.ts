import type { ParsedInputOf } from '../../shared/contract';
import { ApiError } from '../../shared/contract/errors';
import { CES_SCALE, CSAT_SCALE } from '../../shared/contract/guides';
import type { CorrectableField, ScoreCorrection } from '../../shared/contract/interviews';
import type { Executor } from '../accounts/account-queries';
import { ensureFollowUp } from '../actions/follow-ups';
import { logChange } from '../db/change-log';
import { nowIso } from '../db/clock';
import { newId } from '../db/new-id';
import { readMetricSettings } from '../metrics/engine/settings-store';
import { loadInterviewState } from './interview-state';
import type { InterviewState } from './interview-state';

type Input = ParsedInputOf<'interviews.correctScore'>;

const COLUMN_SCALES = { nps: { min: 0, max: 10 }, csat: CSAT_SCALE, ces: CES_SCALE } as const;

async function scaleOf(db: Executor, state: InterviewState, input: Input): Promise<{ min: number; max: number }> {
  if (input.field !== 'driver_rating') return COLUMN_SCALES[input.field];
  const asked = state.questions.find((q) => q.kind === 'driver_ratings' && (q.drivers ?? []).some((d) => d.id === input.driverId));
  return asked?.scale ?? (await readMetricSettings(db)).settings.driverScale;
}

/**
 * Changes a score of a complete interview and keeps the history (who, when, why, old → new) in
 * score_corrections; every metric reads the interview, so it uses the corrected value from now on.
 * A corrected NPS that now calls for a follow-up opens one.
 */
export async function correctScore(db: Executor, input: Input): Promise<{ correctionId: string; followUpId: string | null }> {
  const state = await loadInterviewState(db, input.interviewId);
  if (state.row.status !== 'complete') throw new ApiError({ code: 'conflict', message: 'This interview is still a draft: change the answer directly.' });
  if (input.field === 'driver_rating') {
    const driver = await db.selectFrom('drivers').select('id').where('id', '=', input.driverId!).executeTakeFirst();
    if (!driver) throw new ApiError({ code: 'invalid_input', message: 'That driver does not exist.', fields: { driverId: 'That driver does not exist' } });
  }
  const scale = await scaleOf(db, state, input);
  if (input.value !== null && (input.value < scale.min || input.value > scale.max)) {
    throw new ApiError({ code: 'invalid_input', message: `The score must be from ${scale.min} to ${scale.max}.`, fields: { value: `From ${scale.min} to ${scale.max}` } });
  }
  const ratingRow = input.field === 'driver_rating' ? state.ratingRows.get(input.driverId!) : undefined;
  const oldValue = input.field === 'driver_rating' ? (ratingRow && ratingRow.deleted_at === null ? ratingRow.rating : null) : state.row[input.field];
  if (oldValue === input.value) throw new ApiError({ code: 'invalid_input', message: 'That is already the score.', fields: { value: 'Already the current score' } });

  const stamp = nowIso();
  if (input.field === 'driver_rating') await writeRating(db, state, input.driverId!, input.value, stamp);
  else await db.updateTable('interviews').set({ [input.field]: input.value, updated_at: stamp }).where('id', '=', state.row.id).execute();

  const correctionId = newId();
  const field = input.field === 'driver_rating' ? `driver_rating:${input.driverId}` : input.field;
  await db
    .insertInto('score_corrections')
    .values({
      id: correctionId,
      interview_id: state.row.id,
      field,
      old_value: oldValue === null ? null : String(oldValue),
      new_value: input.value === null ? null : String(input.value),
      reason: input.reason,
      corrected_by: input.by,
      corrected_at: stamp,
    })
    .execute();
  await logChange(db, { entityType: 'score_correction', entityId: correctionId, op: 'insert', changes: { interview_id: state.row.id, field, old_value: oldValue, new_value: input.value, reason: input.reason, corrected_by: input.by } });
  await logChange(db, { entityType: 'interview', entityId: state.row.id, op: 'update', changes: { [field]: [oldValue, input.value], correction_id: correctionId } });
  const followUp = input.field === 'nps' ? await ensureFollowUp(db, state.row.id) : null;
  return { correctionId, followUpId: followUp?.opened ? followUp.id : null };
}

async function writeRating(db: Executor, state: InterviewState, driverId: string, rating: number | null, stamp: string): Promise<void> {
  const row = state.ratingRows.get(driverId);
  if (rating === null) {
    if (row) await db.updateTable('driver_ratings').set({ deleted_at: stamp, updated_at: stamp }).where('id', '=', row.id).execute();
  } else if (row) {
    await db.updateTable('driver_ratings').set({ rating, deleted_at: null, updated_at: stamp }).where('id', '=', row.id).execute();
  } else {
    await db.insertInto('driver_ratings').values({ id: newId(), interview_id: state.row.id, driver_id: driverId, rating, created_at: stamp, updated_at: stamp, deleted_at: null }).execute();
  }
}

export async function listCorrections(db: Executor, interviewId: string): Promise<ScoreCorrection[]> {
  const rows = await db.selectFrom('score_corrections').selectAll().where('interview_id', '=', interviewId).orderBy('corrected_at').orderBy('id').execute();
  return rows.map((r) => {
    const [field, driverId] = r.field.split(':') as [CorrectableField, string | undefined];
    return {
      id: r.id,
      interviewId: r.interview_id,
      field,
      driverId: driverId ?? null,
      oldValue: r.old_value === null ? null : Number(r.old_value),
      newValue: r.new_value === null ? null : Number(r.new_value),
      reason: r.reason,
      correctedBy: r.corrected_by,
      correctedAt: r.corrected_at,
    };
  });
}
