import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMinorUnits, assertAccountArr, assertArr, sumMinorUnits } from '../../../main/metrics/money';

const message = (fn: () => unknown): string | null => {
  try {
    fn();
    return null;
  } catch (err) {
    return (err as Error).message;
  }
};

describe('per-account money checks of the portfolio passes', () => {
  it('assertAccountArr accepts and refuses exactly what assertArr does, with the same message', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: -1e6, max: 1e12 }), fc.double(), fc.constantFrom(Number.NaN, 2 ** 53, -0, 0.5)), fc.constantFrom('ARR', 'start ARR'), (value, what) => {
        expect(message(() => assertAccountArr(value, 'acct-1', what))).toBe(message(() => assertArr(value, `${what} of acct-1`)));
      }),
      { numRuns: 2000 },
    );
    expect(() => assertAccountArr(-5, 'acct-9')).toThrow('ARR of acct-9 cannot be negative, got -5');
  });

  it('addMinorUnits is sumMinorUnits of two, refusing a total past the safe integers', () => {
    expect(addMinorUnits(2, 3)).toBe(sumMinorUnits([2, 3]));
    expect(() => addMinorUnits(Number.MAX_SAFE_INTEGER, 1)).toThrow(/safe integer range/);
  });
});
