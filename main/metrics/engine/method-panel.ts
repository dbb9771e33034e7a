/**
 * The method panel (metrics.md §2) from lean account scores: the same portfolio functions that
 * methodPanel() calls (portfolioNpsByAccounts, revenueWeightedNps, pooled npsFromCounts), fed
 * with each method's categories.
 */
import type { MetricSettings } from '../../../shared/domain/metrics-settings';
import { ACCOUNT_SCORE_METHODS, type AccountScoreMethod, type Figure, type PortfolioMethodPanel } from '../../../shared/domain/metrics-types';
import { portfolioNpsByAccounts, revenueWeightedNps, type CategorizedAccount } from '../account-nps';
import { npsFromCounts, poolCounts } from '../nps';
import type { AccountState } from './account-state';

function categorizedBy(accounts: readonly AccountState[], method: AccountScoreMethod): CategorizedAccount[] {
  return accounts.map((account) => ({ accountId: account.attrs.id, arr: account.arr, category: account.scores.category[method] }));
}

/** count-all pools every valid response of the active accounts, as portfolioNps(…, 'count-all'). */
function countAllPortfolioNps(accounts: readonly AccountState[]): Figure {
  const active = accounts.filter((account) => account.arr > 0);
  const pooled = npsFromCounts(poolCounts(active.map((account) => account.scores.counts)));
  return { ...pooled.nps, rule: 'every valid response in the window counts; active accounts only (ARR > 0 at the window’s end)', accountIds: active.map((a) => a.attrs.id) };
}

export function panelFromScores(accounts: readonly AccountState[], settings: MetricSettings): PortfolioMethodPanel {
  const byMethod = Object.fromEntries(ACCOUNT_SCORE_METHODS.map((method) => [method, categorizedBy(accounts, method)])) as Record<AccountScoreMethod, CategorizedAccount[]>;
  return {
    headlineMethod: settings.headlineMethod,
    portfolioNps: {
      'count-all': countAllPortfolioNps(accounts),
      average: portfolioNpsByAccounts(byMethod.average),
      waterfall: portfolioNpsByAccounts(byMethod.waterfall),
      weighted: portfolioNpsByAccounts(byMethod.weighted),
    },
    revenueWeightedNps: {
      average: revenueWeightedNps(byMethod.average),
      waterfall: revenueWeightedNps(byMethod.waterfall),
      weighted: revenueWeightedNps(byMethod.weighted),
    },
  };
}
