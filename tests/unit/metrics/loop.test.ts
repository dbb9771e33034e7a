import { describe, expect, it } from 'vitest';
import { loopDueDates, loopKpiBreakdown, loopKpis, opensFollowUp, type LoopAction } from '../../../main/metrics/loop';
import { DEFAULT_METRIC_SETTINGS, metricSettingsSchema } from '../../../shared/domain/metrics-settings';

describe('loop closure (metrics.md §8)', () => {
  it('detractors open a follow-up; passives only when the setting says so', () => {
    expect(opensFollowUp('detractor', DEFAULT_METRIC_SETTINGS)).toBe(true);
    expect(opensFollowUp('passive', DEFAULT_METRIC_SETTINGS)).toBe(false);
    expect(opensFollowUp('promoter', DEFAULT_METRIC_SETTINGS)).toBe(false);
    expect(opensFollowUp('passive', metricSettingsSchema.parse({ loop: { passivesOpenActions: true } }))).toBe(true);
  });

  it('first contact due 48 h and close due 14 days after the response', () => {
    expect(loopDueDates('2025-03-03T09:30:00Z', DEFAULT_METRIC_SETTINGS)).toEqual({
      firstContactDue: '2025-03-05T09:30:00.000Z',
      closeDue: '2025-03-17T09:30:00.000Z',
    });
  });

  const actions: LoopAction[] = [
    { actionId: 'on-time', owner: 'ann', level: 'frontline', respondedAt: '2025-03-01T00:00:00Z', firstContactAt: '2025-03-02T00:00:00Z', closedAt: '2025-03-06T00:00:00Z' },
    { actionId: 'late', owner: 'ann', level: 'management', respondedAt: '2025-03-01T00:00:00Z', firstContactAt: '2025-03-04T00:00:00Z', closedAt: '2025-03-15T00:00:00Z' },
    { actionId: 'ignored', owner: 'bob', level: 'executive', respondedAt: '2025-03-01T00:00:00Z', firstContactAt: null, closedAt: null },
    { actionId: 'fresh', owner: 'bob', level: 'frontline', respondedAt: '2025-03-19T12:00:00Z', firstContactAt: null, closedAt: null },
    { actionId: 'stalled', owner: null, level: 'frontline', respondedAt: '2025-03-02T00:00:00Z', firstContactAt: '2025-03-03T00:00:00Z', closedAt: null },
  ];
  const asOf = '2025-03-20T00:00:00Z';

  it('KPIs: share contacted within 48 h (undecided actions left out), median days to close, overdue count', () => {
    const kpis = loopKpis(actions, asOf, DEFAULT_METRIC_SETTINGS);
    expect(kpis.actions).toBe(5);
    expect(kpis.contactedWithinTarget.value).toBe(0.5);
    expect(kpis.contactedWithinTarget.inputs).toMatchObject({ contactedOnTime: 2, decided: 4 });
    expect(kpis.medianDaysToClose.value).toBe(9.5);
    expect(kpis.overdue.value).toBe(2);
  });

  it('exactly 48 h counts as on time', () => {
    const edge = [{ ...actions[0]!, firstContactAt: '2025-03-03T00:00:00Z' }];
    expect(loopKpis(edge, asOf, DEFAULT_METRIC_SETTINGS).contactedWithinTarget.value).toBe(1);
  });

  it('breaks the KPIs down by owner and by level', () => {
    const breakdown = loopKpiBreakdown(actions, asOf, DEFAULT_METRIC_SETTINGS);
    const owner = (name: string | null) => breakdown.byOwner.find((entry) => entry.owner === name);
    expect(owner('ann')).toMatchObject({ actions: 2, contactedWithinTarget: { value: 0.5 }, medianDaysToClose: { value: 9.5 }, overdue: { value: 0 } });
    expect(owner('bob')).toMatchObject({ actions: 2, contactedWithinTarget: { value: 0 }, medianDaysToClose: { value: null }, overdue: { value: 1 } });
    expect(owner(null)).toMatchObject({ actions: 1, overdue: { value: 1 } });
    expect(breakdown.byLevel.map((entry) => [entry.level, entry.actions])).toEqual([
      ['frontline', 3],
      ['management', 1],
      ['executive', 1],
    ]);
  });

  it('KPIs of no actions are null, not 0', () => {
    const kpis = loopKpis([], asOf, DEFAULT_METRIC_SETTINGS);
    expect(kpis.contactedWithinTarget.value).toBeNull();
    expect(kpis.medianDaysToClose.value).toBeNull();
  });
});
