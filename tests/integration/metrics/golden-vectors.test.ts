/**
 * metrics.md's golden vectors, end to end: rows in a real workspace file → SQL aggregation →
 * pure functions → the contract's output.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AccountMetrics, MetricsDashboard } from '../../../shared/contract/metrics';
import { roundHalfAwayFromZero } from '../../../shared/domain/rounding';
import { Q3_2026, units, Workspace } from './fixture';

let ws: Workspace;
beforeEach(async () => {
  ws = await Workspace.create();
});
afterEach(() => ws.close());

const dashboard = (input: unknown = { period: Q3_2026 }) => ws.call<MetricsDashboard>('metrics.dashboard', input);
const round = (value: number | null | undefined, dp = 3) => (value === null || value === undefined ? value : roundHalfAwayFromZero(value, dp));

function a1(): { a: string; b: string } {
  const a = ws.account({ name: 'A' });
  ws.arr(a, '2025-01-01', units(100_000));
  ws.responses(a, '2026-08-10', [7], 'influencer');
  ws.responses(a, '2026-08-10', [10, 10, 9, 9], 'user');
  const b = ws.account({ name: 'B' });
  ws.arr(b, '2025-01-01', units(400_000));
  ws.responses(b, '2026-08-11', [6], 'decision_maker');
  return { a, b };
}

describe('A1: two accounts, four methods (metrics.md §2)', () => {
  it('gives every method side by side, and the headline by the default weighted method', async () => {
    a1();
    const d = await dashboard();
    expect(d.methodPanel.headlineMethod).toBe('weighted');
    expect(d.methodPanel.portfolioNps['count-all'].value).toBe(50);
    expect(d.methodPanel.portfolioNps.average.value).toBe(0);
    expect(d.methodPanel.portfolioNps.waterfall.value).toBe(-50);
    expect(d.methodPanel.portfolioNps.weighted.value).toBe(-50);
    expect(d.methodPanel.revenueWeightedNps.average.value).toBe(-60);
    expect(d.methodPanel.revenueWeightedNps.weighted.value).toBe(-80);
    expect(d.headline.nps.value).toBe(50);
    expect(d.headline.nps.inputs).toMatchObject({ promoters: 4, passives: 1, detractors: 1, responses: 6 });
    expect(d.headline.responses.value).toBe(6);
    expect(d.headline.portfolioNps.value).toBe(-50);
    expect(d.headline.revenueWeightedNps.value).toBe(-80);
  });

  it('revenue-weighted NPS follows the headline method setting (average → −60)', async () => {
    a1();
    await ws.call('metrics.settings.update', { patch: { headlineMethod: 'average' } });
    const d = await dashboard();
    expect(d.headline.revenueWeightedNps.value).toBe(-60);
    expect(d.headline.portfolioNps.value).toBe(0);
  });

  it('account page: A is passive by the weighted method (8.667), B a detractor at risk', async () => {
    const { a, b } = a1();
    const pageA = await ws.call<AccountMetrics>('metrics.account', { accountId: a, period: Q3_2026 });
    expect(round(pageA.scores.weighted.score.value)).toBe(8.667);
    expect(pageA.scores.average).toMatchObject({ category: 'promoter', score: { value: 9 } });
    expect(pageA.scores.waterfall).toMatchObject({ category: 'passive', role: 'influencer', score: { value: 7 } });
    expect(pageA.category).toBe('passive');
    expect(pageA.atRisk.atRisk).toBe(false);
    const pageB = await ws.call<AccountMetrics>('metrics.account', { accountId: b, period: Q3_2026 });
    expect(pageB.category).toBe('detractor');
    expect(pageB.atRisk.atRisk).toBe(true);
    expect(pageB.atRisk.rule).toMatch(/detractor/);
    expect(pageB.atRisk.why.join(' ')).toMatch(/weighted score 6\.00 → detractor/);
  });
});

describe('R1: the alternative at-risk rule, account NPS < −20 strictly (§4)', () => {
  it('−25 is at risk, −20 is not', async () => {
    const x = ws.account({ name: 'X' });
    ws.arr(x, '2025-01-01', units(1_000));
    ws.responses(x, '2026-08-01', [10, 0, 0, 8]); // 100 × (1 − 2) / 4 = −25
    const y = ws.account({ name: 'Y' });
    ws.arr(y, '2025-01-01', units(2_000));
    ws.responses(y, '2026-08-01', [10, 0, 0, 8, 8]); // 100 × (1 − 2) / 5 = −20
    await ws.call('metrics.settings.update', { patch: { atRiskRule: 'nps-below-minus-20' } });
    const d = await dashboard();
    expect(d.headline.arrAtRisk.value).toBe(units(1_000));
    expect(d.headline.arrAtRisk.accountIds).toEqual([x]);
    const pageY = await ws.call<AccountMetrics>('metrics.account', { accountId: y, period: Q3_2026 });
    expect(pageY.atRisk.atRisk).toBe(false);
    expect(pageY.atRisk.why[0]).toMatch(/-20\.0 ≥ -20/);
  });
});

describe('R2: expected revenue loss and potential growth (§4)', () => {
  it('20 detractors, 30 passives, 50 promoters at 1,000 each → 10,000 / 9,000 / 15,000', async () => {
    const plan: [number, number][] = [
      [20, 3],
      [30, 8],
      [50, 10],
    ];
    ws.batch(() => {
      for (const [count, score] of plan) {
        for (let i = 0; i < count; i++) {
          const id = ws.account();
          ws.arr(id, '2025-01-01', units(1_000));
          ws.responses(id, '2026-09-01', [score]);
        }
      }
    });
    const d = await dashboard();
    expect(d.headline.expectedLossShortTerm.value).toBe(units(10_000));
    expect(d.headline.expectedLossLongTerm.value).toBe(units(9_000));
    expect(d.headline.potentialGrowth.value).toBe(units(15_000));
  });
});

describe('G1: NRR and GRR from ARR records twelve months apart (§6)', () => {
  it('start 1,000,000; churn 80,000; contraction 20,000; expansion 150,000 → GRR 90 %, NRR 105 %', async () => {
    const start = '2025-09-30';
    const during = '2026-05-15';
    const churned = ws.account();
    ws.arr(churned, start, units(80_000));
    ws.arr(churned, during, 0, 'churn');
    const contracted = ws.account();
    ws.arr(contracted, start, units(100_000));
    ws.arr(contracted, during, units(80_000), 'contraction');
    const expanded = ws.account();
    ws.arr(expanded, start, units(200_000));
    ws.arr(expanded, during, units(350_000), 'expansion');
    const flat = ws.account();
    ws.arr(flat, '2024-06-30', units(620_000));
    const brandNew = ws.account();
    ws.arr(brandNew, '2026-02-01', units(50_000), 'new');
    const d = await dashboard();
    expect(round(d.headline.grr.value, 9)).toBe(0.9);
    expect(round(d.headline.nrr.value, 9)).toBe(1.05);
    expect(d.headline.nrr.inputs).toMatchObject({ startArr: units(1_000_000), churnedArr: units(80_000), contractionArr: units(20_000), expansionArr: units(150_000), cohortAccounts: 4 });
    expect(d.retentionTrend.at(-1)?.nrr.value).toBe(d.headline.nrr.value);
  });
});

describe('V1: value of one NPS point (§7)', () => {
  it('scored ARR 10,000,000 with the default assumptions → 40,000 per point', async () => {
    const id = ws.account();
    ws.arr(id, '2025-01-01', units(10_000_000));
    ws.responses(id, '2026-07-20', [9]);
    const unscored = ws.account();
    ws.arr(unscored, '2025-01-01', units(5_000_000));
    const d = await dashboard();
    expect(d.valueOfOnePoint.model.value).toBe(units(40_000));
    expect(d.valueOfOnePoint.model.inputs.scoredArr).toBe(units(10_000_000));
  });
});

describe('C1: revenue coverage (§3)', () => {
  it('6.5M surveyed of 10M → 65 %, below the 80 % target', async () => {
    const surveyed = ws.account();
    ws.arr(surveyed, '2025-01-01', units(6_500_000));
    ws.responses(surveyed, '2026-07-02', [8]);
    const quiet = ws.account();
    ws.arr(quiet, '2025-01-01', units(3_500_000));
    ws.responses(quiet, '2026-06-30', [8]); // the quarter before: does not count
    const d = await dashboard();
    expect(d.headline.coverage.coverage.value).toBe(0.65);
    expect(d.headline.coverage.meetsTarget).toBe(false);
    expect(d.headline.coverage.coverage.accountIds).toEqual([surveyed]);
  });
});

describe('S1: Success Vector (§9)', () => {
  it('ratings 4, 3, 5 and 3 of 4 milestones on time → 77.5; direction against the previous QBR', async () => {
    const id = ws.account();
    ws.arr(id, '2025-01-01', units(50_000));
    ws.qbr(id, '2026-06-10', 3, 3, 3); // 60, no milestones due before it
    ws.milestone(id, '2026-07-01', '2026-06-30');
    ws.milestone(id, '2026-07-15', '2026-07-15');
    ws.milestone(id, '2026-08-01', '2026-07-20');
    ws.milestone(id, '2026-08-20', '2026-08-25'); // late
    ws.qbr(id, '2026-09-15', 4, 3, 5);
    const page = await ws.call<AccountMetrics>('metrics.account', { accountId: id, period: Q3_2026 });
    const [first, second] = page.successVector.history;
    expect(first?.result?.successVector.value).toBe(60);
    expect(second?.milestones).toMatchObject({ due: 4, achievedOnTime: 3, dueFrom: '2026-06-11', dueTo: '2026-09-15' });
    expect(round(second?.result?.successVector.value ?? null, 9)).toBe(77.5);
    expect(second?.direction.direction).toBe('up');
    expect(round(second?.direction.change.value ?? null, 9)).toBe(17.5);
  });
});

describe('D1: NPS waterfall by driver (§5)', () => {
  it('N = 10; a promoter citing 3 drivers adds 3.333 to each; the bars sum to the NPS', async () => {
    const id = ws.account();
    ws.arr(id, '2025-01-01', units(10_000));
    const drivers = ['Price', 'Support', 'Product'].map((name) => ws.driver(name));
    const [promoter] = ws.responses(id, '2026-08-01', [10]);
    for (const driver of drivers) ws.rating(promoter!, driver, 5);
    ws.responses(id, '2026-08-01', Array.from({ length: 9 }, () => 8));
    const d = await dashboard();
    const { waterfall } = d.drivers;
    expect(waterfall.nps.value).toBe(10);
    for (const label of ['Price', 'Support', 'Product']) {
      expect(round(waterfall.contributions.find((c) => c.label === label)?.contribution.value)).toBe(3.333);
    }
    expect(waterfall.contributions.at(-1)).toMatchObject({ driverId: null, label: 'Other', responses: 9 });
    const sum = waterfall.contributions.reduce((total, c) => total + (c.contribution.value ?? 0), 0);
    expect(Math.abs(sum - 10)).toBeLessThan(1e-9);
  });

  it('driver ARR at risk: an at-risk account’s ARR split over the drivers rated negatively; exposure overlaps', async () => {
    const price = ws.driver('Price');
    const support = ws.driver('Support');
    const risky = ws.account({ name: 'Risky' });
    ws.arr(risky, '2025-01-01', 100_001);
    const [r1] = ws.responses(risky, '2026-08-01', [3]);
    ws.rating(r1!, price, 1);
    ws.rating(r1!, support, 2);
    const fine = ws.account({ name: 'Fine' });
    ws.arr(fine, '2025-01-01', 50_000);
    const [r2] = ws.responses(fine, '2026-08-01', [10]);
    ws.rating(r2!, price, 2);
    ws.rating(r2!, support, 5);
    const silentRisk = ws.account({ name: 'No drivers' });
    ws.arr(silentRisk, '2025-01-01', 7_000);
    ws.responses(silentRisk, '2026-08-01', [2]);
    const d = await dashboard();
    expect(d.drivers.arrAtRisk.value).toBe(107_001);
    const byLabel = Object.fromEntries(d.drivers.ranking.map((driver) => [driver.label, driver]));
    expect(byLabel.Price?.attributed.value).toBe(50_001);
    expect(byLabel.Support?.attributed.value).toBe(50_000);
    expect(byLabel.Price?.exposed.value).toBe(150_001);
    expect(byLabel.Support?.exposed.value).toBe(100_001);
    expect(d.drivers.unattributed?.attributed.value).toBe(7_000);
    const attributed = d.drivers.ranking.reduce((sum, driver) => sum + (driver.attributed.value ?? 0), d.drivers.unattributed?.attributed.value ?? 0);
    expect(attributed).toBe(d.drivers.arrAtRisk.value);
  });
});
