/**
 * Section 5 of metrics.md: what the drivers cost. Both attributions must add up to their total
 * exactly (NPS within float tolerance, money to the minor unit), or the chart would not reconcile
 * with the headline figure next to it.
 */
import type { MetricSettings } from '../../shared/domain/metrics-settings';
import type {
  DriverArrAtRisk,
  DriverArrAtRiskResult,
  DriverNpsContribution,
  Figure,
  MinorUnits,
  NpsWaterfall,
} from '../../shared/domain/metrics-types';
import { figure, nullFigure } from './figure';
import { addMinorUnits, assertAccountArr, splitEvenly, sumMinorUnits } from './money';
import { categorize, npsFromScores, parseNpsScore } from './nps';

export const OTHER_LABEL = 'Other';
export const UNATTRIBUTED_LABEL = 'Unattributed';

/** Driver id → display name; an id without a label shows as itself. */
export type DriverLabels = Readonly<Record<string, string>>;

export interface DriverResponse {
  score: number;
  /** Drivers the response cited (duplicates count once). */
  driverIds: readonly string[];
}

/** Distinct ids in ascending order; a list already so (what the engine passes) is returned as it is. */
function distinct(ids: readonly string[]): readonly string[] {
  let ascending = true;
  for (let i = 1; i < ids.length && ascending; i++) ascending = ids[i - 1]! < ids[i]!;
  return ascending ? ids : [...new Set(ids)].sort();
}

function recodedSign(score: number): number {
  const category = categorize(score);
  return category === 'promoter' ? 1 : category === 'detractor' ? -1 : 0;
}

export function npsWaterfall(responses: readonly DriverResponse[], labels: DriverLabels = {}): NpsWaterfall {
  responses.forEach((response, index) => parseNpsScore(response.score, index));
  const nps = npsFromScores(responses.map((response) => response.score)).nps;
  const N = responses.length;
  const totals = new Map<string | null, { contribution: number; responses: number }>();
  for (const response of responses) {
    const drivers = distinct(response.driverIds);
    const buckets: readonly (string | null)[] = drivers.length === 0 ? [null] : drivers;
    const share = (100 * recodedSign(response.score)) / N / buckets.length;
    for (const bucket of buckets) {
      const total = totals.get(bucket) ?? { contribution: 0, responses: 0 };
      totals.set(bucket, { contribution: total.contribution + share, responses: total.responses + 1 });
    }
  }
  absorbFloatResidual(totals, nps.value ?? 0);

  const contributions: DriverNpsContribution[] = [...totals.entries()].map(([driverId, total]) => ({
    driverId,
    label: driverId === null ? OTHER_LABEL : (labels[driverId] ?? driverId),
    responses: total.responses,
    contribution: figure('nps', total.contribution, {
      formula: 'Σ over responses citing it: (+100 promoter, 0 passive, −100 detractor) / N / drivers cited',
      inputs: { responses: total.responses, N },
      rule: driverId === null ? 'responses citing no driver go to Other' : 'a response’s contribution is split equally among the drivers it cited',
    }),
  }));
  contributions.sort(
    (a, b) => Number(a.driverId === null) - Number(b.driverId === null) || (b.contribution.value ?? 0) - (a.contribution.value ?? 0),
  );
  return { nps, contributions };
}

/**
 * Float division leaves the parts a few ulps away from 100·(P − D)/N. The largest part absorbs the
 * difference, where it is relatively smallest, so the waterfall lands exactly on the NPS bar.
 */
function absorbFloatResidual(totals: Map<string | null, { contribution: number; responses: number }>, nps: number): void {
  let largestKey: string | null | undefined;
  let largest = -1;
  let sum = 0;
  for (const [key, total] of totals) {
    sum += total.contribution;
    if (Math.abs(total.contribution) > largest) {
      largest = Math.abs(total.contribution);
      largestKey = key;
    }
  }
  const absorber = largestKey === undefined ? undefined : totals.get(largestKey);
  if (absorber) absorber.contribution += nps - sum;
}

export interface DriverRating {
  driverId: string;
  rating: number;
}

/** Distinct drivers rated at or below the negative threshold (default ≤ 2 on 1–5). */
export function negativeDriverIds(ratings: readonly DriverRating[], settings: MetricSettings): string[] {
  const { min, max, negativeAtMost } = settings.driverScale;
  for (const { driverId, rating } of ratings) {
    if (!Number.isInteger(rating) || rating < min || rating > max) {
      throw new RangeError(`driver rating ${rating} for ${driverId} is outside the ${min}–${max} scale`);
    }
  }
  return [...distinct(ratings.filter((rating) => rating.rating <= negativeAtMost).map((rating) => rating.driverId))];
}

export interface DriverAccount {
  accountId: string;
  arr: MinorUnits;
  atRisk: boolean;
  /** Distinct drivers its stakeholders rated negatively in the window. */
  negativeDriverIds: readonly string[];
}

interface DriverTally {
  attributed: MinorUnits;
  attributedAccounts: string[];
  exposed: MinorUnits;
  exposedAccounts: string[];
}

export function driverArrAtRisk(accounts: readonly DriverAccount[], labels: DriverLabels = {}): DriverArrAtRiskResult {
  const tallies = new Map<string | null, DriverTally>();
  const tallyOf = (key: string | null): DriverTally => {
    const existing = tallies.get(key);
    if (existing) return existing;
    const created: DriverTally = { attributed: 0, attributedAccounts: [], exposed: 0, exposedAccounts: [] };
    tallies.set(key, created);
    return created;
  };

  const atRisk = accounts.filter((account) => assertAccountArr(account.arr, account.accountId) > 0 && account.atRisk);
  for (const account of accounts) {
    if (account.arr === 0) continue;
    const negative = distinct(account.negativeDriverIds);
    for (let d = 0; d < negative.length; d++) {
      const driverId = negative[d]!;
      const tally = tallyOf(driverId);
      tally.exposed = addMinorUnits(tally.exposed, account.arr);
      tally.exposedAccounts.push(account.accountId);
    }
  }
  for (const account of atRisk) {
    const drivers = distinct(account.negativeDriverIds);
    const buckets: readonly (string | null)[] = drivers.length === 0 ? [null] : drivers;
    // Whole minor units per driver, the remainder spread one unit at a time: shares sum to the ARR.
    splitEvenly(account.arr, buckets.length).forEach((share, index) => {
      const tally = tallyOf(buckets[index] ?? null);
      tally.attributed = addMinorUnits(tally.attributed, share);
      tally.attributedAccounts.push(account.accountId);
    });
  }

  const arrAtRisk = figure('minor-units', sumMinorUnits(atRisk.map((account) => account.arr)), {
    formula: 'Σ ARR of at-risk accounts',
    inputs: { accountsAtRisk: atRisk.length },
    rule: 'at-risk state per the workspace rule',
    accountIds: atRisk.map((account) => account.accountId),
  });
  const drivers = [...tallies.entries()].map(([driverId, tally]) => describeDriver(driverId, tally, labels));
  const ranking = drivers
    .filter((driver) => driver.driverId !== null)
    .sort(
      (a, b) =>
        (b.attributed.value ?? 0) - (a.attributed.value ?? 0) ||
        (b.exposed.value ?? 0) - (a.exposed.value ?? 0) ||
        a.label.localeCompare(b.label),
    );
  return { arrAtRisk, drivers, ranking };
}

function describeDriver(driverId: string | null, tally: DriverTally, labels: DriverLabels): DriverArrAtRisk {
  const attributed = figure('minor-units', tally.attributed, {
    formula: 'Σ over at-risk accounts citing it negatively: ARR / number of distinct drivers cited',
    inputs: { accounts: tally.attributedAccounts.length },
    rule:
      driverId === null
        ? 'at-risk accounts whose stakeholders rated no driver negatively'
        : 'ARR split equally among the distinct negatively rated drivers; remainder cents go one each to the first drivers by id',
    accountIds: tally.attributedAccounts,
  });
  const exposed: Figure =
    driverId === null
      ? nullFigure('minor-units', 'Unattributed is not a driver', { formula: '—', inputs: {}, rule: null })
      : figure('minor-units', tally.exposed, {
          formula: 'Σ ARR of all active accounts citing the driver negatively',
          inputs: { accounts: tally.exposedAccounts.length },
          rule: null,
          accountIds: tally.exposedAccounts,
          notes: ['overlapping: an account citing several drivers counts fully in each'],
        });
  return { driverId, label: driverId === null ? UNATTRIBUTED_LABEL : (labels[driverId] ?? driverId), attributed, exposed };
}
