import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../main/core/core';
import type { CompleteResult, FinishSessionResult, GuideDetail, InterviewDraft, SaveDraftResult, SessionSummary, SessionView } from '../../../shared/contract';
import { emptyWorkspaceCore } from '../../helpers/test-core';
import { accountWithContacts, call as callOn, defaultGuide, questionId, seedDrivers, seedTouchpoints } from '../../helpers/interview-fixtures';

let core: Core;
let guide: GuideDetail;
let drivers: string[];
let touchpoints: string[];
const call = <T>(method: string, input?: unknown) => callOn<T>(core, method, input);
const raw = () => core.workspaces.opened()!.file.raw;

let q: { nps: string; why: string; drivers: string; change: string; outlook: string };

beforeAll(async () => {
  ({ core } = await emptyWorkspaceCore());
  drivers = seedDrivers(core, ['Onboarding', 'Support']);
  touchpoints = seedTouchpoints(core, ['Kickoff', 'Support desk']);
  guide = await defaultGuide(core, 'default-relationship');
  q = {
    nps: questionId(guide, (x) => x.kind === 'nps'),
    why: questionId(guide, (x) => x.field === 'verbatim'),
    drivers: questionId(guide, (x) => x.kind === 'driver_ratings'),
    change: questionId(guide, (x) => x.kind === 'text' && x.field === null),
    outlook: questionId(guide, (x) => x.kind === 'single_choice'),
  };
});
afterAll(() => core.close());

async function startWith(name: string, people: string[], newContacts: unknown[] = []) {
  const { account, contacts } = await accountWithContacts(core, name, people.map((n) => ({ name: n, level: 'management', role: 'influencer' })));
  const view = await call<SessionView>('interviews.start', { accountId: account.id, guideId: guide.id, contactIds: contacts.map((c) => c.id), newContacts, interviewer: 'Sam' });
  return { account, contacts, view };
}

describe('interview sessions', () => {
  it('starts with the people picked, in order, plus someone met on the spot, on the first of them', async () => {
    const { account, contacts, view } = await startWith('Contoso', ['Ines', 'Tom'], [{ name: 'Walk-in Wanda', title: 'CFO', level: 'executive' }]);
    expect(view.session).toMatchObject({ accountId: account.id, accountName: 'Contoso', guideId: guide.id, status: 'open', stakeholderCount: 3, completedCount: 0, interviewer: 'Sam' });
    expect(view.stakeholders.map((s) => [s.name, s.status])).toEqual([
      ['Ines', 'draft'],
      ['Tom', 'draft'],
      ['Walk-in Wanda', 'draft'],
    ]);
    expect(view.stakeholders[0]!.contactId).toBe(contacts[0]!.id);
    expect(view.currentIndex).toBe(0);
    expect(view.current).toMatchObject({ contactName: 'Ines', status: 'draft', kind: 'relationship', guideId: guide.id, answers: {}, missingRequired: [q.nps, q.why] });
    expect(view.guide!.questions).toHaveLength(guide.questions.length);
    const wanda = await call<{ contacts: { name: string; level: string | null }[] }>('accounts.get', { id: account.id });
    expect(wanda.contacts.find((c) => c.name === 'Walk-in Wanda')).toMatchObject({ level: 'executive' });
  });

  it('saves drafts as an idempotent patch of answers, notes, tags and sentiment', async () => {
    const { view } = await startWith('Fabrikam', ['Ada']);
    const interviewId = view.current!.id;
    const first = await call<SaveDraftResult>('interviews.saveDraft', {
      interviewId,
      answers: { [q.nps]: 4, [q.why]: 'Support tickets wait for days', [q.drivers]: { [drivers[0]!]: 4, [drivers[1]!]: 1 }, [q.outlook]: 'Shrink' },
      notes: 'Very direct; wants a call from the CEO',
      sentimentOverride: -0.8,
      touchpointId: touchpoints[1],
      tags: [{ subject: 'verbatim', driverIds: [drivers[1]], touchpointIds: [touchpoints[1]] }],
    });
    expect(first).toMatchObject({ interviewId, changed: true, missingRequired: [] });

    const again = await call<SaveDraftResult>('interviews.saveDraft', { interviewId, answers: { [q.nps]: 4, [q.why]: 'Support tickets wait for days' }, notes: 'Very direct; wants a call from the CEO' });
    expect(again.changed).toBe(false);

    const draft = await call<InterviewDraft>('interviews.get', { interviewId });
    expect(draft).toMatchObject({
      status: 'draft',
      nps: 4,
      category: 'detractor',
      verbatim: 'Support tickets wait for days',
      notes: 'Very direct; wants a call from the CEO',
      sentimentOverride: -0.8,
      effectiveSentiment: -0.8,
      touchpointId: touchpoints[1],
      tags: [{ subject: 'verbatim', driverIds: [drivers[1]], touchpointIds: [touchpoints[1]] }],
      followUpActionId: null,
    });
    expect(draft.answers).toEqual({ [q.nps]: 4, [q.why]: 'Support tickets wait for days', [q.drivers]: { [drivers[0]!]: 4, [drivers[1]!]: 1 }, [q.outlook]: 'Shrink' });
    expect(draft.driverRatings).toEqual(expect.arrayContaining([{ driverId: drivers[0], rating: 4 }, { driverId: drivers[1], rating: 1 }]));

    // Patches touch only what they name; null clears; a cleared rating revives its row when given again.
    await call('interviews.saveDraft', { interviewId, answers: { [q.outlook]: null, [q.drivers]: { [drivers[0]!]: null } }, tags: [{ subject: 'verbatim', driverIds: [], touchpointIds: [] }] });
    await call('interviews.saveDraft', { interviewId, answers: { [q.drivers]: { [drivers[0]!]: 5 } } });
    const patched = await call<InterviewDraft>('interviews.get', { interviewId });
    expect(patched.answers[q.outlook]).toBeUndefined();
    expect(patched.answers[q.drivers]).toEqual({ [drivers[0]!]: 5, [drivers[1]!]: 1 });
    expect(patched.tags).toEqual([]);
    expect(patched.verbatim).toBe('Support tickets wait for days');
    expect((raw().prepare('SELECT count(*) AS n FROM driver_ratings WHERE interview_id = ?').get(interviewId) as { n: number }).n).toBe(2);
  });

  it('folds a burst of draft saves into one change-log entry with the first old and last new values', async () => {
    const { view } = await startWith('Northwind', ['Bo']);
    const interviewId = view.current!.id;
    const typed = ['The', 'The onboarding', 'The onboarding was slow'];
    for (const text of typed) await call('interviews.saveDraft', { interviewId, answers: { [q.why]: text } });
    await call('interviews.saveDraft', { interviewId, answers: { [q.nps]: 6 } });
    const entries = raw().prepare(`SELECT op, changes_json FROM change_log WHERE entity_type = 'interview' AND entity_id = ? ORDER BY seq`).all(interviewId) as { op: string; changes_json: string }[];
    expect(entries.map((e) => e.op)).toEqual(['insert', 'update']);
    expect(JSON.parse(entries[1]!.changes_json)).toEqual({ verbatim: [null, 'The onboarding was slow'], nps: [null, 6] });
  });

  it('rejects an answer that does not fit its question, writing nothing', async () => {
    const { view } = await startWith('Litware', ['Cy']);
    const interviewId = view.current!.id;
    const before = raw().prepare('SELECT total_changes() AS n').get() as { n: number };
    await expect(call('interviews.saveDraft', { interviewId, answers: { [q.nps]: 11 } })).rejects.toMatchObject({ code: 'invalid_input', fields: { [`answers.${q.nps}`]: 'From 0 to 10' } });
    await expect(call('interviews.saveDraft', { interviewId, answers: { [q.outlook]: 'Maybe' } })).rejects.toMatchObject({ fields: { [`answers.${q.outlook}`]: 'Pick one of the options' } });
    await expect(call('interviews.saveDraft', { interviewId, answers: { [q.drivers]: { [drivers[0]!]: 9 } } })).rejects.toMatchObject({ fields: { [`answers.${q.drivers}`]: 'From 1 to 5' } });
    await expect(call('interviews.saveDraft', { interviewId, answers: { [q.nps]: 7, ['019a0000-0000-7000-8000-000000000000']: 'x' } })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(call('interviews.saveDraft', { interviewId, tags: [{ subject: 'verbatim', driverIds: ['019a0000-0000-7000-8000-000000000000'] }] })).rejects.toMatchObject({ fields: { tags: 'That driver does not exist' } });
    expect(raw().prepare('SELECT total_changes() AS n').get()).toEqual(before);
    expect((await call<InterviewDraft>('interviews.get', { interviewId })).nps).toBeNull();
  });

  it('moves between stakeholders and remembers where it is', async () => {
    const { view } = await startWith('Adventure Works', ['One', 'Two', 'Three']);
    const sessionId = view.session.id;
    const [one, two, three] = view.stakeholders.map((s) => s.interviewId);
    let at = await call<SessionView>('interviews.navigate', { sessionId, direction: 'next' });
    expect([at.currentIndex, at.current!.id]).toEqual([1, two]);
    at = await call<SessionView>('interviews.navigate', { sessionId, direction: 'next' });
    at = await call<SessionView>('interviews.navigate', { sessionId, direction: 'next' });
    expect(at.current!.id).toBe(three); // stays on the last one
    at = await call<SessionView>('interviews.navigate', { sessionId, direction: 'previous' });
    expect(at.current!.id).toBe(two);
    at = await call<SessionView>('interviews.goTo', { sessionId, interviewId: one });
    expect(at.currentIndex).toBe(0);
    expect((await call<SessionView>('interviews.session', { sessionId })).session.currentInterviewId).toBe(one);
  });

  it('completes only with the required answers, then moves on to the next draft', async () => {
    const { view } = await startWith('Tailspin', ['First', 'Second']);
    const [first, second] = view.stakeholders.map((s) => s.interviewId);
    await call('interviews.saveDraft', { interviewId: first, answers: { [q.nps]: 9 } });
    await expect(call('interviews.complete', { interviewId: first })).rejects.toMatchObject({ code: 'invalid_input', fields: { [`answers.${q.why}`]: 'This question needs an answer' } });
    await call('interviews.saveDraft', { interviewId: first, answers: { [q.why]: '   ' } });
    await expect(call('interviews.complete', { interviewId: first })).rejects.toMatchObject({ code: 'invalid_input' });
    await call('interviews.saveDraft', { interviewId: first, answers: { [q.why]: 'Great partner' } });

    const done = await call<CompleteResult>('interviews.complete', { interviewId: first, advance: true });
    expect(done.interview).toMatchObject({ status: 'complete', nps: 9, category: 'promoter' });
    expect(done.followUp).toBeNull();
    expect(done.session!.current!.id).toBe(second);
    expect(done.session!.session.completedCount).toBe(1);
    expect(done.session!.stakeholders[0]).toMatchObject({ status: 'complete', nps: 9, missingRequired: 0 });
    const again = await call<CompleteResult>('interviews.complete', { interviewId: first });
    expect(again.interview.interviewedAt).toBe(done.interview.interviewedAt);

    // A complete interview keeps its words editable; its scores change only by correction.
    await call('interviews.saveDraft', { interviewId: first, notes: 'Typed up later' });
    await expect(call('interviews.saveDraft', { interviewId: first, answers: { [q.nps]: 3 } })).rejects.toMatchObject({ code: 'conflict' });
  });

  it('back-dates a completed interview when told when it happened, never into the future', async () => {
    const { view } = await startWith('Wingtip', ['Dee']);
    const interviewId = view.current!.id;
    await call('interviews.saveDraft', { interviewId, answers: { [q.nps]: 8, [q.why]: 'Fine' } });
    await expect(call('interviews.complete', { interviewId, interviewedAt: '2999-01-01T00:00:00Z' })).rejects.toMatchObject({ fields: { interviewedAt: 'Cannot be in the future' } });
    const done = await call<CompleteResult>('interviews.complete', { interviewId, interviewedAt: '2026-01-05T10:00:00.000Z' });
    expect(done.interview.interviewedAt).toBe('2026-01-05T10:00:00.000Z');
  });

  it('resumes the open session of an account, or the latest one anywhere', async () => {
    const a = await startWith('Resume A', ['X']);
    const b = await startWith('Resume B', ['Y', 'Z']);
    await call('interviews.navigate', { sessionId: b.view.session.id, direction: 'next' });
    const forA = await call<{ view: SessionView | null }>('interviews.openSession', { accountId: a.account.id });
    expect(forA.view!.session.id).toBe(a.view.session.id);
    const latest = await call<{ view: SessionView | null }>('interviews.openSession', {});
    expect(latest.view!.session.id).toBe(b.view.session.id);
    expect(latest.view!.currentIndex).toBe(1);
    const open = await call<SessionSummary[]>('interviews.sessions', { status: 'open' });
    expect(open.map((s) => s.id)).toEqual(expect.arrayContaining([a.view.session.id, b.view.session.id]));
  });

  it('adds and removes stakeholders mid-session', async () => {
    const { account, view } = await startWith('Midway', ['Early']);
    const sessionId = view.session.id;
    const extra = await call<{ id: string }>('contacts.create', { accountId: account.id, name: 'Late Larry' });
    let now = await call<SessionView>('interviews.addStakeholders', { sessionId, contactIds: [extra.id], newContacts: [{ name: 'Surprise Sue' }] });
    expect(now.stakeholders.map((s) => s.name)).toEqual(['Early', 'Late Larry', 'Surprise Sue']);
    now = await call<SessionView>('interviews.removeStakeholder', { sessionId, interviewId: now.stakeholders[0]!.interviewId });
    expect(now.stakeholders.map((s) => s.name)).toEqual(['Late Larry', 'Surprise Sue']);
    expect(now.current!.contactName).toBe('Late Larry');
    const other = await startWith('Elsewhere', ['Nope']);
    await expect(call('interviews.addStakeholders', { sessionId, contactIds: [other.contacts[0]!.id] })).rejects.toMatchObject({ fields: { 'contactIds.0': 'Not a contact of this account' } });
  });

  it('finishing keeps drafts with something typed and removes untouched ones', async () => {
    const { view } = await startWith('Finish Co', ['Done', 'Half', 'Absent']);
    const [done, half, absent] = view.stakeholders.map((s) => s.interviewId);
    await call('interviews.saveDraft', { interviewId: done, answers: { [q.nps]: 10, [q.why]: 'Superb' } });
    await call('interviews.complete', { interviewId: done });
    await call('interviews.saveDraft', { interviewId: half, notes: 'Had to leave early' });
    const result = await call<FinishSessionResult>('interviews.finishSession', { sessionId: view.session.id });
    expect(result).toMatchObject({ completed: 1, draftsKept: 1, emptyDraftsRemoved: 1, session: { status: 'finished', finishedAt: expect.any(String) } });
    await expect(call('interviews.get', { interviewId: absent })).rejects.toMatchObject({ code: 'not_found' });
    expect((await call<InterviewDraft>('interviews.get', { interviewId: half })).status).toBe('draft');
    const open = await call<{ view: SessionView | null }>('interviews.openSession', { accountId: view.session.accountId });
    expect(open.view).toBeNull();
  });
});
