/** How long after one digit a second one still makes a two-digit score ("1" then "0" is 10). */
export const TWO_DIGIT_WINDOW_MS = 900;

export interface DigitBuffer {
  digits: string;
  at: number;
}

export interface DigitResult {
  /** The score the keys mean, or null when the key means nothing on this scale. */
  value: number | null;
  buffer: DigitBuffer | null;
}

/**
 * Turns digit keys into a score on a scale: a digit sets it at once, and a second digit typed quickly after
 * it makes a two-digit score when that fits the scale ("1", "0" on 0–10 gives 10; "1", "5" gives 5).
 */
export function digitToScore(buffer: DigitBuffer | null, key: string, now: number, scale: { min: number; max: number }): DigitResult {
  if (!/^[0-9]$/.test(key)) return { value: null, buffer: null };
  if (buffer && now - buffer.at <= TWO_DIGIT_WINDOW_MS) {
    const combined = Number(buffer.digits + key);
    if (combined >= scale.min && combined <= scale.max) return { value: combined, buffer: null };
  }
  const single = Number(key);
  const inScale = single >= scale.min && single <= scale.max;
  // Only a digit that can still start a two-digit score waits for a second one.
  const canGrow = single > 0 && single * 10 <= scale.max;
  return { value: inScale ? single : null, buffer: canGrow ? { digits: key, at: now } : null };
}

/** The numbers of a scale, in order. */
export function scalePoints(scale: { min: number; max: number }): number[] {
  const points: number[] = [];
  for (let v = scale.min; v <= scale.max; v++) points.push(v);
  return points;
}
