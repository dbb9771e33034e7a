import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  categoryNrr,
  evidenceSlope,
  expectedRevenue,
  simulate,
  valueOfOnePoint,
  type ScoreNrrPoint,
} from '../../../main/metrics/value-of-point';
import { DEFAULT_METRIC_SETTINGS, metricSettingsSchema } from '../../../shared/domain/metrics-settings';
import type { NpsCategory } from '../../../shared/domain/metrics-types';

const money = (units: number) => units * 100;

describe('value of one NPS point (metrics.md §7)', () => {
  it('NRR per category = 1 − churn + expansion: promoter 1.30, passive 0.70, detractor 0.50, unscored as passive', () => {
    const nrr = categoryNrr(DEFAULT_METRIC_SETTINGS);
    expect(nrr.promoter).toBeCloseTo(1.3, 12);
    expect(nrr.passive).toBeCloseTo(0.7, 12);
    expect(nrr.detractor).toBe(0.5);
    expect(nrr.unscored).toBe(nrr.passive);
  });

  it('V1: scored ARR 10,000,000 → 0.01 × 10,000,000 × (1.30 − 0.50) / 2 = 40,000 per point', () => {
    const value = valueOfOnePoint(money(10_000_000), DEFAULT_METRIC_SETTINGS);
    expect(value.value).toBe(money(40_000));
    // The mean of the two one-step moves gives the same value.
    const { detractorToPassiveMove, passiveToPromoterMove } = value.inputs as Record<string, number>;
    expect(((detractorToPassiveMove ?? NaN) + (passiveToPromoterMove ?? NaN)) / 2).toBe(money(40_000));
  });

  it('is null without scored ARR', () => {
    expect(valueOfOnePoint(0, DEFAULT_METRIC_SETTINGS).value).toBeNull();
  });

  it('R = Σ ARR × NRR of its category', () => {
    const R = expectedRevenue({ promoter: money(100), passive: money(200), detractor: money(400), unscored: money(10) }, DEFAULT_METRIC_SETTINGS);
    expect(R.value).toBe(money(130 + 140 + 200 + 7));
  });
});

describe('simulator', () => {
  const accounts = [
    { accountId: 'a', arr: money(100_000), category: 'passive' as NpsCategory },
    { accountId: 'b', arr: money(400_000), category: 'detractor' as NpsCategory },
    { accountId: 'c', arr: money(500_000), category: 'promoter' as NpsCategory },
    { accountId: 'u', arr: money(50_000), category: null },
  ];

  it('moving a named account shows R and NPS before and after', () => {
    const result = simulate(accounts, [{ kind: 'accounts', accountIds: ['b'], to: 'passive' }], DEFAULT_METRIC_SETTINGS);
    // R before: 0.7·100k + 0.5·400k + 1.3·500k + 0.7·50k = 955k; after, b at 0.7: 1,035k.
    expect(result.before.expectedRevenue.value).toBe(money(955_000));
    expect(result.after.expectedRevenue.value).toBe(money(1_035_000));
    expect(result.expectedRevenueChange.value).toBe(money(80_000));
    expect(result.before.revenueWeightedNps.value).toBe(10);
    expect(result.after.revenueWeightedNps.value).toBe(50);
    expect(result.revenueWeightedNpsChange.value).toBe(40);
    expect(result.before.accountNps.value).toBe(0);
    expect(result.after.accountNps.value).toBeCloseTo(100 / 3, 12);
  });

  it('moving a share of scored ARR changes revenue-weighted NPS; account NPS becomes undefined', () => {
    const result = simulate(accounts, [{ kind: 'share', from: 'detractor', to: 'promoter', shareOfScoredArr: 0.1 }], DEFAULT_METRIC_SETTINGS);
    expect(result.after.arrByCategory).toMatchObject({ detractor: money(300_000), promoter: money(600_000) });
    expect(result.revenueWeightedNpsChange.value).toBeCloseTo(20, 9);
    expect(result.expectedRevenueChange.value).toBe(money(80_000));
    expect(result.after.accountNps.value).toBeNull();
  });

  it('refuses to move more ARR than a category holds, or an unknown account', () => {
    expect(() => simulate(accounts, [{ kind: 'share', from: 'passive', to: 'promoter', shareOfScoredArr: 0.2 }], DEFAULT_METRIC_SETTINGS)).toThrow(
      /more passive ARR/,
    );
    expect(() => simulate(accounts, [{ kind: 'accounts', accountIds: ['nope'], to: 'promoter' }], DEFAULT_METRIC_SETTINGS)).toThrow(/nope/);
  });

  it('property: 1 % of scored ARR detractor → promoter is +2 points and 2 × the value of one point; the one-step moves average to it', () => {
    const settings = fc.record({
      churnProbability: fc.record({ detractor: fc.double({ min: 0, max: 1, noNaN: true }), passive: fc.double({ min: 0, max: 1, noNaN: true }), promoter: fc.double({ min: 0, max: 1, noNaN: true }) }),
      expansionRate: fc.record({ detractor: fc.double({ min: 0, max: 1, noNaN: true }), passive: fc.double({ min: 0, max: 1, noNaN: true }), promoter: fc.double({ min: 0, max: 1, noNaN: true }) }),
    });
    // Categories hold whole multiples of 1 % of scored ARR, at least one each, so every move fits exactly.
    const portfolio = fc
      .tuple(fc.integer({ min: 1, max: 98 }), fc.integer({ min: 1, max: 98 }), fc.integer({ min: 1, max: 10_000_000 }), fc.integer({ min: 0, max: 1e9 }))
      .filter(([detractorShare, passiveShare]) => detractorShare + passiveShare <= 99);
    fc.assert(
      fc.property(settings, portfolio, (rawSettings, [detractorShare, passiveShare, onePercent, unscored]) => {
        const s = metricSettingsSchema.parse(rawSettings);
        const list = [
          { accountId: 'd', arr: detractorShare * onePercent, category: 'detractor' as NpsCategory },
          { accountId: 'p', arr: passiveShare * onePercent, category: 'passive' as NpsCategory },
          { accountId: 'r', arr: (100 - detractorShare - passiveShare) * onePercent, category: 'promoter' as NpsCategory },
          ...(unscored > 0 ? [{ accountId: 'u', arr: unscored, category: null }] : []),
        ];
        const point = valueOfOnePoint(100 * onePercent, s).value ?? NaN;
        const move = (from: NpsCategory, to: NpsCategory) => simulate(list, [{ kind: 'share', from, to, shareOfScoredArr: 0.01 }], s);

        const twoSteps = move('detractor', 'promoter');
        expect(twoSteps.revenueWeightedNpsChange.value).toBeCloseTo(2, 9);
        // Each R and the value of a point are rounded once to the minor unit: at most 2 units apart.
        expect(Math.abs((twoSteps.expectedRevenueChange.value ?? NaN) - 2 * point)).toBeLessThanOrEqual(2);

        const up1 = move('detractor', 'passive');
        const up2 = move('passive', 'promoter');
        expect(up1.revenueWeightedNpsChange.value).toBeCloseTo(1, 9);
        expect(up2.revenueWeightedNpsChange.value).toBeCloseTo(1, 9);
        const mean = ((up1.expectedRevenueChange.value ?? NaN) + (up2.expectedRevenueChange.value ?? NaN)) / 2;
        expect(Math.abs(mean - point)).toBeLessThanOrEqual(2);
      }),
    );
  });
});

describe('evidence-based slope', () => {
  const line = (n: number): ScoreNrrPoint[] =>
    Array.from({ length: n }, (_, index) => ({ accountId: `a${index}`, weightedScore: index % 11, nextNrr: 0.6 + 0.05 * (index % 11) }));

  it('is hidden below 30 account-periods', () => {
    const result = evidenceSlope(line(29), DEFAULT_METRIC_SETTINGS);
    expect(result.slope.value).toBeNull();
    expect(result.slope.nullReason).toMatch(/29 of the 30/);
  });

  it('fits the least-squares line with R² and n from 30 points', () => {
    const result = evidenceSlope(line(30), DEFAULT_METRIC_SETTINGS);
    expect(result.sampleSize).toBe(30);
    expect(result.slope.value).toBeCloseTo(0.05, 12);
    expect(result.intercept.value).toBeCloseTo(0.6, 12);
    expect(result.rSquared.value).toBeCloseTo(1, 12);
  });

  it('matches the textbook formulas on noisy data', () => {
    const points = Array.from({ length: 40 }, (_, index) => ({ accountId: `a${index}`, weightedScore: index % 10, nextNrr: 1 + ((index * 7) % 13) / 100 }));
    const xs = points.map((point) => point.weightedScore);
    const ys = points.map((point) => point.nextNrr);
    const n = points.length;
    const sx = xs.reduce((a, b) => a + b, 0);
    const sy = ys.reduce((a, b) => a + b, 0);
    const sxy = xs.reduce((total, x, i) => total + x * (ys[i] ?? NaN), 0);
    const sxx = xs.reduce((total, x) => total + x * x, 0);
    const syy = ys.reduce((total, y) => total + y * y, 0);
    const slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
    const r = (n * sxy - sx * sy) / Math.sqrt((n * sxx - sx * sx) * (n * syy - sy * sy));
    const result = evidenceSlope(points, DEFAULT_METRIC_SETTINGS);
    expect(result.slope.value).toBeCloseTo(slope, 10);
    expect(result.rSquared.value).toBeCloseTo(r * r, 10);
  });
});
