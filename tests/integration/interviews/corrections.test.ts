import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../main/core/core';
import type { AccountDetail, CorrectScoreResult, GuideDetail, InterviewDraft, ScoreCorrection, SessionView } from '../../../shared/contract';
import { emptyWorkspaceCore } from '../../helpers/test-core';
import { accountWithContacts, call as callOn, defaultGuide, questionId, seedDrivers } from '../../helpers/interview-fixtures';

let core: Core;
let guide: GuideDetail;
let drivers: string[];
const call = <T>(method: string, input?: unknown) => callOn<T>(core, method, input);

beforeAll(async () => {
  ({ core } = await emptyWorkspaceCore());
  drivers = seedDrivers(core, ['Reliability', 'Billing']);
  guide = await defaultGuide(core, 'default-relationship');
});
afterAll(() => core.close());

async function completedInterview(accountName: string, nps: number) {
  const { account, contacts } = await accountWithContacts(core, accountName, [{ name: 'Pat', level: 'executive', role: 'decision_maker' }]);
  const view = await call<SessionView>('interviews.start', { accountId: account.id, guideId: guide.id, contactIds: [contacts[0]!.id] });
  const interviewId = view.current!.id;
  await call('interviews.saveDraft', {
    interviewId,
    answers: { [questionId(guide, (q) => q.kind === 'nps')]: nps, [questionId(guide, (q) => q.field === 'verbatim')]: 'Stable platform', [questionId(guide, (q) => q.kind === 'driver_ratings')]: { [drivers[0]!]: 4 } },
  });
  await call('interviews.complete', { interviewId });
  return { account, interviewId };
}

describe('score corrections', () => {
  it('corrects an NPS after the fact, keeps who/when/why/old → new, and metrics use the new value', async () => {
    const { account, interviewId } = await completedInterview('Corrected Inc', 9);
    expect((await call<AccountDetail>('accounts.get', { id: account.id })).lastNps).toBe(9);

    const result = await call<CorrectScoreResult>('interviews.correctScore', { interviewId, field: 'nps', value: 3, reason: 'Misheard: she said three', by: 'Dana Reyes' });
    expect(result.correction).toMatchObject({ interviewId, field: 'nps', driverId: null, oldValue: 9, newValue: 3, reason: 'Misheard: she said three', correctedBy: 'Dana Reyes', correctedAt: expect.any(String) });
    expect(result.interview).toMatchObject({ nps: 3, category: 'detractor', correctionCount: 1 });
    // Now a detractor: the loop opens.
    expect(result.followUp).toMatchObject({ interviewId, kind: 'follow_up', status: 'open' });
    expect(result.interview.followUpActionId).toBe(result.followUp!.id);

    const account2 = await call<AccountDetail>('accounts.get', { id: account.id });
    expect(account2.lastNps).toBe(3);
    expect(account2.timeline.find((t) => t.kind === 'interview')!.score).toBe(3);

    await call('interviews.correctScore', { interviewId, field: 'nps', value: 4, reason: 'Confirmed by email', by: 'Sam' });
    const history = await call<ScoreCorrection[]>('interviews.corrections', { interviewId });
    expect(history.map((c) => [c.oldValue, c.newValue, c.correctedBy])).toEqual([
      [9, 3, 'Dana Reyes'],
      [3, 4, 'Sam'],
    ]);
    // Still one follow-up for the interview.
    const actions = core.workspaces.opened()!.file.raw.prepare(`SELECT count(*) AS n FROM actions WHERE interview_id = ?`).get(interviewId) as { n: number };
    expect(actions.n).toBe(1);
  });

  it('corrects a driver rating and removes a score, keeping each step', async () => {
    const { interviewId } = await completedInterview('Driver Corp', 8);
    await call('interviews.correctScore', { interviewId, field: 'driver_rating', driverId: drivers[0], value: 2, reason: 'Entered on the wrong row', by: 'Sam' });
    await call('interviews.correctScore', { interviewId, field: 'driver_rating', driverId: drivers[1], value: 5, reason: 'Missed it', by: 'Sam' });
    await expect(call('interviews.correctScore', { interviewId, field: 'csat', value: null, reason: 'No CSAT asked', by: 'Sam' })).rejects.toMatchObject({ fields: { value: 'Already the current score' } });
    const draft = await call<InterviewDraft>('interviews.get', { interviewId });
    expect(draft.driverRatings).toEqual(expect.arrayContaining([{ driverId: drivers[0], rating: 2 }, { driverId: drivers[1], rating: 5 }]));
    await call('interviews.correctScore', { interviewId, field: 'nps', value: null, reason: 'Did not want to give a score', by: 'Sam' });
    expect((await call<InterviewDraft>('interviews.get', { interviewId })).nps).toBeNull();
    const history = await call<ScoreCorrection[]>('interviews.corrections', { interviewId });
    expect(history.map((c) => [c.field, c.driverId, c.oldValue, c.newValue])).toEqual([
      ['driver_rating', drivers[0], 4, 2],
      ['driver_rating', drivers[1], null, 5],
      ['nps', null, 8, null],
    ]);
  });

  it('refuses corrections of drafts, out-of-scale values, and of nothing at all', async () => {
    const { interviewId } = await completedInterview('Refusals', 7);
    await expect(call('interviews.correctScore', { interviewId, field: 'nps', value: 11, reason: 'x', by: 'y' })).rejects.toMatchObject({ fields: { value: 'From 0 to 10' } });
    await expect(call('interviews.correctScore', { interviewId, field: 'ces', value: 0, reason: 'x', by: 'y' })).rejects.toMatchObject({ fields: { value: 'From 1 to 7' } });
    await expect(call('interviews.correctScore', { interviewId, field: 'nps', value: 7, reason: 'x', by: 'y' })).rejects.toMatchObject({ fields: { value: 'Already the current score' } });
    await expect(call('interviews.correctScore', { interviewId, field: 'nps', value: 5, reason: ' ', by: 'y' })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(call('interviews.correctScore', { interviewId, field: 'driver_rating', value: 5, reason: 'x', by: 'y' })).rejects.toMatchObject({ fields: { driverId: expect.any(String) } });

    const { account, contacts } = await accountWithContacts(core, 'Still drafting', [{ name: 'Lou' }]);
    const view = await call<SessionView>('interviews.start', { accountId: account.id, guideId: guide.id, contactIds: [contacts[0]!.id] });
    await expect(call('interviews.correctScore', { interviewId: view.current!.id, field: 'nps', value: 5, reason: 'x', by: 'y' })).rejects.toMatchObject({ code: 'conflict' });
  });
});
