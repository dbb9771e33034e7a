/**
 * The account page's own metrics, the simulator, quarter snapshots compared with what happened
 * next, saved scenarios, and the metric settings through the contract.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AccountMetrics, MetricSettingsInfo, MetricsSimulation, Scenario, SnapshotComparison, SnapshotSummary } from '../../../shared/contract/metrics';
import { Q3_2026, units, Workspace } from './fixture';

let ws: Workspace;
beforeEach(async () => {
  ws = await Workspace.create();
});
afterEach(() => ws.close());

describe('metrics.account', () => {
  it('scores by each method, stakeholder coverage, trend, segments with the rule and any override', async () => {
    const id = ws.account({ name: 'Contoso', renewalDate: '2026-12-15' });
    ws.arr(id, '2025-01-01', units(200_000));
    ws.arr(id, '2026-08-01', units(150_000), 'contraction');
    ws.contact(id, 'decision_maker'); // never answers
    const influencer = ws.contact(id, 'influencer');
    ws.interview(id, influencer, '2026-04-10', 9);
    ws.interview(id, influencer, '2026-08-10', 4);
    ws.interview(id, ws.contact(id, 'user'), '2026-08-11', 6);
    const page = await ws.call<AccountMetrics>('metrics.account', { accountId: id, period: Q3_2026 });
    expect(page.scores.weighted.score.value).toBeCloseTo((2 * 4 + 6) / 3, 9);
    expect(page.scores.waterfall).toMatchObject({ role: 'influencer', score: { value: 4 } });
    expect(page.scores.countAll.nps.value).toBe(-100);
    expect(page.category).toBe('detractor');
    expect(page.stakeholderCoverage.rolesAnswered).toEqual(['influencer', 'user']);
    expect(page.stakeholderCoverage.rolesWithoutAnswer).toEqual(['decision_maker']);
    expect(page.trend).toHaveLength(8);
    expect(page.trend.at(-2)).toMatchObject({ responses: 1, headlineCategory: 'promoter' });
    expect(page.trend.at(-1)?.headlineCategory).toBe('detractor');
    expect(page.retention).toMatchObject({ arrStart: { value: units(200_000) }, arrEnd: { value: units(150_000) }, nrr: { value: 0.75 }, class: 'contraction' });
    expect(page.riskZone.placement).toBe('at-risk');
    expect(page.mspSegment.placement).toBe('dangling');
    expect(page.mspSegment.matched).toEqual(expect.arrayContaining(['category detractor', 'ARR contracted last period']));
    expect(page.mspSegment.rule).toMatch(/renewal within 180 days \(2026-12-15\)/);

    ws.override(id, 'msp', 'growth', 'signed an expansion LOI');
    const again = await ws.call<AccountMetrics>('metrics.account', { accountId: id, period: Q3_2026 });
    expect(again.mspSegment).toMatchObject({ placement: 'dangling', override: { placement: 'growth', reason: 'signed an expansion LOI' } });
  });

  it('defaults to the 12 months to today and refuses unknown or deleted accounts', async () => {
    const id = ws.account();
    ws.arr(id, '2025-01-01', units(1_000));
    const page = await ws.call<AccountMetrics>('metrics.account', { accountId: id });
    expect(page.period).toMatchObject({ kind: 'trailing12', from: '2025-11-24', to: '2026-11-23' });
    expect(page.scores.scored).toBe(false);
    expect(page.category).toBeNull();
    expect(page.scores.weighted.score).toMatchObject({ value: null, nullReason: expect.any(String) });
    expect(page.silence.silent).toBe(true);
    ws.softDelete('accounts', id);
    await expect(ws.call('metrics.account', { accountId: id })).rejects.toMatchObject({ code: 'not_found' });
  });
});

function book() {
  const promoter = ws.account({ name: 'P' });
  ws.arr(promoter, '2025-01-01', units(600_000));
  ws.responses(promoter, '2026-05-05', [10]);
  const detractor = ws.account({ name: 'D' });
  ws.arr(detractor, '2025-01-01', units(400_000));
  ws.responses(detractor, '2026-05-05', [2]);
  return { promoter, detractor };
}

describe('simulator, snapshots, scenarios', () => {
  it('simulates moving named accounts and a share of ARR', async () => {
    const { detractor } = book();
    const q2 = { kind: 'quarter', year: 2026, quarter: 2 };
    const sim = await ws.call<MetricsSimulation>('metrics.simulate', { period: q2, moves: [{ kind: 'accounts', accountIds: [detractor], to: 'promoter' }] });
    expect(sim.result.before.revenueWeightedNps.value).toBe(20);
    expect(sim.result.after.revenueWeightedNps.value).toBe(100);
    expect(sim.result.expectedRevenueChange.value).toBe(units(400_000 * 0.8));
    await expect(
      ws.call('metrics.simulate', { period: q2, moves: [{ kind: 'share', from: 'passive', to: 'promoter', shareOfScoredArr: 0.5 }] }),
    ).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/more passive ARR/) });
  });

  it('freezes a quarter, and compares it (with a scenario) with what happened next quarter', async () => {
    const { promoter, detractor } = book();
    const frozen = await ws.call<SnapshotSummary>('metrics.snapshots.freeze', { quarter: { year: 2026, quarter: 2 }, note: 'board pack' });
    expect(frozen).toMatchObject({ period: '2026-Q2', label: '2026 Q2', accounts: 2, note: 'board pack' });
    expect(frozen.headline.revenueWeightedNps.value).toBe(20);
    // What happened next: the detractor churned, the promoter expanded and answered again.
    ws.arr(detractor, '2026-08-15', 0, 'churn');
    ws.arr(promoter, '2026-09-01', units(700_000), 'expansion');
    ws.responses(promoter, '2026-08-20', [9]);
    const scenario = await ws.call<Scenario>('metrics.scenarios.save', { name: 'save the detractor', snapshotId: frozen.id, moves: [{ kind: 'accounts', accountIds: [detractor], to: 'passive' }] });
    expect(scenario.result?.after.arrByCategory).toMatchObject({ promoter: units(600_000), passive: units(400_000), detractor: 0 });
    const cmp = await ws.call<SnapshotComparison>('metrics.snapshots.compare', { snapshotId: frozen.id, scenarioId: scenario.id });
    expect(cmp.nextPeriod.label).toBe('2026 Q3');
    expect(cmp.nextPeriodComplete).toBe(true);
    // Model R: 600k × 1.30 + 400k × 0.50 = 980k; actually 700k.
    expect(cmp.expected.revenue.value).toBe(units(980_000));
    expect(cmp.actual.revenue.value).toBe(units(700_000));
    expect(cmp.differences.actualVsExpectedRevenue.value).toBe(units(-280_000));
    expect(cmp.scenario?.after.expectedRevenue.value).toBe(units(600_000 * 1.3 + 400_000 * 0.7));
    expect(cmp.actual.revenueWeightedNps.value).toBe(100);
    expect(cmp.differences.actualVsScenarioNps.value).toBe(100 - 60);

    const listed = await ws.call<SnapshotSummary[]>('metrics.snapshots.list');
    expect(listed.map((s) => s.id)).toEqual([frozen.id]);
    expect((await ws.call<Scenario[]>('metrics.scenarios.list')).map((s) => s.name)).toEqual(['save the detractor']);
  });

  it('the next quarter not over yet: the actual side is null, with the reason', async () => {
    book();
    ws.responses(ws.account(), '2026-08-01', [9]);
    const frozen = await ws.call<SnapshotSummary>('metrics.snapshots.freeze');
    expect(frozen.period).toBe('2026-Q3');
    const cmp = await ws.call<SnapshotComparison>('metrics.snapshots.compare', { snapshotId: frozen.id });
    expect(cmp.nextPeriodComplete).toBe(false);
    expect(cmp.actual.revenue).toMatchObject({ value: null, nullReason: expect.stringMatching(/not ended/) });
    expect(cmp.scenario).toBeNull();
    await expect(ws.call('metrics.snapshots.freeze', { quarter: { year: 2026, quarter: 4 } })).rejects.toMatchObject({ code: 'invalid_input' });
  });
});

describe('metric settings', () => {
  it('reads defaults, stores only what changed, validates the whole, and resets', async () => {
    const initial = await ws.call<MetricSettingsInfo>('metrics.settings.get');
    expect(initial.settings.roleWeights).toEqual({ decision_maker: 3, influencer: 2, user: 1 });
    expect(initial.stored).toEqual({});
    const updated = await ws.call<MetricSettingsInfo>('metrics.settings.update', { patch: { roleWeights: { user: 2 }, silenceDays: 90 } });
    expect(updated.settings.roleWeights).toEqual({ decision_maker: 3, influencer: 2, user: 2 });
    expect(updated.stored).toEqual({ roleWeights: { user: 2 }, silenceDays: 90 });
    await expect(ws.call('metrics.settings.update', { patch: { roleWeights: { user: -1 } } })).rejects.toMatchObject({
      code: 'invalid_input',
      fields: { 'patch.roleWeights.user': expect.any(String) },
    });
    const cleared = await ws.call<MetricSettingsInfo>('metrics.settings.update', { patch: { silenceDays: null } });
    expect(cleared.stored).toEqual({ roleWeights: { user: 2 } });
    const reset = await ws.call<MetricSettingsInfo>('metrics.settings.update', { reset: true });
    expect(reset.stored).toEqual({});
    expect(reset.settings).toEqual(reset.defaults);
  });

  it('role weights flow through to the weighted method', async () => {
    const id = ws.account();
    ws.arr(id, '2025-01-01', units(1_000));
    ws.responses(id, '2026-08-01', [10], 'user');
    ws.responses(id, '2026-08-01', [5], 'decision_maker');
    const before = await ws.call<AccountMetrics>('metrics.account', { accountId: id, period: Q3_2026 });
    expect(before.scores.weighted.score.value).toBeCloseTo((10 + 15) / 4, 9);
    await ws.call('metrics.settings.update', { patch: { roleWeights: { decision_maker: 1 } } });
    const after = await ws.call<AccountMetrics>('metrics.account', { accountId: id, period: Q3_2026 });
    expect(after.scores.weighted.score.value).toBe(7.5);
  });
});
