/**
 * Section 4 of metrics.md. Two figures that must never be mixed up: the hard ARR at risk (accounts
 * in the at-risk state) and the modelled expected revenue loss (ARR × churn probability).
 */
import type { MetricSettings } from '../../shared/domain/metrics-settings';
import { roundToMinorUnits } from '../../shared/domain/rounding';
import {
  NPS_CATEGORIES,
  type ArrByCategory,
  type AtRiskDecision,
  type AtRiskRule,
  type ExpectedRevenueLoss,
  type Figure,
  type MinorUnits,
  type NpsCategory,
  type ObservedChurn,
} from '../../shared/domain/metrics-types';
import { figure, nullFigure, ratioFigure } from './figure';
import { assertAccountArr, assertArr, sumMinorUnits } from './money';

export interface RiskAccount {
  accountId: string;
  arr: MinorUnits;
  /** Headline-method category; null when unscored. */
  category: NpsCategory | null;
  /** Account NPS from every valid response of its contacts in the window (count-all). */
  countAllNps: number | null;
}

export const NPS_RULE_THRESHOLD = -20;

/** isAccountAtRisk()'s decision alone, without its explanation (portfolio passes decide 10k accounts at once). */
export function atRiskOf(category: NpsCategory | null, countAllNps: number | null, rule: AtRiskRule): boolean {
  return rule === 'detractor' ? category === 'detractor' : countAllNps !== null && countAllNps < NPS_RULE_THRESHOLD;
}

export function isAccountAtRisk(account: Omit<RiskAccount, 'arr'>, rule: AtRiskRule): AtRiskDecision {
  if (rule === 'detractor') {
    return {
      atRisk: atRiskOf(account.category, account.countAllNps, rule),
      rule: `at risk when the account category is detractor (workspace rule); category: ${account.category ?? 'unscored'}`,
    };
  }
  const nps = account.countAllNps;
  return {
    atRisk: atRiskOf(account.category, nps, rule),
    rule: `at risk when account NPS (count-all) < ${NPS_RULE_THRESHOLD}, strictly (workspace rule); account NPS: ${nps ?? '—'}`,
  };
}

export function hardArrAtRisk(accounts: readonly RiskAccount[], rule: AtRiskRule): Figure {
  const active = accounts.filter((account) => assertAccountArr(account.arr, account.accountId) > 0);
  const atRisk = active.filter((account) => atRiskOf(account.category, account.countAllNps, rule));
  return figure('minor-units', sumMinorUnits(atRisk.map((account) => account.arr)), {
    formula: 'Σ ARR of active accounts in the at-risk state',
    inputs: { accountsAtRisk: atRisk.length, activeAccounts: active.length },
    rule: rule === 'detractor' ? 'account category detractor' : `account NPS (count-all) < ${NPS_RULE_THRESHOLD}`,
    accountIds: atRisk.map((account) => account.accountId),
  });
}

/** ARR of active accounts per headline category; the input of the loss model and the simulator. */
export function arrByCategory(accounts: readonly Pick<RiskAccount, 'accountId' | 'arr' | 'category'>[]): ArrByCategory {
  const totals = { promoter: 0, passive: 0, detractor: 0, unscored: 0 };
  for (const account of accounts) {
    assertAccountArr(account.arr, account.accountId);
    const key = account.category ?? 'unscored';
    totals[key] = sumMinorUnits([totals[key], account.arr]);
  }
  return totals;
}

export function assertArrByCategory(arr: ArrByCategory): ArrByCategory {
  for (const [category, value] of Object.entries(arr)) assertArr(value, `${category} ARR`);
  return arr;
}

const MODEL_NOTE = 'model: published survey-tool multipliers, workspace assumptions, not observed churn';

/**
 * Short term: detractors (first horizon). Long term: passives and unscored accounts (which borrow
 * the passive value by default) and promoters, whose probability is 0 unless the workspace says so.
 */
export function expectedRevenueLoss(arr: ArrByCategory, settings: MetricSettings): ExpectedRevenueLoss {
  assertArrByCategory(arr);
  const p = settings.churnProbability;
  const unscoredProbability = p[settings.unscoredTreatedAs];
  const horizon = settings.churnHorizonDays;
  const inputs = {
    detractorArr: arr.detractor,
    passiveArr: arr.passive,
    promoterArr: arr.promoter,
    unscoredArr: arr.unscored,
    detractorProbability: p.detractor,
    passiveProbability: p.passive,
    promoterProbability: p.promoter,
    unscoredProbability,
  };
  const rule = `churn probabilities (workspace settings): detractor ${p.detractor}, passive ${p.passive}, promoter ${p.promoter}; unscored uses the ${settings.unscoredTreatedAs} value`;
  const shortTerm = roundToMinorUnits(arr.detractor * p.detractor);
  const longTerm = roundToMinorUnits(arr.passive * p.passive + arr.unscored * unscoredProbability + arr.promoter * p.promoter);
  const money = (value: number, formula: string) => figure('minor-units', value, { formula, inputs, rule, notes: [MODEL_NOTE, 'rounded to the minor unit'] });
  return {
    shortTerm: money(shortTerm, `detractor ARR × ${p.detractor} (within ${horizon.detractor} days)`),
    longTerm: money(longTerm, `passive ARR × ${p.passive} + unscored ARR × ${unscoredProbability} + promoter ARR × ${p.promoter} (within ${horizon.passive} days)`),
    total: money(shortTerm + longTerm, 'short-term + long-term expected loss'),
    potentialGrowth: figure('minor-units', roundToMinorUnits(arr.promoter * settings.growthFactor), {
      formula: `promoter ARR × ${settings.growthFactor}`,
      inputs: { promoterArr: arr.promoter, growthFactor: settings.growthFactor },
      rule: 'growth factor (workspace setting)',
      notes: [MODEL_NOTE, 'rounded to the minor unit'],
    }),
  };
}

export interface ChurnOutcome {
  accountId: string;
  /** Category at period start. */
  category: NpsCategory;
  /** Known outcome 12 months later. */
  churned: boolean;
}

/** Evidence-based churn per category, shown beside the assumptions only with enough outcomes. */
export function observedChurn(outcomes: readonly ChurnOutcome[], settings: MetricSettings): ObservedChurn {
  const minimumSample = settings.evidenceMinimumSample;
  const shown = outcomes.length >= minimumSample;
  const rateOf = (category: NpsCategory): Figure => {
    const cohort = outcomes.filter((outcome) => outcome.category === category);
    const churned = cohort.filter((outcome) => outcome.churned);
    const explanation = {
      formula: `churned ${category} accounts / ${category} accounts at period start (12-month outcome)`,
      inputs: { churned: churned.length, accounts: cohort.length, sampleSize: outcomes.length, minimumSample },
      rule: `evidence-based: shown with at least ${minimumSample} accounts with a known category and outcome`,
      accountIds: churned.map((outcome) => outcome.accountId),
    };
    if (!shown) return nullFigure('ratio', `only ${outcomes.length} of the ${minimumSample} account outcomes needed`, explanation);
    return ratioFigure(churned.length, cohort.length, `no ${category} accounts in the sample`, explanation);
  };
  const byCategory = Object.fromEntries(NPS_CATEGORIES.map((category) => [category, rateOf(category)])) as Record<NpsCategory, Figure>;
  return { sampleSize: outcomes.length, minimumSample, shown, byCategory };
}
