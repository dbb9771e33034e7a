/**
 * A frozen quarter and a scenario on it, against what really happened in the next quarter: the
 * same accounts' ARR at its end (the model's R predicts it) and their revenue-weighted NPS in it,
 * scored with the settings frozen in the snapshot so that only the data differs.
 */
import type { Kysely } from 'kysely';
import type { SimulatorMoveInput, SnapshotComparison } from '../../../shared/contract/metrics';
import type { ArrByCategory, Figure } from '../../../shared/domain/metrics-types';
import type { Database } from '../../db/tables';
import { figure, nullFigure } from '../figure';
import { sumMinorUnits } from '../money';
import { arrByCategory } from '../revenue-at-risk';
import { revenueWeightedNpsOf, simulate } from '../value-of-point';
import { columnsOf, liveAccountsOf } from './book';
import { resolvePeriod, shiftQuarter } from './period';
import { capAccountIds } from './provenance-cap';
import type { QueryCache } from './query-cache';
import { loadScenario } from './scenarios';
import { runSimulation } from './simulation';
import { loadSnapshot } from './snapshots';
import { scoreAccount } from './account-scoring';
import { contactFacts } from './window-facts';

function difference(unit: 'minor-units' | 'nps', actual: Figure, predicted: Figure | null, formula: string): Figure {
  const inputs = { actual: actual.value, predicted: predicted?.value ?? null };
  return actual.value === null || predicted === null || predicted.value === null
    ? nullFigure(unit, actual.value === null ? (actual.nullReason ?? 'the actual figure is not known yet') : 'nothing to compare with', { formula, inputs, rule: null })
    : figure(unit, actual.value - predicted.value, { formula, inputs, rule: null });
}

export async function compareSnapshot(
  db: Kysely<Database>,
  cache: QueryCache,
  request: { snapshotId: string; scenarioId?: string; moves?: SimulatorMoveInput[] },
  today: string,
): Promise<SnapshotComparison> {
  const frozen = await loadSnapshot(db, request.snapshotId);
  const { inputs } = frozen;
  const moves = request.scenarioId ? (await loadScenario(db, request.scenarioId)).moves : request.moves;
  const baseline = simulate(inputs.accounts, [], inputs.settings).before;
  const scenario = moves && moves.length > 0 ? runSimulation(inputs, moves) : null;

  const startMonth = inputs.period.fiscalYearStartMonth;
  const next = shiftQuarter({ year: inputs.period.fiscalYear ?? 0, quarter: inputs.period.quarter ?? 1 }, 1);
  const nextPeriod = resolvePeriod({ kind: 'quarter', ...next }, today, startMonth, 'latest-complete-quarter');
  const complete = !nextPeriod.partial;
  const ids = inputs.accounts.map((account) => account.accountId);
  const actualRule = `the snapshot’s ${ids.length} active accounts, in ${nextPeriod.label}; categories by the snapshot’s settings`;

  let revenue: Figure;
  let weightedNps: Figure;
  let byCategory: ArrByCategory | null = null;
  if (!complete) {
    const reason = `${nextPeriod.label} has not ended yet`;
    revenue = nullFigure('minor-units', reason, { formula: `Σ ARR at ${nextPeriod.to}`, inputs: {}, rule: actualRule });
    weightedNps = nullFigure('nps', reason, { formula: '100 × (promoter ARR − detractor ARR) / scored ARR', inputs: {}, rule: actualRule });
  } else {
    const [live, columns, facts] = await Promise.all([liveAccountsOf(db, cache), columnsOf(db, cache, [nextPeriod.to], nextPeriod.to), contactFacts(db, cache, nextPeriod)]);
    const arrNext = columns.arr.get(nextPeriod.to) ?? [];
    const arrById = new Map(live.map((account, index) => [account.id, arrNext[index] ?? 0]));
    const after = inputs.accounts.map((account) => {
      const arr = arrById.get(account.accountId) ?? 0;
      const seen = facts.get(account.accountId);
      // scoreAccount() gives accountNps()'s headline category (a property test holds them equal).
      const category = seen ? scoreAccount(seen.contacts, seen.counts, inputs.settings).headlineCategory : null;
      return { accountId: account.accountId, arr, category };
    });
    revenue = figure('minor-units', sumMinorUnits(after.map((account) => account.arr)), {
      formula: `Σ ARR at ${nextPeriod.to} of the snapshot’s active accounts (0 when churned or deleted)`,
      inputs: { accounts: after.length, stillActive: after.filter((account) => account.arr > 0).length },
      rule: actualRule,
      accountIds: ids,
    });
    byCategory = arrByCategory(after.filter((account) => account.arr > 0));
    weightedNps = { ...revenueWeightedNpsOf(byCategory), rule: actualRule };
  }

  return capAccountIds({
    snapshot: frozen.summary,
    nextPeriod,
    nextPeriodComplete: complete,
    expected: { revenue: baseline.expectedRevenue, revenueWeightedNps: baseline.revenueWeightedNps },
    scenario,
    actual: { revenue, revenueWeightedNps: weightedNps, arrByCategory: byCategory },
    differences: {
      actualVsExpectedRevenue: difference('minor-units', revenue, baseline.expectedRevenue, 'actual ARR − model R (no moves)'),
      actualVsScenarioRevenue: difference('minor-units', revenue, scenario?.after.expectedRevenue ?? null, 'actual ARR − scenario R'),
      actualVsScenarioNps: difference('nps', weightedNps, scenario?.after.revenueWeightedNps ?? null, 'actual revenue-weighted NPS − scenario NPS'),
    },
  });
}
