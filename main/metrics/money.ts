/**
 * Integer money helpers. Sums of minor units stay exact only while they are safe integers, so
 * every addition is checked instead of trusting that portfolios stay small.
 */
import type { MinorUnits } from '../../shared/domain/metrics-types';

export function assertMinorUnits(value: number, what: string): MinorUnits {
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`${what} must be a whole number of minor units, got ${value}`);
  }
  return value;
}

export function assertArr(value: number, what: string): MinorUnits {
  assertMinorUnits(value, what);
  if (value < 0) throw new RangeError(`${what} cannot be negative, got ${value}`);
  return value;
}

/**
 * assertArr() for one account's ARR in a portfolio pass: the same check and message, but the message
 * is only built when the check fails (these passes run over every account, several times a dashboard).
 */
export function assertAccountArr(value: number, accountId: string, what = 'ARR'): MinorUnits {
  if (Number.isSafeInteger(value) && value >= 0) return value;
  return assertArr(value, `${what} of ${accountId}`);
}

export function sumMinorUnits(values: Iterable<MinorUnits>): MinorUnits {
  let total = 0;
  // Indexed for arrays: an iterator boxes each of 10k ARR values a portfolio pass adds.
  if (Array.isArray(values)) for (let i = 0; i < values.length; i++) total = addMinorUnits(total, values[i] as MinorUnits);
  else for (const value of values) total = addMinorUnits(total, value);
  return total;
}

/** sumMinorUnits([a, b]) without the array: for running totals kept per account. */
export function addMinorUnits(a: MinorUnits, b: MinorUnits): MinorUnits {
  const total = a + b;
  if (!Number.isSafeInteger(total)) throw new RangeError('money total exceeds the safe integer range');
  return total;
}

/**
 * Splits an amount into `parts` whole-unit shares that sum exactly to it: every share gets the
 * floor, the first `remainder` shares one unit more (largest remainder with equal weights).
 */
export function splitEvenly(amount: MinorUnits, parts: number): MinorUnits[] {
  if (!Number.isInteger(parts) || parts < 1) throw new RangeError(`cannot split into ${parts} parts`);
  assertArr(amount, 'amount to split');
  const base = Math.floor(amount / parts);
  const remainder = amount - base * parts;
  return Array.from({ length: parts }, (_, index) => base + (index < remainder ? 1 : 0));
}
