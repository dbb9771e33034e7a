import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../main/core/core';
import { pinClock } from '../../../main/db/clock';
import type { AccountDetail, ActionKpis, ActionQueue, ActionRow, CompleteResult, GuideDetail, SessionView } from '../../../shared/contract';
import { emptyWorkspaceCore } from '../../helpers/test-core';
import { accountWithContacts, call as callOn, defaultGuide, questionId, setMetricSettings } from '../../helpers/interview-fixtures';

let core: Core;
let guide: GuideDetail;
const call = <T>(method: string, input?: unknown) => callOn<T>(core, method, input);
const at = (iso: string) => pinClock(new Date(iso));

beforeAll(async () => {
  ({ core } = await emptyWorkspaceCore());
  guide = await defaultGuide(core, 'default-relationship');
});
afterEach(() => {
  pinClock(null);
  setMetricSettings(core, {});
});
afterAll(() => core.close());

/** One stakeholder interviewed at `when` with this score, completed at the pinned time. */
async function interview(accountName: string, person: { name: string; level?: string }, nps: number, when: string, owner: string | null = 'Dana Reyes') {
  const { account, contacts } = await accountWithContacts(core, accountName, [person], owner);
  const view = await call<SessionView>('interviews.start', { accountId: account.id, guideId: guide.id, contactIds: [contacts[0]!.id], interviewer: 'Sam Field' });
  const interviewId = view.current!.id;
  await call('interviews.saveDraft', { interviewId, answers: { [questionId(guide, (q) => q.kind === 'nps')]: nps, [questionId(guide, (q) => q.field === 'verbatim')]: `Score ${nps}` } });
  const done = await call<CompleteResult>('interviews.complete', { interviewId, interviewedAt: when });
  return { account, interviewId, followUp: done.followUp };
}

describe('closing the loop', () => {
  it('a detractor opens a follow-up: account owner, the stakeholder level, due 48 h and 14 days after the interview', async () => {
    at('2026-03-02T09:00:00.000Z');
    const { account, interviewId, followUp } = await interview('Detractor AG', { name: 'Eva Exec', level: 'executive' }, 3, '2026-03-02T08:00:00.000Z');
    expect(followUp).toMatchObject({
      accountId: account.id,
      interviewId,
      kind: 'follow_up',
      owner: 'Dana Reyes',
      level: 'executive',
      status: 'open',
      openedAt: '2026-03-02T09:00:00.000Z',
      firstContactDueAt: '2026-03-04T08:00:00.000Z',
      closeDueAt: '2026-03-16T08:00:00.000Z',
      contactName: 'Eva Exec',
      nps: 3,
      verbatim: 'Score 3',
      due: { state: 'on_track', nextDueAt: '2026-03-04T08:00:00.000Z', firstContactOverdue: false, closeOverdue: false },
    });
    expect(followUp!.title).toContain('Eva Exec');
    const detail = await call<AccountDetail>('accounts.get', { id: account.id });
    expect(detail.timeline.find((t) => t.kind === 'action')).toMatchObject({ id: followUp!.id, status: 'open' });
  });

  it('passives open one only when the workspace says so; promoters never', async () => {
    at('2026-03-02T09:00:00.000Z');
    expect((await interview('Passive One', { name: 'Pia' }, 7, '2026-03-02T08:00:00.000Z')).followUp).toBeNull();
    expect((await interview('Promoter One', { name: 'Pro' }, 10, '2026-03-02T08:00:00.000Z')).followUp).toBeNull();
    setMetricSettings(core, { loop: { passivesOpenActions: true, firstContactHours: 24, closeDays: 7 } });
    const passive = await interview('Passive Two', { name: 'Pete', level: 'frontline' }, 8, '2026-03-02T08:00:00.000Z', null);
    expect(passive.followUp).toMatchObject({ level: 'frontline', owner: 'Sam Field', firstContactDueAt: '2026-03-03T08:00:00.000Z', closeDueAt: '2026-03-09T08:00:00.000Z' });
    expect((await interview('Promoter Two', { name: 'Pam' }, 9, '2026-03-02T08:00:00.000Z')).followUp).toBeNull();
  });

  it('the queue shows what is due soon and overdue, by owner, as time passes', async () => {
    at('2026-04-01T09:00:00.000Z');
    const { account, followUp } = await interview('Queue GmbH', { name: 'Quinn', level: 'management' }, 2, '2026-04-01T08:00:00.000Z', 'Quentin Owner');
    const id = followUp!.id;
    const queue = (input: Record<string, unknown> = {}) => call<ActionQueue>('actions.queue', { accountId: account.id, ...input });

    expect((await queue()).rows.map((r) => [r.id, r.due.state])).toEqual([[id, 'on_track']]);
    at('2026-04-02T09:00:00.000Z'); // 23 h to first contact
    expect((await queue({ due: 'due_soon' })).rows.map((r) => r.id)).toEqual([id]);
    at('2026-04-03T09:00:00.000Z'); // first contact missed
    const overdue = await queue({ due: 'overdue' });
    expect(overdue.rows[0]!.due).toMatchObject({ state: 'overdue', firstContactOverdue: true, closeOverdue: false });
    expect(overdue.summary).toMatchObject({ open: 1, overdue: 1, dueSoon: 0, contacted: 0 });
    expect(overdue.byOwner).toEqual([{ owner: 'Quentin Owner', open: 1, overdue: 1, dueSoon: 0 }]);
    const byOwner = await call<ActionQueue>('actions.queue', { owner: 'Quentin Owner' });
    expect(byOwner.rows.map((r) => r.id)).toEqual([id]);

    const contacted = await call<ActionRow>('actions.update', { id, patch: { status: 'contacted' } });
    expect(contacted).toMatchObject({ status: 'contacted', contactedAt: '2026-04-03T09:00:00.000Z', due: { state: 'on_track', nextDueAt: '2026-04-15T08:00:00.000Z' } });
    at('2026-04-16T09:00:00.000Z');
    expect((await queue({ due: 'overdue' })).rows[0]!.due).toMatchObject({ closeOverdue: true, firstContactOverdue: false });

    await expect(call('actions.update', { id, patch: { status: 'closed' } })).rejects.toMatchObject({ code: 'invalid_input', fields: { 'patch.outcome': expect.any(String) } });
    const closed = await call<ActionRow>('actions.update', { id, patch: { status: 'closed', outcome: 'Agreed a recovery plan' }, at: '2026-04-16T08:30:00.000Z' });
    expect(closed).toMatchObject({ status: 'closed', closedAt: '2026-04-16T08:30:00.000Z', contactedAt: '2026-04-03T09:00:00.000Z', outcome: 'Agreed a recovery plan', due: { state: 'closed', nextDueAt: null } });
    expect((await queue()).total).toBe(0);
    expect((await queue({ statuses: ['closed'] })).rows.map((r) => r.id)).toEqual([id]);

    const reopened = await call<ActionRow>('actions.update', { id, patch: { status: 'open' } });
    expect(reopened).toMatchObject({ status: 'open', contactedAt: null, closedAt: null });
    await expect(call('actions.update', { id, patch: { status: 'contacted' }, at: '2030-01-01T00:00:00Z' })).rejects.toMatchObject({ fields: { at: 'Cannot be in the future' } });
  });

  it('computes loop KPIs by owner and level with the pure loop functions', async () => {
    at('2026-05-01T09:00:00.000Z');
    const onTime = await interview('KPI One', { name: 'A', level: 'frontline' }, 1, '2026-05-01T08:00:00.000Z', 'Kim');
    const late = await interview('KPI Two', { name: 'B', level: 'executive' }, 2, '2026-05-01T08:00:00.000Z', 'Lee');
    await interview('KPI Three', { name: 'C', level: 'executive' }, 3, '2026-05-01T08:00:00.000Z', 'Lee');
    at('2026-05-02T09:00:00.000Z');
    await call('actions.update', { id: onTime.followUp!.id, patch: { status: 'contacted' }, at: '2026-05-02T08:00:00.000Z' });
    at('2026-05-04T09:00:00.000Z');
    await call('actions.update', { id: late.followUp!.id, patch: { status: 'closed', outcome: 'Credit note issued' } });
    const kpis = await call<ActionKpis>('actions.kpis', { from: '2026-05-01', to: '2026-05-31' });
    expect(kpis.asOf).toBe('2026-05-04T09:00:00.000Z');
    expect(kpis.overall.actions).toBe(3);
    // On time: A (24 h). Late: B (closed after 74 h counts as contacted then). Overdue: C, never contacted past 48 h.
    expect(kpis.overall.contactedWithinTarget.value).toBeCloseTo(1 / 3);
    expect(kpis.overall.overdue.value).toBe(1);
    expect(kpis.overall.medianDaysToClose.value).toBeCloseTo(3.0417, 3);
    expect(kpis.byOwner.find((o) => o.owner === 'Kim')!.contactedWithinTarget.value).toBe(1);
    expect(kpis.byOwner.find((o) => o.owner === 'Lee')!.overdue.value).toBe(1);
    expect(kpis.byLevel.find((l) => l.level === 'executive')!.actions).toBe(2);
  });

  it('creates a follow-up by hand with the workspace targets as default due dates', async () => {
    at('2026-06-01T12:00:00.000Z');
    const { account, interviewId } = await interview('Manual Ltd', { name: 'M' }, 8, '2026-06-01T10:00:00.000Z');
    const created = await call<ActionRow>('actions.create', { accountId: account.id, kind: 'follow_up', interviewId, title: 'Ask about the renewal', level: 'management' });
    expect(created).toMatchObject({ owner: 'Dana Reyes', contactName: 'M', firstContactDueAt: '2026-06-03T10:00:00.000Z', closeDueAt: '2026-06-15T10:00:00.000Z', status: 'open' });
    const task = await call<ActionRow>('actions.create', { accountId: account.id, title: 'Send QBR deck', owner: 'Ann' });
    expect(task).toMatchObject({ kind: 'task', owner: 'Ann', firstContactDueAt: null, closeDueAt: null, due: { state: 'on_track', nextDueAt: null } });
    const other = await accountWithContacts(core, 'Someone else', []);
    await expect(call('actions.create', { accountId: other.account.id, interviewId, title: 'x' })).rejects.toMatchObject({ fields: { interviewId: expect.any(String) } });
  });
});
