/**
 * Account scores for portfolio passes: the numbers and categories of accountNps() (metrics.md §2)
 * without building its explained figures, which for 10k accounts costs more than the SQL that fed
 * them. Same formulas, same order of arithmetic, so results are identical to the last bit; a
 * property test holds the two together. Single accounts (the account page) use accountNps() itself.
 */
import type { MetricSettings } from '../../../shared/domain/metrics-settings';
import { type AccountScoreMethod, type NpsCategory, type NpsCounts, type StakeholderRole } from '../../../shared/domain/metrics-types';
import { categoryMethod, type ContactScore } from '../account-nps';
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
 * One pass over the contacts, no intermediate arrays (this runs for every account of every window the
 * dashboard reads: 10k+ accounts, twice). Every sum adds the same numbers in the same order as
 * accountNps() does (contacts in list order), so the floats are the same to the bit.
 */
export function scoreAccount(contacts: readonly ContactScore[], counts: NpsCounts, settings: MetricSettings): AccountScores {
  const responses = counts.promoters + counts.passives + counts.detractors;
  const weights = settings.roleWeights;
  const wDecisionMaker = weights.decision_maker;
  const wInfluencer = weights.influencer;
  const wUser = weights.user;
  let sum = 0;
  let weightSum = 0;
  let weightedSum = 0;
  let lowest = Infinity;
  let highest = -Infinity;
  let decisionMakers = 0;
  let decisionMakerSum = 0;
  let influencers = 0;
  let influencerSum = 0;
  let users = 0;
  let userSum = 0;
  for (let i = 0; i < contacts.length; i++) {
    const contact = contacts[i]!;
    const score = contact.score;
    sum += score;
    if (score < lowest) lowest = score;
    if (score > highest) highest = score;
    const role = contact.role;
    if (role === 'decision_maker') {
      decisionMakers += 1;
      decisionMakerSum += score;
      weightSum += wDecisionMaker;
      weightedSum += wDecisionMaker * score;
    } else if (role === 'influencer') {
      influencers += 1;
      influencerSum += score;
      weightSum += wInfluencer;
      weightedSum += wInfluencer * score;
    } else {
      // A contact with no role counts as a user (metrics.md §2).
      users += 1;
      userSum += score;
      weightSum += wUser;
      weightedSum += wUser * score;
    }
  }
  const n = contacts.length;
  const average = n === 0 ? null : sum / n;
  const waterfallRole: StakeholderRole | null = decisionMakers > 0 ? 'decision_maker' : influencers > 0 ? 'influencer' : users > 0 ? 'user' : null;
  const waterfall =
    waterfallRole === 'decision_maker' ? decisionMakerSum / decisionMakers : waterfallRole === 'influencer' ? influencerSum / influencers : waterfallRole === 'user' ? userSum / users : null;
  // Fractional weights can land a few ulps outside the scores' range (10.000000000000002): clamp, as
  // clampWeightedMean() does in accountNps().
  const mean = n === 0 ? 0 : weightedSum / weightSum;
  const weighted = n === 0 ? null : mean < lowest ? lowest : mean > highest ? highest : mean;
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
