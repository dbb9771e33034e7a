/**
 * metrics.simulate and the scenario inputs: the period's active accounts with their headline
 * categories, through the pure simulate(). A move the portfolio cannot make is the user's input
 * error, reported as such.
 */
import type { Kysely } from 'kysely';
import { ApiError } from '../../../shared/contract/errors';
import type { MetricsFilters, MetricsPeriod, MetricsPeriodInput, MetricsSimulation, SimulatorMoveInput } from '../../../shared/contract/metrics';
import type { MetricSettings } from '../../../shared/domain/metrics-settings';
import type { SimulationResult } from '../../../shared/domain/metrics-types';
import type { Database } from '../../db/tables';
import type { CategorizedAccount } from '../account-nps';
import { simulate } from '../value-of-point';
import { loadBook } from './book';
import { resolvePeriod } from './period';
import { capAccountIds } from './provenance-cap';
import type { QueryCache } from './query-cache';
import { readMetricSettings } from './settings-store';

export interface ScenarioBase {
  period: MetricsPeriod;
  filters: MetricsFilters;
  settings: MetricSettings;
  accounts: (CategorizedAccount & { countAllNps: number | null })[];
}

export async function liveScenarioBase(
  db: Kysely<Database>,
  cache: QueryCache,
  request: { period?: MetricsPeriodInput; filters?: MetricsFilters },
  today: string,
): Promise<ScenarioBase> {
  const { settings, fiscalYearStartMonth } = await readMetricSettings(db);
  const period = resolvePeriod(request.period, today, fiscalYearStartMonth, 'latest-complete-quarter');
  const filters = request.filters ?? {};
  const book = await loadBook(db, cache, { period, filters, settings, today });
  const accounts = book.accounts
    .filter((account) => account.arr > 0)
    .map((account) => ({ accountId: account.attrs.id, arr: account.arr, category: account.category, countAllNps: account.countAllNps }));
  return { period, filters, settings, accounts };
}

export function runSimulation(base: ScenarioBase, moves: readonly SimulatorMoveInput[]): SimulationResult {
  try {
    return capAccountIds(simulate(base.accounts, moves, base.settings));
  } catch (err) {
    if (err instanceof RangeError) throw new ApiError({ code: 'invalid_input', message: `The scenario cannot run: ${err.message}.`, fields: { moves: err.message } });
    throw err;
  }
}

export async function computeSimulation(
  db: Kysely<Database>,
  cache: QueryCache,
  request: { period?: MetricsPeriodInput; filters?: MetricsFilters; moves: SimulatorMoveInput[] },
  today: string,
): Promise<MetricsSimulation> {
  const base = await liveScenarioBase(db, cache, request, today);
  return { period: base.period, filters: base.filters, result: runSimulation(base, request.moves) };
}
