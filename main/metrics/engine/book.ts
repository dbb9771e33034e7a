/**
 * The book of accounts for one window and one set of filters: every live account in scope with its
 * state. SQL aggregates are memoised (query-cache.ts); filters, segments and settings apply here,
 * in memory over at most tens of thousands of accounts, so changing them never re-reads responses.
 */
import type { Kysely } from 'kysely';
import type { MetricsFilters, MetricsPeriod } from '../../../shared/contract/metrics';
import type { MetricSettings } from '../../../shared/domain/metrics-settings';
import type { Database } from '../../db/tables';
import { weightedScore } from './account-scoring';
import { accountState, effectivePlacement, placements, type AccountState, type Placements } from './account-state';
import { memoInParallel } from './parallel-reads';
import { addDays, previousWindow, retentionStart, type Window } from './period';
import type { QueryCache } from './query-cache';
import { arrColumns, lastTouches, liveAccounts, openExpansionAccounts, type AccountAttributes, type AccountColumns } from './sql-accounts';
import { segmentOverrides } from './sql-overrides';
import { milestonesDueBy, qbrsUpTo } from './sql-success-vector';
import { successVectorAlert, successVectorHistory } from './success-vector-history';
import { NO_CONTACTS } from '../account-nps';
import type { AccountWindowFacts } from './contact-columns';
import { contactFacts } from './window-facts';

export interface Book {
  window: Window;
  /** Silence and renewals are judged on this day: the window's end, or today for a running window. */
  asOf: string;
  t0: string;
  live: readonly AccountAttributes[];
  /** ARR of every live account (liveAccounts() order) at the window's days and any extra day asked for. */
  arrAt(day: string): Readonly<Float64Array>;
  accounts: AccountState[];
  placements: Map<string, Placements> | null;
  /** The filters in words, for provenance. */
  scopeRule: string;
  /** Identifies the set of accounts in scope for memo keys (with the data version, it decides it). */
  scopeKey: string;
}

export const liveAccountsOf = (db: Kysely<Database>, cache: QueryCache) => cache.get('live-accounts', () => liveAccounts(db), ['accounts']);

/**
 * ARR at every day a request needs (one pass over the live accounts, memoised as a whole) and last
 * touch, memoised apart: an interview saved moves last touch but leaves the ARR columns memoised.
 */
export async function columnsOf(db: Kysely<Database>, cache: QueryCache, days: readonly string[], touchDay: string): Promise<AccountColumns> {
  const unique = [...new Set(days)].sort();
  const [arr, lastTouch] = await Promise.all([
    memoInParallel(cache, `account-arr|${unique.join(',')}`, { kind: 'arr-columns', days: unique }, ['accounts', 'arr'], () => arrColumns(db, unique)),
    memoInParallel(cache, `last-touch|${touchDay}`, { kind: 'last-touches', day: touchDay }, ['accounts', 'touch'], () => lastTouches(db, touchDay)),
  ]);
  return { arr, lastTouch };
}

function attributeMatch(filters: MetricsFilters) {
  return (account: AccountAttributes) =>
    (filters.tier === undefined || account.tier === filters.tier) &&
    (filters.industry === undefined || account.industry === filters.industry) &&
    (filters.region === undefined || account.region === filters.region) &&
    (filters.owner === undefined || account.owner === filters.owner);
}

export function describeFilters(filters: MetricsFilters): string {
  const parts = Object.entries(filters)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key} = ${String(value)}`);
  return parts.length === 0 ? 'all live accounts' : `accounts with ${parts.join(', ')}`;
}

export async function loadBook(
  db: Kysely<Database>,
  cache: QueryCache,
  request: { period: MetricsPeriod; filters: MetricsFilters; settings: MetricSettings; today: string; withPlacements?: boolean; extraDays?: readonly string[] },
): Promise<Book> {
  const { period, filters, settings } = request;
  const window = { from: period.from, to: period.to };
  const asOf = period.to < request.today ? period.to : request.today;
  const t0 = retentionStart(period.to);
  const dayBefore = addDays(period.from, -1);
  // The reader thread (when there is one) reads ARR and last touch; the core meanwhile reads the live
  // accounts and the window's facts itself, which take about as long: the book needs all four.
  const [live, columns, facts] = await Promise.all([
    liveAccountsOf(db, cache),
    columnsOf(db, cache, [period.to, dayBefore, t0, ...(request.extraDays ?? [])], asOf),
    contactFacts(db, cache, window, 'core'),
  ]);
  const arrAt = (day: string): Readonly<Float64Array> => {
    const column = columns.arr.get(day);
    if (!column) throw new Error(`ARR at ${day} was not loaded with the book`);
    return column;
  };
  const [arrEnd, arrStart, arrT0, touches] = [arrAt(period.to), arrAt(dayBefore), arrAt(t0), columns.lastTouch];
  const matches = attributeMatch(filters);
  const asOfMs = Date.parse(asOf);
  const factRows = facts.rowsFor(live);
  // One tally and facts object for every account: account states keep the scores, not the facts.
  const tally = { ...NO_CONTACTS };
  const scratch: AccountWindowFacts = { counts: { promoters: 0, passives: 0, detractors: 0 }, contacts: tally };
  const factsOf = (row: number): AccountWindowFacts | undefined => {
    if (!facts.tallyInto(row, tally)) return undefined;
    scratch.counts = facts.countsAt(row);
    return scratch;
  };
  const accounts: AccountState[] = [];
  live.forEach((attrs, index) => {
    if (!matches(attrs)) return;
    accounts.push(
      accountState(
        {
          attrs,
          arr: arrEnd[index] ?? 0,
          arrWindowStart: arrStart[index] ?? 0,
          arrT0: arrT0[index] ?? 0,
          facts: factsOf(factRows[index]!),
          lastTouch: touches[index] ?? null,
          liveIndex: index,
        },
        asOf,
        settings,
        asOfMs,
      ),
    );
  });

  const needPlacements = request.withPlacements || filters.segment !== undefined || filters.riskZone !== undefined;
  const placed = needPlacements ? await placeAll(db, cache, live, accounts, period, asOf, settings) : null;
  const inScope = placed
    ? accounts.filter((account) => {
        const p = placed.get(account.attrs.id)!;
        return (
          (filters.segment === undefined || effectivePlacement(p.mspSegment) === filters.segment) &&
          (filters.riskZone === undefined || effectivePlacement(p.riskZone) === filters.riskZone)
        );
      })
    : accounts;
  // Segments depend on the period and the settings; attribute filters on nothing else.
  const scopeKey = JSON.stringify([filters, placed ? [period.from, period.to, asOf, settings] : null]);
  return { window, asOf, t0, live, arrAt, accounts: inScope, placements: placed, scopeRule: describeFilters(filters), scopeKey };
}

async function placeAll(
  db: Kysely<Database>,
  cache: QueryCache,
  live: readonly AccountAttributes[],
  accounts: readonly AccountState[],
  period: MetricsPeriod,
  asOf: string,
  settings: MetricSettings,
): Promise<Map<string, Placements>> {
  const [previous, overrides, expansionActions, qbrs, milestones] = await Promise.all([
    contactFacts(db, cache, previousWindow(period)),
    cache.get('segment-overrides', () => segmentOverrides(db), ['success']),
    cache.get('open-expansion-actions', () => openExpansionAccounts(db), ['actions']),
    cache.get(`qbrs|${asOf}`, () => qbrsUpTo(db, asOf), ['success']),
    cache.get(`milestones|${asOf}`, () => milestonesDueBy(db, asOf), ['success']),
  ]);
  const qbrsByAccount = groupBy(qbrs, (row) => row.accountId);
  const milestonesByAccount = groupBy(milestones, (row) => row.accountId);
  const previousRows = previous.rowsFor(live);
  const tally = { ...NO_CONTACTS };
  const result = new Map<string, Placements>();
  for (const account of accounts) {
    const id = account.attrs.id;
    const previousWeightedScore = previous.tallyInto(previousRows[account.liveIndex]!, tally) ? weightedScore(tally, settings) : null;
    const history = successVectorHistory(qbrsByAccount.get(id) ?? [], milestonesByAccount.get(id) ?? []);
    const nrr = account.arrT0 > 0 ? account.arr / account.arrT0 : null;
    result.set(
      id,
      placements(
        account,
        {
          previousWeightedScore,
          successVectorAlert: successVectorAlert(history, nrr, settings).raised,
          openExpansionAction: expansionActions.has(id),
          overrides: overrides.get(id),
        },
        asOf,
        settings,
      ),
    );
  }
  return result;
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const group = groups.get(k);
    if (group) group.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

