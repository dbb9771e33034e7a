/**
 * Quarter-by-quarter trends for the dashboard: count-all NPS with its interval, and NRR/GRR, over
 * the same accounts as the headline (those in scope, active at each quarter's end).
 */
import type { Kysely } from 'kysely';
import type { MetricsPeriod, NpsTrendPoint, PeriodPoint, RetentionTrendPoint } from '../../../shared/contract/metrics';
import type { NpsCounts } from '../../../shared/domain/metrics-types';
import type { Database } from '../../db/tables';
import { npsFromCounts } from '../nps';
import { retentionRatesOf } from '../retention';
import type { Book } from './book';
import { retentionStart, trendQuarters } from './period';
import type { QueryCache } from './query-cache';
import { inParallel } from './parallel-reads';
import { countScope, type CountScope } from './sql-trend';
import { trendCounts } from './trend-counts';

export const TREND_QUARTERS = 8;

/** The quarters of the trend, and the days whose ARR it needs (to load them with the book). */
export function trendPlan(period: MetricsPeriod, today: string): { points: PeriodPoint[]; days: string[] } {
  const points = trendQuarters(period.to, period.fiscalYearStartMonth, TREND_QUARTERS, today);
  return { points, days: points.flatMap((point) => [point.to, retentionStart(point.to)]) };
}

export async function trends(
  db: Kysely<Database>,
  cache: QueryCache,
  book: Book,
  period: MetricsPeriod,
  points: readonly PeriodPoint[],
  /** The selected window's counts over the active accounts in scope (the headline's). */
  selectedCounts: NpsCounts,
): Promise<{ npsTrend: NpsTrendPoint[]; retentionTrend: RetentionTrendPoint[] }> {
  // Positions of the accounts in scope among the live accounts (the order of book.arrAt's columns).
  const scoped = book.accounts.map((account) => account.attrs.id);
  const scopedIndex = Int32Array.from(book.accounts, (account) => account.liveIndex);
  const inScope = new Uint8Array(book.live.length);
  for (const index of scopedIndex) inScope[index] = 1;
  // Every point's counts are asked for at once: on the reader thread they are read back to back.
  const pointsCounts = await Promise.all(
    points.map((point) => pointCounts(db, cache, book, period, point, selectedCounts, () => splitByActivity(book, scoped, scopedIndex, inScope, book.arrAt(point.to)))),
  );
  const npsTrend: NpsTrendPoint[] = [];
  const retentionTrend: RetentionTrendPoint[] = [];
  points.forEach((point, p) => {
    const [arrEnd, arrStart] = [book.arrAt(point.to), book.arrAt(retentionStart(point.to))];
    const nps = npsFromCounts(pointsCounts[p]!);
    const rule = `count-all over ${book.scopeRule}, active at ${point.to} (ARR > 0)`;
    npsTrend.push({
      period: point,
      nps: { ...nps.nps, rule, notes: point.partial ? ['quarter to date'] : [] },
      interval95: { ...nps.interval95, rule },
      responses: nps.counts.total,
    });
    const result = retentionRatesOf({
      count: scoped.length,
      accountIdAt: (k) => scoped[k]!,
      arrStartAt: (k) => arrStart[scopedIndex[k]!] ?? 0,
      arrEndAt: (k) => arrEnd[scopedIndex[k]!] ?? 0,
    });
    retentionTrend.push({ period: point, nrr: result.nrr, grr: result.grr, cohortSize: result.cohortSize });
  });
  return { npsTrend, retentionTrend };
}

/**
 * The live accounts counted at a trend point (in scope and active at its end) as a count scope:
 * index arithmetic over the live accounts, no id sets, and only the list sent is made.
 */
function splitByActivity(book: Book, scoped: readonly string[], scopedIndex: Int32Array, inScope: Uint8Array, arrEnd: Readonly<Float64Array>): CountScope {
  const active = (k: number) => (arrEnd[scopedIndex[k]!] ?? 0) > 0;
  let included = 0;
  for (let k = 0; k < scoped.length; k++) if (active(k)) included += 1;
  return countScope(
    included,
    book.live.length - included,
    () => scoped.filter((_, k) => active(k)),
    () => book.live.filter((account, index) => inScope[index] === 0 || !((arrEnd[index] ?? 0) > 0)).map((account) => account.id),
  );
}

async function pointCounts(
  db: Kysely<Database>,
  cache: QueryCache,
  book: Book,
  period: MetricsPeriod,
  point: PeriodPoint,
  selectedCounts: NpsCounts,
  split: () => CountScope,
): Promise<NpsCounts> {
  // The selected window itself: the window pass already has the counts, and they must match the headline.
  if (point.from === period.from && point.to === period.to) return selectedCounts;
  // The accounts counted come from accounts and their ARR (soft-deleted ones left out); segments and
  // risk zones also from everything placements read, so with those the result outlives no write (and
  // is read here: the reader's snapshot could not be matched to the memo's by counters).
  const reads = book.placements ? undefined : (['responses', 'accounts', 'arr'] as const);
  const window = { from: point.from, to: point.to };
  return cache.get(
    `trend-counts|${point.from}|${point.to}|${book.scopeKey}`,
    () => {
      const scope = split();
      const local = () => trendCounts(db, window, cache.summaries, scope);
      return reads ? inParallel(cache, { kind: 'trend-counts', window, summaries: cache.summaries, scope }, reads, local) : local();
    },
    reads,
  );
}
