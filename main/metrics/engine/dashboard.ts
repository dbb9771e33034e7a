/**
 * metrics.dashboard: the book of accounts for the period and filters, through the pure functions.
 * Only active accounts (ARR > 0 at the window's end) count in portfolio figures (metrics.md).
 */
import type { Kysely } from 'kysely';
import type { MetricsDashboard, MetricsFilters, MetricsPeriodInput } from '../../../shared/contract/metrics';
import type { Figure, LoopKpiBreakdown, NpsCounts } from '../../../shared/domain/metrics-types';
import type { MetricSettings } from '../../../shared/domain/metrics-settings';
import type { Database } from '../../db/tables';
import { nowIso } from '../../db/clock';
import { categoryMethod } from '../account-nps';
import { revenueCoverage } from '../coverage';
import { driverArrAtRisk } from '../drivers';
import { figure } from '../figure';
import { sumMinorUnits } from '../money';
import { npsFromCounts, poolCounts } from '../nps';
import { retentionRatesOf } from '../retention';
import { arrByCategory, expectedRevenueLoss, hardArrAtRisk } from '../revenue-at-risk';
import { expectedRevenue, scoredArr, valueOfOnePoint } from '../value-of-point';
import type { AccountState } from './account-state';
import { loadBook, type Book } from './book';
import { waterfallFromPartials, type DriverPartials } from './driver-partials';
import { evidence } from './evidence';
import { loopBreakdown, loopBreakdownFromGroups } from './loop-breakdown';
import { panelFromScores } from './method-panel';
import { resolvePeriod, windowPoint, yearEarlier, type Window } from './period';
import { capAccountIds } from './provenance-cap';
import type { QueryCache } from './query-cache';
import { readMetricSettings } from './settings-store';
import { followUpsOpenedIn } from './sql-actions';
import { loopTimes, tallyLoopPairs, type LoopPairTimes, type LoopScope } from './sql-loop';
import { memoInParallel } from './parallel-reads';
import { METRIC_MEMO_GROUPS } from '../../db/migrations/007-metrics-arr-counter';
import { driverLabels } from './sql-driver-citations';
import { trendPlan, trends } from './trends';
import { citationFacts, contactFacts } from './window-facts';

export interface DashboardRequest {
  period?: MetricsPeriodInput;
  filters?: MetricsFilters;
}

const ids = (accounts: readonly AccountState[]) => accounts.map((account) => account.attrs.id);

export async function computeDashboard(db: Kysely<Database>, cache: QueryCache, request: DashboardRequest, today: string): Promise<MetricsDashboard> {
  const { settings, fiscalYearStartMonth, problem } = await readMetricSettings(db);
  const period = resolvePeriod(request.period, today, fiscalYearStartMonth, 'latest-complete-quarter');
  const filters = request.filters ?? {};
  const plan = trendPlan(period, today);
  const loading = loadBook(db, cache, { period, filters, settings, today, extraDays: plan.days });
  startIndependentReads(db, cache, { from: period.from, to: period.to }, filters, settings);
  const book = await loading;
  const active = book.accounts.filter((account) => account.arr > 0);
  const activeRule = `${book.scopeRule}; active at ${period.to} (ARR > 0)`;

  // The active accounts' pooled counts: the headline, the waterfall and the trend's own quarter share them.
  const activeCounts = poolCounts(active.map((account) => account.scores.counts));
  const pooled = npsFromCounts(activeCounts);
  const panel = panelFromScores(book.accounts, settings);
  const headlineCategoryMethod = categoryMethod(settings.headlineMethod);
  const risk = active.map((account) => ({ accountId: account.attrs.id, arr: account.arr, category: account.category, countAllNps: account.countAllNps }));
  const byCategory = arrByCategory(risk);
  const loss = expectedRevenueLoss(byCategory, settings);
  const silent = active.filter((account) => account.silent);
  const retained = retentionRatesOf({
    count: book.accounts.length,
    accountIdAt: (k) => book.accounts[k]!.attrs.id,
    arrStartAt: (k) => book.accounts[k]!.arrT0,
    arrEndAt: (k) => book.accounts[k]!.arr,
  });
  const activeArr = sumMinorUnits(active.map((account) => account.arr));

  const [trendSeries, drivers, proof, loop] = await Promise.all([
    trends(db, cache, book, period, plan.points, activeCounts),
    driverFigures(db, cache, book, active, activeCounts, settings.driverScale.negativeAtMost),
    evidence(db, cache, book, settings),
    loopFigures(db, cache, book, settings),
  ]);

  const dashboard: MetricsDashboard = {
    period,
    filters,
    asOf: book.asOf,
    scope: {
      accounts: book.accounts.length,
      activeAccounts: active.length,
      activeArr: figure('minor-units', activeArr, { formula: 'Σ ARR at the window’s end of active accounts', inputs: { activeAccounts: active.length }, rule: activeRule, accountIds: ids(active) }),
    },
    headline: {
      nps: { ...pooled.nps, rule: `every valid response in the window counts; ${activeRule}`, accountIds: ids(active) },
      interval95: { ...pooled.interval95, rule: activeRule },
      responses: figure('count', pooled.counts.total, { formula: 'N = valid responses in the window', inputs: pooled.nps.inputs, rule: activeRule }),
      portfolioNps: panel.portfolioNps[settings.headlineMethod],
      revenueWeightedNps: panel.revenueWeightedNps[headlineCategoryMethod],
      arrAtRisk: hardArrAtRisk(risk, settings.atRiskRule),
      expectedLossShortTerm: loss.shortTerm,
      expectedLossLongTerm: loss.longTerm,
      potentialGrowth: loss.potentialGrowth,
      coverage: revenueCoverage(book.accounts.map((account) => ({ accountId: account.attrs.id, arr: account.arr, responded: account.responded })), settings),
      silentAccounts: figure('count', silent.length, silenceExplanation(book, silent, active.length, settings.silenceDays)),
      silentArr: figure('minor-units', sumMinorUnits(silent.map((account) => account.arr)), silenceExplanation(book, silent, active.length, settings.silenceDays)),
      nrr: retained.nrr,
      grr: retained.grr,
    },
    methodPanel: panel,
    npsTrend: trendSeries.npsTrend,
    retentionTrend: trendSeries.retentionTrend,
    drivers,
    valueOfOnePoint: {
      model: valueOfOnePoint(scoredArr(byCategory), settings),
      expectedRevenue: expectedRevenue(byCategory, settings),
      arrByCategory: byCategory,
      evidence: proof.slope,
      observedChurn: proof.churn,
      evidencePeriod: windowPoint(proof.window, `${proof.window.from} – ${proof.window.to}`, today),
    },
    loop,
    settings,
  };
  if (problem) dashboard.headline.nps = { ...dashboard.headline.nps, notes: [...(dashboard.headline.nps.notes ?? []), problem] };
  return capAccountIds(dashboard);
}

/**
 * The loop KPIs as of now. The follow-ups' times are read per (owner, level) in SQL and memoised; the
 * clock and the targets apply in JavaScript on every call. Row by row, from the memoised follow-ups,
 * when a stored timestamp needs JavaScript's reading.
 */
async function loopFigures(db: Kysely<Database>, cache: QueryCache, book: Book, settings: MetricSettings): Promise<LoopKpiBreakdown> {
  const asOf = nowIso();
  const scope: LoopScope = book.accounts.length === book.live.length ? { kind: 'live' } : { kind: 'accounts', ids: ids(book.accounts) };
  // Which accounts are in scope follows from the filters and the accounts; with segment filters, from
  // everything the placements read too. Every live account in scope is one result, however decided.
  const pairs =
    scope.kind === 'live'
      ? await liveLoopTimes(db, cache, book.window)
      : await cache.get(
          `loop-times|${book.window.from}|${book.window.to}|${book.scopeKey}`,
          () => loopTimes(db, book.window, scope),
          ['actions', ...(book.placements ? METRIC_MEMO_GROUPS : (['accounts'] as const))],
        );
  if (pairs !== null) return loopBreakdownFromGroups(tallyLoopPairs(pairs, Date.parse(asOf), settings), asOf, settings);
  const actions = await cache.get(`follow-ups|${book.window.from}|${book.window.to}`, () => followUpsOpenedIn(db, book.window), ['actions']);
  const inScope = new Set(ids(book.accounts));
  return loopBreakdown(
    actions.filter((action) => inScope.has(action.accountId)),
    asOf,
    settings,
  );
}

/**
 * Starts the memoised reads that do not depend on the book, right after the book's own: while the
 * metrics reader thread reads ARR and last touch for the book, the core's thread reads these instead
 * of waiting. The calls further down take the same memo entries; their errors surface there.
 */
function startIndependentReads(db: Kysely<Database>, cache: QueryCache, window: Window, filters: MetricsFilters, settings: MetricSettings): void {
  const ignore = () => undefined;
  // Without filters every live account is in scope (loopFigures()): its follow-ups go to the reader now.
  if (Object.values(filters).every((value) => value === undefined)) liveLoopTimes(db, cache, window).catch(ignore);
  citationFacts(db, cache, window, settings.driverScale.negativeAtMost).catch(ignore);
  contactFacts(db, cache, yearEarlier(window)).catch(ignore);
}

/** Every live account's follow-up times in the window (no segment placements involved). */
function liveLoopTimes(db: Kysely<Database>, cache: QueryCache, window: Window): Promise<LoopPairTimes[] | null> {
  return memoInParallel(cache, `loop-times|${window.from}|${window.to}|live`, { kind: 'loop-times', window }, ['actions', 'accounts'], () =>
    loopTimes(db, window, { kind: 'live' }),
  );
}

function silenceExplanation(book: Book, silent: readonly AccountState[], activeAccounts: number, days: number): Omit<Figure, 'value' | 'unit'> {
  return {
    formula: `active accounts with no response or interview for more than ${days} days, as of ${book.asOf}`,
    inputs: { silentAccounts: silent.length, activeAccounts, silenceDays: days, asOf: book.asOf },
    rule: `silence: ${days} days (workspace setting); a never-heard-from account counts from when it was created`,
    accountIds: ids(silent),
  };
}

async function driverFigures(
  db: Kysely<Database>,
  cache: QueryCache,
  book: Book,
  active: readonly AccountState[],
  activeCounts: NpsCounts,
  negativeAtMost: number,
): Promise<MetricsDashboard['drivers']> {
  const [citations, labels] = await Promise.all([citationFacts(db, cache, book.window, negativeAtMost), cache.get('driver-labels', () => driverLabels(db), ['responses'])]);
  const partials: DriverPartials = new Map();
  const rows = citations.rowsFor(book.live);
  for (const account of active) citations.addPartialsAt(rows[account.liveIndex]!, partials);
  const waterfall = waterfallFromPartials(partials, activeCounts, labels);
  const atRisk = driverArrAtRisk(
    book.accounts.map((account) => ({
      accountId: account.attrs.id,
      arr: account.arr,
      atRisk: account.atRisk,
      negativeDriverIds: citations.negativeDriverIdsAt(rows[account.liveIndex]!),
    })),
    labels,
  );
  return {
    arrAtRisk: atRisk.arrAtRisk,
    ranking: [...atRisk.ranking],
    unattributed: atRisk.drivers.find((driver) => driver.driverId === null) ?? null,
    waterfall,
  };
}

