/**
 * The method panel (metrics.md §2) from lean account scores: the same portfolio functions that
 * methodPanel() calls (portfolioNpsOf, revenueWeightedNpsOf, pooled npsFromCounts), reading each
 * method's categories straight from the account states (no object per account and method).
 */
import type { MetricSettings } from '../../../shared/domain/metrics-settings';
import type { AccountScoreMethod, Figure, PortfolioMethodPanel } from '../../../shared/domain/metrics-types';
import { portfolioNpsOf, revenueWeightedNpsOf, type CategorizedAccounts } from '../account-nps';
import { npsFromCounts, poolCounts } from '../nps';
import type { AccountState } from './account-state';

function categorizedBy(accounts: readonly AccountState[], method: AccountScoreMethod): CategorizedAccounts {
  return {
    count: accounts.length,
    accountIdAt: (k) => accounts[k]!.attrs.id,
    arrAt: (k) => accounts[k]!.arr,
    categoryAt: (k) => accounts[k]!.scores.category[method],
  };
}

/** count-all pools every valid response of the active accounts, as portfolioNps(…, 'count-all'). */
function countAllPortfolioNps(accounts: readonly AccountState[]): Figure {
  const active = accounts.filter((account) => account.arr > 0);
  const pooled = npsFromCounts(poolCounts(active.map((account) => account.scores.counts)));
  return { ...pooled.nps, rule: 'every valid response in the window counts; active accounts only (ARR > 0 at the window’s end)', accountIds: active.map((a) => a.attrs.id) };
}

export function panelFromScores(accounts: readonly AccountState[], settings: MetricSettings): PortfolioMethodPanel {
  const average = categorizedBy(accounts, 'average');
  const waterfall = categorizedBy(accounts, 'waterfall');
  const weighted = categorizedBy(accounts, 'weighted');
  return {
    headlineMethod: settings.headlineMethod,
    portfolioNps: {
      'count-all': countAllPortfolioNps(accounts),
      average: portfolioNpsOf(average),
      waterfall: portfolioNpsOf(waterfall),
      weighted: portfolioNpsOf(weighted),
    },
    revenueWeightedNps: {
      average: revenueWeightedNpsOf(average),
      waterfall: revenueWeightedNpsOf(waterfall),
      weighted: revenueWeightedNpsOf(weighted),
    },
  };
}
