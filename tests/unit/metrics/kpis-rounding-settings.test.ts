import { describe, expect, it } from 'vitest';
import { ces, csat } from '../../../main/metrics/kpis';
import { DEFAULT_METRIC_SETTINGS, metricSettingsSchema } from '../../../shared/domain/metrics-settings';
import { roundHalfAwayFromZero } from '../../../shared/domain/rounding';

describe('CSAT and CES (metrics.md §11)', () => {
  it('CSAT = share of 4–5 answers × 100; unanswered left out', () => {
    expect(csat([5, 4, 3, 2, 1, null]).value).toBe(40);
    expect(csat([]).value).toBeNull();
    expect(() => csat([6])).toThrow(/1\.\.5/);
  });

  it('CES = mean on 1–7', () => {
    expect(ces([1, 2, 3, 4, 5, 6, 7]).value).toBe(4);
    expect(ces([null]).value).toBeNull();
    expect(() => ces([0])).toThrow(RangeError);
    expect(() => ces([3.5])).toThrow(RangeError);
  });
});

describe('display rounding, half away from zero', () => {
  it.each([
    [12.5, 0, 13],
    [-12.5, 0, -13],
    [1.005, 2, 1.01],
    [2.675, 2, 2.68],
    [-2.675, 2, -2.68],
    [27.568097504, 3, 27.568],
    [33.333333333333336, 1, 33.3],
    [1e-7, 2, 0],
    [123456.785, 2, 123456.79],
  ])('%d to %d dp → %d', (x, dp, expected) => {
    expect(roundHalfAwayFromZero(x, dp)).toBe(expected);
  });

  it('never returns −0 and refuses non-finite input', () => {
    expect(Object.is(roundHalfAwayFromZero(-0.4, 0), 0)).toBe(true);
    expect(() => roundHalfAwayFromZero(Number.NaN, 0)).toThrow(RangeError);
  });
});

describe('metric settings', () => {
  it('defaults match metrics.md', () => {
    expect(DEFAULT_METRIC_SETTINGS).toMatchObject({
      roleWeights: { decision_maker: 3, influencer: 2, user: 1 },
      headlineMethod: 'weighted',
      atRiskRule: 'detractor',
      churnProbability: { detractor: 0.5, passive: 0.3, promoter: 0 },
      unscoredTreatedAs: 'passive',
      expansionRate: { promoter: 0.3, passive: 0, detractor: 0 },
      growthFactor: 0.3,
      revenueCoverageTarget: 0.8,
      silenceDays: 180,
      driverScale: { min: 1, max: 5, negativeAtMost: 2 },
      grossMargin: 1,
      churnRateFloor: 0.01,
      loop: { firstContactHours: 48, closeDays: 14, passivesOpenActions: false },
      segments: { renewalWithinDays: 180, passiveFallPoints: 2, passiveRisePoints: 1 },
      nrrTarget: 1,
      evidenceMinimumSample: 30,
    });
  });

  it('a partial setting keeps the other defaults of its group', () => {
    const settings = metricSettingsSchema.parse({ roleWeights: { user: 0.5 }, atRiskRule: 'nps-below-minus-20' });
    expect(settings.roleWeights).toEqual({ decision_maker: 3, influencer: 2, user: 0.5 });
    expect(settings.atRiskRule).toBe('nps-below-minus-20');
  });

  it('rejects impossible settings', () => {
    expect(metricSettingsSchema.safeParse({ churnProbability: { detractor: 1.5 } }).success).toBe(false);
    expect(metricSettingsSchema.safeParse({ roleWeights: { user: 0 } }).success).toBe(false);
    expect(metricSettingsSchema.safeParse({ driverScale: { negativeAtMost: 5 } }).success).toBe(false);
    expect(metricSettingsSchema.safeParse({ headlineMethod: 'median' }).success).toBe(false);
  });
});
