/**
 * What is decided about each account before anything is written: its tier, how healthy it is each
 * quarter, whether it is a new logo, and whether (and when) it churns.
 */
import { ACCOUNT_TIERS } from '../../../shared/domain/accounts';
import type { AccountTier } from '../../../shared/domain/accounts';
import { TIER_WEIGHTS } from '../vocabulary/account-book';
import type { GenerationContext } from './context';

export interface AccountPlan {
  tier: AccountTier;
  health: Float64Array;
  isNew: boolean;
  startQ: number;
  /** Quarter-end index at which ARR drops to 0, or -1. */
  churnAt: number;
}

/** Share of accounts that churn within the history: drawn as an exact count, so even the 60-account demo shows it. */
const CHURN_SHARE = 0.085;

const tierWeights = ACCOUNT_TIERS.map((tier) => TIER_WEIGHTS[tier]);

/**
 * Health per account and quarter, and who churns when. Churners are a weighted sample without
 * replacement (exponential keys): the weight is the account's churn hazard summed over its quarters,
 * so unhappy accounts leave far more often, and the churn quarter follows the hazard too.
 */
export function planAccounts(ctx: GenerationContext): AccountPlan[] {
  const r = ctx.rng;
  const n = ctx.timeline.n;
  const plans: AccountPlan[] = [];
  const keys: { i: number; key: number; hazards: number[] }[] = [];
  for (let i = 0; i < ctx.options.accounts; i++) {
    const tier = ACCOUNT_TIERS[r.weightedIndex(tierWeights)]!;
    // A stable account baseline plus a slowly wandering deviation (AR(1)), so trends exist.
    const health = new Float64Array(n);
    const baseline = r.normal(0, 0.7);
    let deviation = r.normal(0, 0.55);
    for (let j = 0; j < n; j++) {
      deviation = 0.7 * deviation + r.normal(0, 0.4);
      health[j] = baseline + deviation;
    }
    const isNew = n > 1 && r.chance(0.12);
    const startQ = isNew ? r.int(1, n - 1) : 0;
    plans.push({ tier, health, isNew, startQ, churnAt: -1 });
    // Movement j happens at quarter end j + 1 and follows health in quarter j.
    const tierHazard = tier === 'SMB' ? 1.5 : tier === 'Mid-market' ? 1 : tier === 'Enterprise' ? 0.7 : 0.5;
    const hazards: number[] = [];
    let total = 0;
    for (let j = startQ; j < n - 1; j++) {
      const h = tierHazard * Math.exp(-1.8 * health[j]!);
      hazards.push(h);
      total += h;
    }
    if (total > 0) keys.push({ i, key: -Math.log(1 - r.next()) / total, hazards });
  }
  keys.sort((a, b) => a.key - b.key || a.i - b.i);
  for (const { i, hazards } of keys.slice(0, Math.round(ctx.options.accounts * CHURN_SHARE))) {
    const plan = plans[i]!;
    const j = plan.startQ + r.weightedIndex(hazards);
    plan.churnAt = j + 1;
    // Accounts sour before they leave: the last two quarters' interviews should show it.
    plan.health[j] = plan.health[j]! - 0.8;
    if (j - 1 >= plan.startQ) plan.health[j - 1] = plan.health[j - 1]! - 0.4;
  }
  return plans;
}
