import type { Executor } from '../accounts/account-queries';
import { logChange } from '../db/change-log';
import { nowIso } from '../db/clock';
import { newId } from '../db/new-id';
import { readMetricSettings } from '../metrics/engine/settings-store';
import { loopDueDates, opensFollowUp } from '../metrics/loop';
import { categorize } from '../metrics/nps';
import { ACTION_LEVELS } from '../../shared/domain/metrics-types';
import type { ActionLevel } from '../../shared/domain/metrics-types';

const isLevel = (value: string | null | undefined): value is ActionLevel => (ACTION_LEVELS as readonly unknown[]).includes(value);

/**
 * Closes the loop (metrics.md §8): a complete interview whose score is a detractor's (or a passive's, when
 * the workspace says so) gets one follow-up, owned by the account owner, at the stakeholder's level, due
 * by the workspace targets counted from the interview. Never a second one; never closes one by itself.
 * Returns the follow-up's id when one exists or was opened, else null.
 */
export async function ensureFollowUp(db: Executor, interviewId: string): Promise<{ id: string; opened: boolean } | null> {
  const interview = await db
    .selectFrom('interviews as i')
    .innerJoin('accounts as a', 'a.id', 'i.account_id')
    .leftJoin('contacts as c', 'c.id', 'i.contact_id')
    .select(['i.id', 'i.account_id', 'i.contact_id', 'i.status', 'i.nps', 'i.interviewed_at', 'i.interviewer', 'a.owner', 'c.name as contact_name', 'c.level as contact_level'])
    .where('i.id', '=', interviewId)
    .where('i.deleted_at', 'is', null)
    .executeTakeFirst();
  if (!interview) return null;
  const existing = await db
    .selectFrom('actions')
    .select('id')
    .where('interview_id', '=', interviewId)
    .where('kind', '=', 'follow_up')
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (existing) return { id: existing.id, opened: false };
  if (interview.status !== 'complete' || interview.nps === null) return null;

  const { settings } = await readMetricSettings(db);
  const category = categorize(interview.nps);
  if (!opensFollowUp(category, settings)) return null;

  const stamp = nowIso();
  const due = loopDueDates(interview.interviewed_at, settings);
  const id = newId();
  const who = interview.contact_name ?? 'the stakeholder';
  const columns = {
    account_id: interview.account_id,
    interview_id: interview.id,
    contact_id: interview.contact_id,
    kind: 'follow_up',
    title: `Follow up with ${who} (${category}, NPS ${interview.nps})`,
    owner: interview.owner ?? interview.interviewer,
    // The follow-up answers at the stakeholder's own level; an unknown level starts at the front line.
    level: isLevel(interview.contact_level) ? interview.contact_level : 'frontline',
    status: 'open',
    opened_at: stamp,
    first_contact_due_at: due.firstContactDue,
    close_due_at: due.closeDue,
    contacted_at: null,
    closed_at: null,
    outcome: null,
  };
  await db.insertInto('actions').values({ id, ...columns, created_at: stamp, updated_at: stamp, deleted_at: null }).execute();
  await logChange(db, { entityType: 'action', entityId: id, op: 'insert', changes: columns });
  return { id, opened: true };
}
