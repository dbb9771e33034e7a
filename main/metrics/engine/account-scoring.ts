/**
 * Account scores for portfolio passes: the numbers and categories of accountNps() (metrics.md §2)
 * without building its explained figures, which for 10k accounts costs more than the SQL that fed
 * them. Same formulas, same order of arithmetic, so results are identical to the last bit; a
 * property test holds the two together. Single accounts (the account page) use accountNps() itself.
 */
import type { MetricSettings } from '../../../shared/domain/metrics-settings';
import { type AccountScoreMethod, type NpsCategory, type NpsCounts, type StakeholderRole } from '../../../shared/domain/metrics-types';
import { categoryMethod, clampToScores, weightedTotals, type ContactTally } from '../account-nps';
import { categorize } from '../nps';

export interface AccountScores {
  counts: NpsCounts;
  responses: number;
  /** 100 × (P − D) / N over every valid response (count-all), null without responses. */
  countAllNps: number | null;
  score: Record<AccountScoreMethod, number | null>;
  category: Record<AccountScoreMethod, NpsCategory | null>;
  waterfallRole: StakeholderRole | null;
  /** Category by the headline method (count-all falls back to weighted, as in accountNps). */
  headlineCategory: NpsCategory | null;
}

/**
 * From the contacts' tally (no pass over the contacts: this runs for every account of every window the
 * dashboard reads, 10k+ accounts, twice). The sums are accountNps()'s: integer score sums, exact in
 * any order, and the weighted totals of weightedTotals() itself, so the floats are the same to the bit.
 */
export function scoreAccount(tally: ContactTally, counts: NpsCounts, settings: MetricSettings): AccountScores {
  const responses = counts.promoters + counts.passives + counts.detractors;
  const average = averageScore(tally);
  const waterfallRole = waterfallRoleOf(tally);
  const waterfall = waterfallScore(tally);
  const weighted = weightedScore(tally, settings);
  const category = {
    average: average === null ? null : categorize(average),
    waterfall: waterfall === null ? null : categorize(waterfall),
    weighted: weighted === null ? null : categorize(weighted),
  };
  return {
    counts,
    responses,
    countAllNps: responses === 0 ? null : (100 * (counts.promoters - counts.detractors)) / responses,
    score: { average, waterfall, weighted },
    category,
    waterfallRole,
    headlineCategory: category[categoryMethod(settings.headlineMethod)],
  };
}

/** Each method's account score, as scoreAccount() computes it (null without contacts' scores). */
export function averageScore(tally: ContactTally): number | null {
  const n = tally.decisionMakers + tally.influencers + tally.users;
  return n === 0 ? null : (tally.decisionMakerSum + tally.influencerSum + tally.userSum) / n;
}

function waterfallRoleOf(tally: ContactTally): StakeholderRole | null {
  return tally.decisionMakers > 0 ? 'decision_maker' : tally.influencers > 0 ? 'influencer' : tally.users > 0 ? 'user' : null;
}

export function waterfallScore(tally: ContactTally): number | null {
  const role = waterfallRoleOf(tally);
  return role === 'decision_maker'
    ? tally.decisionMakerSum / tally.decisionMakers
    : role === 'influencer'
      ? tally.influencerSum / tally.influencers
      : role === 'user'
        ? tally.userSum / tally.users
        : null;
}

export function weightedScore(tally: ContactTally, settings: MetricSettings): number | null {
  const n = tally.decisionMakers + tally.influencers + tally.users;
  if (n === 0) return null;
  const { weightedSum, weightSum } = weightedTotals(tally, settings.roleWeights);
  return clampToScores(weightedSum / weightSum, tally);
}

/**
 * The headline category and weighted score of scoreAccount() alone, without its objects: the
 * year-earlier quarter's evidence needs only these two of 10k accounts.
 */
export function headlineCategoryOf(tally: ContactTally, settings: MetricSettings, weighted: number | null): NpsCategory | null {
  const method = categoryMethod(settings.headlineMethod);
  const score = method === 'weighted' ? weighted : method === 'average' ? averageScore(tally) : waterfallScore(tally);
  return score === null ? null : categorize(score);
}
