/**
 * Section 6 of metrics.md: NRR, GRR, churn over the trailing twelve months, and CLV.
 */
import type { MetricSettings } from '../../shared/domain/metrics-settings';
import { roundToMinorUnits } from '../../shared/domain/rounding';
import type { AccountRetention, Figure, MinorUnits, RetentionClass, RetentionResult } from '../../shared/domain/metrics-types';
import { figure, nullFigure, ratioFigure } from './figure';
import { addMinorUnits, assertAccountArr, assertMinorUnits, sumMinorUnits } from './money';

export interface RetentionInput {
  accountId: string;
  /** ARR at t0, twelve months before the window's end. */
  arrStart: MinorUnits;
  /** ARR at t1, the window's end (0 if churned). */
  arrEnd: MinorUnits;
}

export function classifyRetention(arrStart: MinorUnits, arrEnd: MinorUnits): RetentionClass {
  const delta = arrEnd - arrStart;
  if (delta > 0) return 'expansion';
  if (arrEnd === 0) return 'churn';
  return delta < 0 ? 'contraction' : 'flat';
}

const COHORT_RULE = 'cohort: accounts with ARR > 0 at t0 (new accounts excluded), t0 = t1 − 12 months';
const EMPTY_COHORT = 'no account had ARR at the start of the period';

export function retention(inputs: readonly RetentionInput[]): RetentionResult {
  const cohort = inputs.filter(
    (input) => assertAccountArr(input.arrStart, input.accountId, 'start ARR') > 0 && assertAccountArr(input.arrEnd, input.accountId, 'end ARR') >= 0,
  );
  const accounts: AccountRetention[] = cohort.map(({ accountId, arrStart, arrEnd }) => ({
    accountId,
    arrStart,
    arrEnd,
    delta: arrEnd - arrStart,
    class: classifyRetention(arrStart, arrEnd),
  }));
  const ofClass = (kind: RetentionClass) => accounts.filter((account) => account.class === kind);
  const startArr = sumMinorUnits(accounts.map((account) => account.arrStart));
  const endArr = sumMinorUnits(accounts.map((account) => account.arrEnd));
  const retainedArr = sumMinorUnits(accounts.map((account) => Math.min(account.arrStart, account.arrEnd)));
  const expansionArr = sumMinorUnits(ofClass('expansion').map((account) => account.delta));
  const contractionArr = sumMinorUnits(ofClass('contraction').map((account) => -account.delta));
  const churned = ofClass('churn');
  const churnedArr = sumMinorUnits(churned.map((account) => account.arrStart));
  const inputsOf = { startArr, endArr, retainedArr, expansionArr, contractionArr, churnedArr, cohortAccounts: accounts.length, churnedAccounts: churned.length };
  const explain = (formula: string, accountIds?: readonly string[]) => ({ formula, inputs: inputsOf, rule: COHORT_RULE, ...(accountIds ? { accountIds } : {}) });
  const money = (value: MinorUnits, formula: string, ids: readonly string[]) => figure('minor-units', value, explain(formula, ids));
  const ids = (list: readonly AccountRetention[]) => list.map((account) => account.accountId);

  return {
    cohortSize: accounts.length,
    accounts,
    startArr: money(startArr, 'Σ ARR(t0)', ids(accounts)),
    expansionArr: money(expansionArr, 'Σ Δ over expanding accounts', ids(ofClass('expansion'))),
    contractionArr: money(contractionArr, 'Σ −Δ over contracting accounts', ids(ofClass('contraction'))),
    churnedArr: money(churnedArr, 'Σ ARR(t0) over churned accounts', ids(churned)),
    nrr: ratioFigure(endArr, startArr, EMPTY_COHORT, explain('Σ ARR(t1) / Σ ARR(t0)')),
    grr: ratioFigure(retainedArr, startArr, EMPTY_COHORT, explain('Σ min(ARR(t1), ARR(t0)) / Σ ARR(t0)')),
    logoChurn: ratioFigure(churned.length, accounts.length, EMPTY_COHORT, explain('churned accounts / cohort accounts', ids(churned))),
    revenueChurn: ratioFigure(churnedArr, startArr, EMPTY_COHORT, explain('churned ARR / Σ ARR(t0)', ids(churned))),
  };
}

/**
 * Just the cohort size, NRR and GRR of retention(), in one pass and without the per-account lists:
 * the dashboard's trend needs them for eight quarters of 10k+ accounts. Same figures, to the bit
 * (same sums in the same order, same explanations); a property test holds the two together.
 */
export function retentionRates(inputs: readonly RetentionInput[]): Pick<RetentionResult, 'cohortSize' | 'nrr' | 'grr'> {
  return retentionRatesOf({
    count: inputs.length,
    accountIdAt: (k) => inputs[k]!.accountId,
    arrStartAt: (k) => inputs[k]!.arrStart,
    arrEndAt: (k) => inputs[k]!.arrEnd,
  });
}

/**
 * A cohort read through accessors (k = 0 … count − 1), for callers that hold ARR in columns (the
 * trend's eight quarters): no input object per account and quarter.
 */
export interface RetentionAccounts {
  count: number;
  accountIdAt(k: number): string;
  arrStartAt(k: number): MinorUnits;
  arrEndAt(k: number): MinorUnits;
}

export function retentionRatesOf(accounts: RetentionAccounts): Pick<RetentionResult, 'cohortSize' | 'nrr' | 'grr'> {
  let cohortAccounts = 0;
  let churnedAccounts = 0;
  let startArr = 0;
  let endArr = 0;
  let retainedArr = 0;
  let expansionArr = 0;
  let contractionArr = 0;
  let churnedArr = 0;
  for (let k = 0; k < accounts.count; k++) {
    const arrStart = accounts.arrStartAt(k);
    const arrEnd = accounts.arrEndAt(k);
    const accountId = accounts.accountIdAt(k);
    if (!(assertAccountArr(arrStart, accountId, 'start ARR') > 0 && assertAccountArr(arrEnd, accountId, 'end ARR') >= 0)) continue;
    cohortAccounts += 1;
    startArr = addMinorUnits(startArr, arrStart);
    endArr = addMinorUnits(endArr, arrEnd);
    retainedArr = addMinorUnits(retainedArr, Math.min(arrStart, arrEnd));
    const kind = classifyRetention(arrStart, arrEnd);
    if (kind === 'expansion') expansionArr = addMinorUnits(expansionArr, arrEnd - arrStart);
    else if (kind === 'contraction') contractionArr = addMinorUnits(contractionArr, -(arrEnd - arrStart));
    else if (kind === 'churn') {
      churnedAccounts += 1;
      churnedArr = addMinorUnits(churnedArr, arrStart);
    }
  }
  const inputsOf = { startArr, endArr, retainedArr, expansionArr, contractionArr, churnedArr, cohortAccounts, churnedAccounts };
  const explain = (formula: string) => ({ formula, inputs: inputsOf, rule: COHORT_RULE });
  return {
    cohortSize: cohortAccounts,
    nrr: ratioFigure(endArr, startArr, EMPTY_COHORT, explain('Σ ARR(t1) / Σ ARR(t0)')),
    grr: ratioFigure(retainedArr, startArr, EMPTY_COHORT, explain('Σ min(ARR(t1), ARR(t0)) / Σ ARR(t0)')),
  };
}

export interface ChurnClvInput {
  /** Revenue per period, minor units. */
  revenuePerPeriod: MinorUnits;
  /** Revenue churn rate for the same period; null when unknown (the floor applies). */
  churnRatePerPeriod: number | null;
}

/** CLV = revenue per period × gross margin / churn rate, the rate floored so CLV stays finite. */
export function clvFromChurn(input: ChurnClvInput, settings: MetricSettings): Figure {
  assertMinorUnits(input.revenuePerPeriod, 'revenue per period');
  const rate = input.churnRatePerPeriod;
  if (rate !== null && (!Number.isFinite(rate) || rate < 0 || rate > 1)) {
    throw new RangeError(`churn rate must be within 0..1, got ${rate}`);
  }
  const floor = settings.churnRateFloor;
  const floorApplied = rate === null || rate < floor;
  const usedRate = floorApplied ? floor : rate;
  return figure('minor-units', roundToMinorUnits((input.revenuePerPeriod * settings.grossMargin) / usedRate), {
    formula: 'revenue per period × gross margin / revenue churn rate per period',
    inputs: { revenuePerPeriod: input.revenuePerPeriod, grossMargin: settings.grossMargin, churnRate: rate, churnRateUsed: usedRate, floorApplied },
    rule: `churn rate floored at ${floor * 100} % (workspace setting)${floorApplied ? ': floor used' : ''}`,
    notes: floorApplied ? [`churn rate ${rate === null ? 'unknown' : rate} below the floor: ${floor} used`, 'rounded to the minor unit'] : ['rounded to the minor unit'],
  });
}

export interface MarginRetentionClvInput {
  /** Margin per period, minor units. */
  margin: MinorUnits;
  /** Retention rate per period, 0..1. */
  retentionRate: number;
  /** Discount rate per period. */
  discountRate: number;
}

/** CLV = m·r / (1 + i − r); undefined when the denominator is not positive. */
export function clvFromMarginRetention({ margin, retentionRate: r, discountRate: i }: MarginRetentionClvInput): Figure {
  assertMinorUnits(margin, 'margin per period');
  if (!(r >= 0 && r <= 1)) throw new RangeError(`retention rate must be within 0..1, got ${r}`);
  if (!Number.isFinite(i)) throw new RangeError(`discount rate must be finite, got ${i}`);
  const denominator = 1 + i - r;
  const explanation = {
    formula: 'm·r / (1 + i − r)',
    inputs: { margin, retentionRate: r, discountRate: i },
    rule: null,
    notes: ['rounded to the minor unit'],
  };
  return denominator <= 0
    ? nullFigure('minor-units', '1 + i − r must be positive', explanation)
    : figure('minor-units', roundToMinorUnits((margin * r) / denominator), explanation);
}
