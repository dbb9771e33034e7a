import type { ParsedInputOf } from '../../shared/contract';
import { ApiError } from '../../shared/contract/errors';
import type { Executor } from '../accounts/account-queries';
import { ensureFollowUp } from '../actions/follow-ups';
import { logChange } from '../db/change-log';
import { nowIso } from '../db/clock';
import { loadInterviewState, missingRequired } from './interview-state';
import { advanceToNextDraft } from './sessions-repo';

/** A little slack for a laptop clock that runs behind the interviewer's watch. */
const FUTURE_SLACK_MS = 5 * 60_000;

/**
 * Completes one stakeholder's interview: required questions answered, status complete, the time of the
 * conversation set, and the follow-up opened when the score asks for one. Completing twice changes nothing.
 */
export async function completeInterview(db: Executor, input: ParsedInputOf<'interviews.complete'>): Promise<{ followUpId: string | null; sessionId: string | null }> {
  const state = await loadInterviewState(db, input.interviewId);
  const { row } = state;
  if (row.status === 'draft') {
    const missing = missingRequired(state);
    if (missing.length > 0) {
      const fields = Object.fromEntries(missing.map((id) => [`answers.${id}`, 'This question needs an answer']));
      throw new ApiError({ code: 'invalid_input', message: `${missing.length} required question${missing.length > 1 ? 's are' : ' is'} not answered yet.`, fields });
    }
    const now = nowIso();
    const interviewedAt = input.interviewedAt ?? now;
    if (Date.parse(interviewedAt) > Date.parse(now) + FUTURE_SLACK_MS) {
      throw new ApiError({ code: 'invalid_input', message: 'The interview cannot have happened in the future.', fields: { interviewedAt: 'Cannot be in the future' } });
    }
    await db.updateTable('interviews').set({ status: 'complete', interviewed_at: interviewedAt, updated_at: now }).where('id', '=', row.id).execute();
    await logChange(db, { entityType: 'interview', entityId: row.id, op: 'update', changes: { status: ['draft', 'complete'], interviewed_at: [row.interviewed_at, interviewedAt] } });
  }
  const followUp = await ensureFollowUp(db, row.id);
  if (input.advance && row.session_id) await advanceToNextDraft(db, row.session_id, row.id);
  return { followUpId: followUp?.id ?? null, sessionId: row.session_id };
}
