/**
 * Section 7 of metrics.md (the product's own model, labelled as such): expected revenue per
 * category, the value of one NPS point, the what-if simulator, and the evidence-based slope.
 */
import type { MetricSettings } from '../../shared/domain/metrics-settings';
import { roundToMinorUnits } from '../../shared/domain/rounding';
import type {
  ArrByCategory,
  CategoryOrUnscored,
  EvidenceSlope,
  Figure,
  MinorUnits,
  NpsCategory,
  RevenueSnapshot,
  SimulationResult,
} from '../../shared/domain/metrics-types';
import { portfolioNpsByAccounts, type CategorizedAccount } from './account-nps';
import { figure, nullFigure } from './figure';
import { assertAccountArr, assertArr, sumMinorUnits } from './money';
import { arrByCategory, assertArrByCategory } from './revenue-at-risk';

const MODEL_NOTE = 'the product’s own model: assumptions from the workspace settings, not observed revenue';

/** NRR_c = 1 − churn_c + expansion_c; unscored accounts borrow the assumptions of one category. */
export function categoryNrr(settings: MetricSettings): Readonly<Record<CategoryOrUnscored, number>> {
  const nrr = (category: NpsCategory) => 1 - settings.churnProbability[category] + settings.expansionRate[category];
  return {
    promoter: nrr('promoter'),
    passive: nrr('passive'),
    detractor: nrr('detractor'),
    unscored: nrr(settings.unscoredTreatedAs),
  };
}

export function scoredArr(arr: ArrByCategory): MinorUnits {
  return sumMinorUnits([arr.promoter, arr.passive, arr.detractor]);
}

/** R = Σ ARRᵢ × NRR_cat(i), rounded once to the minor unit. */
export function expectedRevenue(arr: ArrByCategory, settings: MetricSettings): Figure {
  assertArrByCategory(arr);
  const nrr = categoryNrr(settings);
  const exact = arr.promoter * nrr.promoter + arr.passive * nrr.passive + arr.detractor * nrr.detractor + arr.unscored * nrr.unscored;
  return figure('minor-units', roundToMinorUnits(exact), {
    formula: 'Σ ARRᵢ × NRR of its category, NRR_c = 1 − churn_c + expansion_c',
    inputs: {
      promoterArr: arr.promoter,
      passiveArr: arr.passive,
      detractorArr: arr.detractor,
      unscoredArr: arr.unscored,
      nrrPromoter: nrr.promoter,
      nrrPassive: nrr.passive,
      nrrDetractor: nrr.detractor,
      nrrUnscored: nrr.unscored,
    },
    rule: `churn and expansion assumptions (workspace settings); unscored uses the ${settings.unscoredTreatedAs} values`,
    notes: [MODEL_NOTE, 'rounded to the minor unit'],
  });
}

/**
 * One point of revenue-weighted NPS moves 1 % of scored ARR one category up; detractor → promoter
 * is two points, hence the halving. Equal to the mean of the two one-step moves.
 */
export function valueOfOnePoint(scored: MinorUnits, settings: MetricSettings): Figure {
  assertArr(scored, 'scored ARR');
  const nrr = categoryNrr(settings);
  const onePercent = 0.01 * scored;
  const explanation = {
    formula: '0.01 × scored ARR × (NRR_promoter − NRR_detractor) / 2',
    inputs: {
      scoredArr: scored,
      nrrPromoter: nrr.promoter,
      nrrPassive: nrr.passive,
      nrrDetractor: nrr.detractor,
      detractorToPassiveMove: roundToMinorUnits(onePercent * (nrr.passive - nrr.detractor)),
      passiveToPromoterMove: roundToMinorUnits(onePercent * (nrr.promoter - nrr.passive)),
    },
    rule: 'one point of revenue-weighted NPS = 1 % of scored ARR moved one category up',
    notes: [MODEL_NOTE, 'equals the mean of the two one-step moves', 'rounded to the minor unit'],
  };
  return scored === 0
    ? nullFigure('minor-units', 'no scored ARR', explanation)
    : figure('minor-units', roundToMinorUnits((onePercent * (nrr.promoter - nrr.detractor)) / 2), explanation);
}

export type SimulatorMove =
  | { kind: 'accounts'; accountIds: readonly string[]; to: NpsCategory }
  /** Moves this share of the baseline scored ARR (0.01 = one point per step) between categories. */
  | { kind: 'share'; from: NpsCategory; to: NpsCategory; shareOfScoredArr: number };

export function revenueWeightedNpsOf(arr: ArrByCategory): Figure {
  const scored = scoredArr(arr);
  const explanation = {
    formula: '100 × (promoter ARR − detractor ARR) / scored ARR',
    inputs: { promoterArr: arr.promoter, passiveArr: arr.passive, detractorArr: arr.detractor, scoredArr: scored },
    rule: null,
  };
  return scored === 0
    ? nullFigure('nps', 'no scored ARR', explanation)
    : figure('nps', (100 * (arr.promoter - arr.detractor)) / scored, explanation);
}

function snapshot(accounts: readonly CategorizedAccount[], transfers: ArrByCategory, sharesMoved: boolean, settings: MetricSettings): RevenueSnapshot {
  const base = arrByCategory(accounts);
  const arr: ArrByCategory = {
    promoter: base.promoter + transfers.promoter,
    passive: base.passive + transfers.passive,
    detractor: base.detractor + transfers.detractor,
    unscored: base.unscored + transfers.unscored,
  };
  const byAccounts = portfolioNpsByAccounts(accounts);
  return {
    arrByCategory: arr,
    expectedRevenue: expectedRevenue(arr, settings),
    revenueWeightedNps: revenueWeightedNpsOf(arr),
    accountNps: sharesMoved
      ? nullFigure('nps', 'a share of ARR moved, not whole accounts', { formula: byAccounts.formula, inputs: {}, rule: null })
      : byAccounts,
  };
}

/**
 * The what-if simulator over active accounts. Moves apply in order; a move that takes more ARR
 * out of a category than it holds is refused rather than clipped, so the scenario is what was asked.
 */
export function simulate(accounts: readonly CategorizedAccount[], moves: readonly SimulatorMove[], settings: MetricSettings): SimulationResult {
  const active = accounts.filter((account) => assertAccountArr(account.arr, account.accountId) > 0);
  const baselineScored = scoredArr(arrByCategory(active));
  const categories = new Map(active.map((account) => [account.accountId, account.category]));
  const transfers = { promoter: 0, passive: 0, detractor: 0, unscored: 0 };
  let sharesMoved = false;

  for (const move of moves) {
    if (move.kind === 'accounts') {
      for (const accountId of move.accountIds) {
        if (!categories.has(accountId)) throw new RangeError(`account ${accountId} is not an active account of the scenario`);
        categories.set(accountId, move.to);
      }
    } else {
      if (!(move.shareOfScoredArr >= 0 && move.shareOfScoredArr <= 1)) {
        throw new RangeError(`share of scored ARR must be within 0..1, got ${move.shareOfScoredArr}`);
      }
      const amount = roundToMinorUnits(move.shareOfScoredArr * baselineScored);
      transfers[move.from] -= amount;
      transfers[move.to] += amount;
      sharesMoved = true;
    }
    const current = arrByCategory(active.map((account) => ({ ...account, category: categories.get(account.accountId) ?? null })));
    for (const category of ['promoter', 'passive', 'detractor'] as const) {
      if (current[category] + transfers[category] < 0) {
        throw new RangeError(`the scenario moves more ${category} ARR than the portfolio holds`);
      }
    }
  }

  const after = active.map((account) => ({ ...account, category: categories.get(account.accountId) ?? null }));
  const before = snapshot(active, { promoter: 0, passive: 0, detractor: 0, unscored: 0 }, false, settings);
  const afterSnapshot = snapshot(after, transfers, sharesMoved, settings);
  const change = (unit: 'minor-units' | 'nps', a: Figure, b: Figure, formula: string): Figure =>
    a.value === null || b.value === null
      ? nullFigure(unit, 'a side of the comparison is undefined', { formula, inputs: { before: a.value, after: b.value }, rule: null })
      : figure(unit, b.value - a.value, { formula, inputs: { before: a.value, after: b.value }, rule: null });
  return {
    before,
    after: afterSnapshot,
    expectedRevenueChange: change('minor-units', before.expectedRevenue, afterSnapshot.expectedRevenue, 'R after − R before'),
    revenueWeightedNpsChange: change('nps', before.revenueWeightedNps, afterSnapshot.revenueWeightedNps, 'NPS after − NPS before'),
  };
}

export interface ScoreNrrPoint {
  accountId: string;
  /** The account's weighted score at period start. */
  weightedScore: number;
  /** The account's NRR over the next 12 months. */
  nextNrr: number;
}

/** Least-squares slope of next-12-month NRR on weighted score, only with enough account-periods. */
export function evidenceSlope(points: readonly ScoreNrrPoint[], settings: MetricSettings): EvidenceSlope {
  const n = points.length;
  const minimumSample = settings.evidenceMinimumSample;
  const rule = `evidence-based: shown with at least ${minimumSample} account-periods`;
  const meanX = points.reduce((sum, point) => sum + point.weightedScore, 0) / n;
  const meanY = points.reduce((sum, point) => sum + point.nextNrr, 0) / n;
  // Centred sums: the raw-moment form loses precision when NRR values cluster near 1.
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (const { weightedScore, nextNrr } of points) {
    if (!Number.isFinite(weightedScore) || !Number.isFinite(nextNrr)) throw new RangeError('score and NRR must be finite');
    sxx += (weightedScore - meanX) ** 2;
    sxy += (weightedScore - meanX) * (nextNrr - meanY);
    syy += (nextNrr - meanY) ** 2;
  }
  const inputs = { n, minimumSample, meanScore: n ? meanX : null, meanNrr: n ? meanY : null, sxx, sxy, syy };
  const explain = (formula: string) => ({ formula, inputs, rule, accountIds: points.map((point) => point.accountId) });
  const unavailable =
    n < minimumSample ? `only ${n} of the ${minimumSample} account-periods needed` : sxx === 0 ? 'every account has the same score' : null;
  if (unavailable !== null) {
    return {
      sampleSize: n,
      minimumSample,
      slope: nullFigure('nrr-per-score-point', unavailable, explain('Sxy / Sxx')),
      intercept: nullFigure('ratio', unavailable, explain('mean NRR − slope × mean score')),
      rSquared: nullFigure('ratio', unavailable, explain('Sxy² / (Sxx · Syy)')),
    };
  }
  const slope = sxy / sxx;
  return {
    sampleSize: n,
    minimumSample,
    slope: figure('nrr-per-score-point', slope, explain('Sxy / Sxx')),
    intercept: figure('ratio', meanY - slope * meanX, explain('mean NRR − slope × mean score')),
    rSquared:
      syy === 0
        ? nullFigure('ratio', 'every account has the same NRR', explain('Sxy² / (Sxx · Syy)'))
        : figure('ratio', (sxy * sxy) / (sxx * syy), explain('Sxy² / (Sxx · Syy)')),
  };
}
