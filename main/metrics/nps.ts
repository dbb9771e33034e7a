/**
 * Section 1 of metrics.md: categories, NPS, its standard error and 95 % interval.
 */
import type { NpsCategory, NpsCounts, NpsResult } from '../../shared/domain/metrics-types';
import { figure, nullFigure, ratioFigure } from './figure';

export class InvalidNpsScoreError extends Error {
  constructor(
    readonly value: unknown,
    readonly index: number | null,
  ) {
    super(`${index === null ? 'NPS score' : `NPS score #${index + 1}`} ${describe(value)} is invalid: ${whyInvalid(value)}`);
    this.name = 'InvalidNpsScoreError';
  }
}

function describe(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

function whyInvalid(value: unknown): string {
  if (typeof value !== 'number') return `expected a number, got a ${typeof value}`;
  if (!Number.isInteger(value)) return 'NPS answers are whole numbers 0..10';
  return 'NPS answers range from 0 to 10';
}

/**
 * A single answer. null/undefined mean "not answered" and are left out of N; anything else that is
 * not an integer 0..10 is invalid input (never coerced: "8" from a number field is a bug upstream).
 */
export function parseNpsScore(value: unknown, index: number | null = null): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 10) return value;
  throw new InvalidNpsScoreError(value, index);
}

/** The valid answers of a list; throws on the first invalid one, naming its position. */
export function validNpsScores(values: readonly unknown[]): number[] {
  const scores: number[] = [];
  values.forEach((value, index) => {
    const score = parseNpsScore(value, index);
    if (score !== null) scores.push(score);
  });
  return scores;
}

/**
 * Category of a score or of a mean score (account methods categorise means without rounding:
 * 8.999 is passive).
 */
export function categorize(score: number): NpsCategory {
  if (!Number.isFinite(score) || score < 0 || score > 10) {
    throw new RangeError(`cannot categorise ${score}: scores range from 0 to 10`);
  }
  if (score >= 9) return 'promoter';
  if (score >= 7) return 'passive';
  return 'detractor';
}

export function countCategories(scores: readonly number[]): NpsCounts {
  const counts: NpsCounts = { promoters: 0, passives: 0, detractors: 0 };
  for (const score of scores) {
    const category = categorize(score);
    if (category === 'promoter') counts.promoters += 1;
    else if (category === 'passive') counts.passives += 1;
    else counts.detractors += 1;
  }
  return counts;
}

/** Pooled counts across groups: NPS of a union is NOT the mean of the groups' NPS. */
export function poolCounts(groups: readonly NpsCounts[]): NpsCounts {
  // Running sums, not an object per group: portfolio passes pool 10k accounts several times.
  let promoters = 0;
  let passives = 0;
  let detractors = 0;
  for (let i = 0; i < groups.length; i++) {
    const group = groups[i]!;
    promoters += group.promoters;
    passives += group.passives;
    detractors += group.detractors;
  }
  return { promoters, passives, detractors };
}

function assertCounts(counts: NpsCounts): void {
  for (const [name, count] of Object.entries(counts)) {
    if (!Number.isSafeInteger(count) || count < 0) {
      throw new RangeError(`${name} must be a non-negative whole count, got ${count}`);
    }
  }
}

const NPS_FORMULA = '100 × (P − D) / N';
const SE_FORMULA = '100 × √((p + d − (p − d)²) / N), p = P/N, d = D/N';
const INTERVAL_FORMULA = 'NPS ± 1.96 × SE, clipped to −100..100';
const NO_RESPONSES = 'no valid responses in the selection';

export function npsFromCounts(counts: NpsCounts): NpsResult {
  assertCounts(counts);
  const { promoters: P, passives: Pa, detractors: D } = counts;
  const N = P + Pa + D;
  const inputs = { promoters: P, passives: Pa, detractors: D, responses: N };
  const explain = (formula: string) => ({ formula, inputs, rule: 'promoter 9–10, passive 7–8, detractor 0–6' });

  if (N === 0) {
    return {
      counts: { ...counts, total: 0 },
      nps: nullFigure('nps', NO_RESPONSES, explain(NPS_FORMULA)),
      standardError: nullFigure('nps', NO_RESPONSES, explain(SE_FORMULA)),
      interval95: { low: null, high: null, unit: 'nps', ...explain(INTERVAL_FORMULA), nullReason: NO_RESPONSES },
      promoterShare: nullFigure('ratio', NO_RESPONSES, explain('P / N')),
      passiveShare: nullFigure('ratio', NO_RESPONSES, explain('Pa / N')),
      detractorShare: nullFigure('ratio', NO_RESPONSES, explain('D / N')),
    };
  }

  const nps = (100 * (P - D)) / N;
  const p = P / N;
  const d = D / N;
  // max(0, …) guards against a −1e-17 from float cancellation when p + d = 1 and p − d = ±1.
  const standardError = 100 * Math.sqrt(Math.max(0, p + d - (p - d) ** 2) / N);
  const rawLow = nps - 1.96 * standardError;
  const rawHigh = nps + 1.96 * standardError;
  const low = Math.max(-100, rawLow);
  const high = Math.min(100, rawHigh);
  const clipped = low !== rawLow || high !== rawHigh;

  return {
    counts: { ...counts, total: N },
    nps: figure('nps', nps, explain(NPS_FORMULA)),
    standardError: figure('nps', standardError, explain(SE_FORMULA)),
    interval95: {
      low,
      high,
      unit: 'nps',
      ...explain(INTERVAL_FORMULA),
      ...(clipped ? { notes: ['interval clipped to the −100..100 range of NPS'] } : {}),
    },
    promoterShare: ratioFigure(P, N, NO_RESPONSES, explain('P / N')),
    passiveShare: ratioFigure(Pa, N, NO_RESPONSES, explain('Pa / N')),
    detractorShare: ratioFigure(D, N, NO_RESPONSES, explain('D / N')),
  };
}

/** NPS of raw answers: invalid answers throw, unanswered (null) ones are left out of N. */
export function npsFromScores(values: readonly unknown[]): NpsResult {
  return npsFromCounts(countCategories(validNpsScores(values)));
}
