import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  InvalidNpsScoreError,
  categorize,
  countCategories,
  npsFromCounts,
  npsFromScores,
  parseNpsScore,
  poolCounts,
  validNpsScores,
} from '../../../main/metrics/nps';
import { roundHalfAwayFromZero } from '../../../shared/domain/rounding';

const N1 = [10, 9, 9, 8, 7, 6, 5, 10, 0, 9];

describe('categories (metrics.md §1)', () => {
  it('promoter 9–10, passive 7–8, detractor 0–6', () => {
    expect([0, 6, 7, 8, 9, 10].map(categorize)).toEqual(['detractor', 'detractor', 'passive', 'passive', 'promoter', 'promoter']);
  });

  it('categorises a mean without rounding it', () => {
    expect(categorize(8.999)).toBe('passive');
    expect(categorize(6.999)).toBe('detractor');
  });
});

describe('NPS golden vectors', () => {
  it('N1: P 5, Pa 2, D 3, N 10, NPS 20', () => {
    const result = npsFromScores(N1);
    expect(result.counts).toEqual({ promoters: 5, passives: 2, detractors: 3, total: 10 });
    expect(result.nps.value).toBe(20);
    expect(result.nps.formula).toBe('100 × (P − D) / N');
    expect(result.nps.inputs).toMatchObject({ promoters: 5, detractors: 3, responses: 10 });
  });

  it('N2: [] → null with a reason; [7,8,7] → 0; [0] → −100; [10] → +100', () => {
    const empty = npsFromScores([]);
    expect(empty.nps.value).toBeNull();
    expect(empty.nps.nullReason).toMatch(/no valid responses/);
    expect(empty.standardError.value).toBeNull();
    expect(empty.interval95.low).toBeNull();
    expect(npsFromScores([7, 8, 7]).nps.value).toBe(0);
    expect(npsFromScores([0]).nps.value).toBe(-100);
    expect(npsFromScores([10]).nps.value).toBe(100);
  });

  it('N3: SE = 100 × sqrt((0.5 + 0.3 − 0.04) / 10) = 27.568', () => {
    const { standardError, interval95, nps } = npsFromScores(N1);
    expect(standardError.value).toBeCloseTo(100 * Math.sqrt(0.76 / 10), 12);
    expect(roundHalfAwayFromZero(standardError.value ?? NaN, 3)).toBe(27.568);
    expect(interval95.low).toBeCloseTo((nps.value ?? NaN) - 1.96 * 27.5680975, 5);
    expect(interval95.high).toBeCloseTo((nps.value ?? NaN) + 1.96 * 27.5680975, 5);
    expect(interval95.notes).toBeUndefined();
  });

  it('clips the interval to −100..100 and says so', () => {
    const { interval95 } = npsFromCounts({ promoters: 9, passives: 0, detractors: 2 });
    expect(interval95.high).toBe(100);
    expect(interval95.notes?.[0]).toMatch(/clipped/);
  });
});

describe('invalid scores are rejected with a clear error', () => {
  it.each([[11], [-1], [7.5], ['8'], [Number.NaN], [true]])('rejects %j', (bad) => {
    expect(() => npsFromScores([9, bad])).toThrow(InvalidNpsScoreError);
  });

  it('names the value, its position and the reason', () => {
    expect(() => npsFromScores([9, 11])).toThrow('NPS score #2 11 is invalid: NPS answers range from 0 to 10');
    expect(() => npsFromScores([7.5])).toThrow('NPS score #1 7.5 is invalid: NPS answers are whole numbers 0..10');
    expect(() => npsFromScores(['8'])).toThrow('NPS score #1 "8" is invalid: expected a number, got a string');
    expect(() => parseNpsScore(-1)).toThrow('NPS score -1 is invalid: NPS answers range from 0 to 10');
  });

  it('leaves unanswered (null) out of N instead of counting it as 0', () => {
    expect(validNpsScores([1, null, 10, undefined, 10])).toEqual([1, 10, 10]);
    expect(npsFromScores([1, null, 10, 10]).counts.total).toBe(3);
  });

  it('rejects impossible counts', () => {
    expect(() => npsFromCounts({ promoters: -1, passives: 0, detractors: 0 })).toThrow(RangeError);
    expect(() => npsFromCounts({ promoters: 1.5, passives: 0, detractors: 0 })).toThrow(RangeError);
  });
});

describe('NPS properties', () => {
  const scores = fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 1, maxLength: 200 });

  it('lies in −100..100 and equals the mean of scores recoded −100 / 0 / +100', () => {
    fc.assert(
      fc.property(scores, (list) => {
        const nps = npsFromScores(list).nps.value ?? NaN;
        const recoded = list.map((score): number => (score >= 9 ? 100 : score >= 7 ? 0 : -100));
        const mean = recoded.reduce((sum, value) => sum + value, 0) / list.length;
        expect(nps).toBeGreaterThanOrEqual(-100);
        expect(nps).toBeLessThanOrEqual(100);
        expect(nps).toBeCloseTo(mean, 9);
      }),
    );
  });

  it('pooled counts give the NPS of the concatenated answers', () => {
    fc.assert(
      fc.property(fc.array(scores, { minLength: 1, maxLength: 5 }), (groups) => {
        const pooled = npsFromCounts(poolCounts(groups.map(countCategories))).nps.value;
        expect(pooled).toBeCloseTo(npsFromScores(groups.flat()).nps.value ?? NaN, 9);
      }),
    );
  });

  it('the interval contains the NPS and stays within −100..100', () => {
    fc.assert(
      fc.property(scores, (list) => {
        const { nps, interval95 } = npsFromScores(list);
        expect(interval95.low).toBeGreaterThanOrEqual(-100);
        expect(interval95.high).toBeLessThanOrEqual(100);
        expect(interval95.low).toBeLessThanOrEqual(nps.value ?? NaN);
        expect(interval95.high).toBeGreaterThanOrEqual(nps.value ?? NaN);
      }),
    );
  });
});
