/**
 * Display rounding, half away from zero (metrics.md conventions).
 *
 * Shifting through the decimal exponent instead of multiplying by 10^dp avoids binary
 * artefacts: 1.005 * 100 is 100.49999999999999, but "1.005e2" is exactly 100.5.
 */
export function roundHalfAwayFromZero(x: number, dp = 0): number {
  if (!Number.isFinite(x)) throw new RangeError(`cannot round a non-finite number (${x})`);
  if (!Number.isInteger(dp) || dp < 0 || dp > 15) {
    throw new RangeError(`decimal places must be an integer in 0..15, got ${dp}`);
  }
  const magnitude = shiftDecimal(Math.round(shiftDecimal(Math.abs(x), dp)), -dp);
  const rounded = Math.sign(x) * magnitude;
  // -0 would print as "-0" in some formatters; a rounded zero carries no sign.
  return rounded === 0 ? 0 : rounded;
}

function shiftDecimal(x: number, places: number): number {
  const [mantissa, exponent = '0'] = String(x).split('e');
  return Number(`${mantissa}e${Number(exponent) + places}`);
}

/** Money figures from a model (probabilities × ARR) must land back on whole minor units. */
export function roundToMinorUnits(x: number): number {
  return roundHalfAwayFromZero(x, 0);
}
