/**
 * Account scores for portfolio passes: the numbers and categories of accountNps() (metrics.md §2)
 * without building its explained figures, which for 10k accounts costs more than the SQL that fed
 * them. Same formulas, same order of arithmetic, so results are identical to the last bit; a
 * property test holds the two together. Single accounts (the account page) use accountNps() itself.
 */
import type { MetricSettings } from '../../../shared/domain/metrics-settings';
import { STAKEHOLDER_ROLES, type AccountScoreMethod, type NpsCategory, type NpsCounts, type StakeholderRole } from '../../../shared/domain/metrics-types';
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

const roleOf = (contact: ContactScore): StakeholderRole => contact.role ?? 'user';

function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

export function scoreAccount(contacts: readonly ContactScore[], counts: NpsCounts, settings: MetricSettings): AccountScores {
  const responses = counts.promoters + counts.passives + counts.detractors;
  const average = contacts.length === 0 ? null : mean(contacts.map((contact) => contact.score));
  const waterfallRole = STAKEHOLDER_ROLES.find((candidate) => contacts.some((contact) => roleOf(contact) === candidate)) ?? null;
  const waterfall = waterfallRole === null ? null : mean(contacts.filter((contact) => roleOf(contact) === waterfallRole).map((contact) => contact.score));
  const weights = settings.roleWeights;
  const weightSum = contacts.reduce((sum, contact) => sum + weights[roleOf(contact)], 0);
  const weightedSum = contacts.reduce((sum, contact) => sum + weights[roleOf(contact)] * contact.score, 0);
  // Fractional weights can land a few ulps outside 0..10 (10.000000000000002), which categorize()
  // rejects; the true weighted mean of 0..10 scores cannot, so clamp the float noise away.
  const weighted = contacts.length === 0 ? null : Math.min(10, Math.max(0, weightedSum / weightSum));
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
