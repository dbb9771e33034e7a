import { describe, expect, it } from 'vitest';
import { adherence, revenueAtExpenseOfSuccess, successVector, successVectorDirection } from '../../../main/metrics/success-vector';
import { DEFAULT_METRIC_SETTINGS } from '../../../shared/domain/metrics-settings';

describe('Success Vector (metrics.md §9)', () => {
  it('S1: ratings 4, 3, 5 (mean 4 → 0.8); 3 of 4 milestones on time (0.75) → 77.5', () => {
    const result = successVector({ tools: 4, investment: 3, desire: 5 }, { due: 4, achievedOnTime: 3 });
    expect(result.subjective.value).toBe(0.8);
    expect(result.adherence.value).toBe(0.75);
    expect(result.successVector.value).toBe(77.5);
  });

  it('with no milestones due: adherence null, vector = 100 × subjective', () => {
    const result = successVector({ tools: 4, investment: 3, desire: 5 }, { due: 0, achievedOnTime: 0 });
    expect(result.adherence.value).toBeNull();
    expect(result.successVector.value).toBe(80);
    expect(result.successVector.rule).toMatch(/no milestones due/);
  });

  it('rejects ratings off 1–5 and impossible milestone counts', () => {
    expect(() => successVector({ tools: 0, investment: 3, desire: 5 }, { due: 1, achievedOnTime: 1 })).toThrow(/tools rating/);
    expect(() => adherence({ due: 2, achievedOnTime: 3 })).toThrow(RangeError);
  });

  it('direction is the change since the previous QBR', () => {
    expect(successVectorDirection(77.5, 80)).toMatchObject({ direction: 'down', change: { value: -2.5 } });
    expect(successVectorDirection(80, 80).direction).toBe('flat');
    expect(successVectorDirection(80, null)).toMatchObject({ direction: null, change: { value: null } });
  });

  it('alerts "revenue met at the expense of success": NRR ≥ target while the vector fell at two consecutive QBRs', () => {
    expect(revenueAtExpenseOfSuccess(1.0, [90, 85, 80], DEFAULT_METRIC_SETTINGS).raised).toBe(true);
    expect(revenueAtExpenseOfSuccess(0.99, [90, 85, 80], DEFAULT_METRIC_SETTINGS).raised).toBe(false);
    expect(revenueAtExpenseOfSuccess(1.2, [90, 85, 85], DEFAULT_METRIC_SETTINGS).raised).toBe(false);
    expect(revenueAtExpenseOfSuccess(1.2, [80, 90, 85, 80], DEFAULT_METRIC_SETTINGS).raised).toBe(true);
    expect(revenueAtExpenseOfSuccess(1.2, [90, 85, 80, 82], DEFAULT_METRIC_SETTINGS).raised).toBe(false);
    expect(revenueAtExpenseOfSuccess(1.2, [85, 80], DEFAULT_METRIC_SETTINGS).raised).toBe(false);
    expect(revenueAtExpenseOfSuccess(null, [90, 85, 80], DEFAULT_METRIC_SETTINGS).rule).toMatch(/NRR —/);
  });
});
