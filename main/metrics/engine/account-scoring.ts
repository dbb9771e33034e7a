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
  const { decisionMakers, influencers, users } = tally;
  const n = decisionMakers + influencers + users;
  const average = n === 0 ? null : (tally.decisionMakerSum + tally.influencerSum + tally.userSum) / n;
  const waterfallRole: StakeholderRole | null = decisionMakers > 0 ? 'decision_maker' : influencers > 0 ? 'influencer' : users > 0 ? 'user' : null;
  const waterfall =
    waterfallRole === 'decision_maker'
      ? tally.decisionMakerSum / decisionMakers
      : waterfallRole === 'influencer'
        ? tally.influencerSum / influencers
        : waterfallRole === 'user'
          ? tally.userSum / users
          : null;
  const { weightedSum, weightSum } = weightedTotals(tally, settings.roleWeights);
  const weighted = n === 0 ? null : clampToScores(weightedSum / weightSum, tally);
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
