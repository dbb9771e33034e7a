/**
 * The 43 public NPS vectors collected in shared/data/nps-vectors.json. Every vector is dispatched on
 * its shape and must meet at least one assertion, so a new kind of vector cannot pass unnoticed.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { revenueWeightedNps } from '../../../main/metrics/account-nps';
import { InvalidNpsScoreError, npsFromCounts, npsFromScores, poolCounts } from '../../../main/metrics/nps';
import { expectedRevenueLoss } from '../../../main/metrics/revenue-at-risk';
import { DEFAULT_METRIC_SETTINGS } from '../../../shared/domain/metrics-settings';
import type { NpsCategory, NpsCounts, NpsResult } from '../../../shared/domain/metrics-types';
import { roundHalfAwayFromZero } from '../../../shared/domain/rounding';

const here = path.dirname(fileURLToPath(import.meta.url));
const vectorsFile = path.resolve(here, '../../fixtures/nps-vectors.json');

interface RawCounts {
  promoters: number;
  passives: number;
  detractors: number;
}

interface Vector {
  id: string;
  source?: string;
  scores?: (number | null)[];
  counts?: RawCounts;
  count_groups?: RawCounts[];
  invalid_inputs?: unknown[][];
  weighted_scores?: { score: number; segment: string; weight: number }[];
  formulas?: Record<string, string>;
  example_computed?: { inputs: { promoters: number; passives: number; detractors: number; ARPU: number }; short_term: number; long_term: number; growth: number };
  expected_upstream?: unknown;
  expected_nps_pct_unrounded?: number | null;
  expected_weighted_nps_pct_unrounded?: number;
  expected_weighted_shares?: Record<NpsCategory, number>;
  expected_computed?: { nps_pct_2dp: number; variance: number; se: number; ci95_lower_pct_2dp: number; ci95_upper_pct_2dp: number };
  rounding?: string;
  rounding_outcomes?: Record<string, number | string>;
}

const vectors = (JSON.parse(readFileSync(vectorsFile, 'utf8')) as { vectors: Vector[] }).vectors;

const toCounts = (raw: RawCounts): NpsCounts => ({ promoters: raw.promoters, passives: raw.passives, detractors: raw.detractors });

function resultOf(vector: Vector): NpsResult | null {
  if (vector.scores) return npsFromScores(vector.scores);
  if (vector.counts) return npsFromCounts(toCounts(vector.counts));
  if (vector.count_groups) return npsFromCounts(poolCounts(vector.count_groups.map(toCounts)));
  return null;
}

function checkUpstream(vector: Vector, result: NpsResult): number {
  const nps = result.nps.value;
  const upstream = vector.expected_upstream;
  let checks = 0;
  if (typeof upstream === 'number' && nps !== null) {
    if (vector.source?.includes('-1..1')) expect(nps / 100).toBeCloseTo(upstream, 12);
    else if (vector.rounding === 'Math.round' || vector.source?.includes('Math.round')) expect(Math.round(nps)).toBe(upstream);
    else expect(nps).toBeCloseTo(upstream, 12);
    checks += 1;
  }
  if (Array.isArray(upstream) && nps !== null) {
    // [nps, variance] on −1..1 (R nps package): variance = (SE / 100)² × N.
    const [scaled, variance] = upstream as [number, number];
    expect(nps / 100).toBeCloseTo(scaled, 12);
    expect(((result.standardError.value ?? NaN) / 100) ** 2 * result.counts.total).toBeCloseTo(variance, 12);
    checks += 1;
  }
  if (upstream !== null && typeof upstream === 'object' && !Array.isArray(upstream)) {
    const shares = upstream as { promoters_pct: number; detractors_pct: number; nps: number };
    expect(100 * (result.promoterShare.value ?? NaN)).toBeCloseTo(shares.promoters_pct, 12);
    expect(100 * (result.detractorShare.value ?? NaN)).toBeCloseTo(shares.detractors_pct, 12);
    expect(nps).toBeCloseTo(shares.nps, 12);
    checks += 1;
  }
  return checks;
}

function checkRoundingOutcomes(vector: Vector, result: NpsResult): number {
  const outcomes = vector.rounding_outcomes;
  const nps = result.nps.value;
  if (!outcomes || nps === null) return 0;
  let checks = 0;
  for (const [name, expected] of Object.entries(outcomes)) {
    if (name === 'half-away-from-zero') expect(roundHalfAwayFromZero(nps, 0)).toBe(expected);
    else if (name === '0dp') expect(roundHalfAwayFromZero(nps, 0)).toBe(expected);
    else if (name === '1dp') expect(roundHalfAwayFromZero(nps, 1)).toBe(expected);
    else if (name === 'JS Math.round') expect(Math.round(nps)).toBe(expected);
    else continue; // bankers' rounding and toFixed are documented alternatives we do not use
    checks += 1;
  }
  return checks;
}

function checkSpecialVector(vector: Vector): number {
  if (vector.invalid_inputs) {
    for (const input of vector.invalid_inputs) expect(() => npsFromScores(input)).toThrow(InvalidNpsScoreError);
    return vector.invalid_inputs.length;
  }
  if (vector.weighted_scores) {
    const accounts = vector.weighted_scores.map((entry, index) => ({
      accountId: `${entry.segment}-${index}`,
      arr: entry.weight,
      category: (entry.score >= 9 ? 'promoter' : entry.score >= 7 ? 'passive' : 'detractor') as NpsCategory,
    }));
    const weighted = revenueWeightedNps(accounts);
    expect(weighted.value).toBeCloseTo(vector.expected_weighted_nps_pct_unrounded ?? NaN, 12);
    const scoredArr = weighted.inputs.scoredArr as number;
    for (const category of ['promoter', 'passive', 'detractor'] as const) {
      expect((weighted.inputs[`${category}Arr`] as number) / scoredArr).toBeCloseTo(vector.expected_weighted_shares?.[category] ?? NaN, 12);
    }
    return 2;
  }
  if (vector.example_computed) {
    const { inputs, short_term, long_term, growth } = vector.example_computed;
    const loss = expectedRevenueLoss(
      { promoter: inputs.promoters * inputs.ARPU, passive: inputs.passives * inputs.ARPU, detractor: inputs.detractors * inputs.ARPU, unscored: 0 },
      DEFAULT_METRIC_SETTINGS,
    );
    expect([loss.shortTerm.value, loss.longTerm.value, loss.potentialGrowth.value]).toEqual([short_term, long_term, growth]);
    return 1;
  }
  return 0;
}

describe('public NPS vectors (tests/fixtures/nps-vectors.json, copied from shared/data)', () => {
  it('holds the 43 vectors this suite was written for', () => {
    expect(vectors).toHaveLength(43);
  });

  it.each(vectors.map((vector) => [vector.id, vector] as const))('%s', (_id, vector) => {
    let checks = checkSpecialVector(vector);
    const result = resultOf(vector);
    if (result) {
      if ('expected_nps_pct_unrounded' in vector) {
        const expected = vector.expected_nps_pct_unrounded ?? null;
        if (expected === null) expect(result.nps.value).toBeNull();
        else expect(result.nps.value).toBeCloseTo(expected, 12);
        checks += 1;
      }
      checks += checkUpstream(vector, result) + checkRoundingOutcomes(vector, result);
      const ci = vector.expected_computed;
      if (ci) {
        const se = (result.standardError.value ?? NaN) / 100;
        expect(roundHalfAwayFromZero(result.nps.value ?? NaN, 2)).toBe(ci.nps_pct_2dp);
        // The source's variance is per response: SE = sqrt(variance / N).
        expect(se ** 2 * result.counts.total).toBeCloseTo(ci.variance, 12);
        expect(se).toBeCloseTo(ci.se, 12);
        expect(roundHalfAwayFromZero(result.interval95.low ?? NaN, 2)).toBe(ci.ci95_lower_pct_2dp);
        expect(roundHalfAwayFromZero(result.interval95.high ?? NaN, 2)).toBe(ci.ci95_upper_pct_2dp);
        checks += 1;
      }
    }
    expect(checks, `vector ${vector.id} was not checked`).toBeGreaterThan(0);
  });
});
