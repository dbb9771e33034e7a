/**
 * Count-all NPS counts of one window for a set of accounts, for the trend. Two plans, picked by
 * size, both index-only: a short account list is read account by account; a long one is the
 * window's global counts minus the (few) accounts left out. Either way soft-deleted accounts and
 * contacts do not count, as in the window pass.
 */
import { sql } from 'kysely';
import type { Kysely, RawBuilder } from 'kysely';
import type { NpsCounts } from '../../../shared/domain/metrics-types';
import type { Database } from '../../db/tables';
import { dayAfter, type Window } from './period';

export interface CountsRow {
  p: number | null;
  pa: number | null;
  d: number | null;
}

const toCounts = (row: CountsRow | undefined): NpsCounts => ({
  promoters: Number(row?.p ?? 0),
  passives: Number(row?.pa ?? 0),
  detractors: Number(row?.d ?? 0),
});

const SUMS = sql`sum(nps >= 9) AS p, sum(nps BETWEEN 7 AND 8) AS pa, sum(nps <= 6) AS d`;

export function includedCountsQuery(window: Window, included: readonly string[]) {
  return sql<CountsRow>`
    SELECT ${SUMS} FROM interviews AS i INDEXED BY interviews_metrics_account_idx
    WHERE i.account_id IN (SELECT value FROM json_each(${JSON.stringify(included)}))
      AND i.deleted_at IS NULL AND i.status = 'complete' AND i.nps IS NOT NULL
      AND i.interviewed_at >= ${window.from} AND i.interviewed_at < ${dayAfter(window.to)}
      AND (i.contact_id IS NULL OR i.contact_id NOT IN (SELECT id FROM contacts INDEXED BY contacts_deleted_idx WHERE deleted_at IS NOT NULL))`;
}

export function globalCountsQuery(window: Window) {
  return sql<CountsRow>`
    SELECT ${SUMS} FROM interviews AS i INDEXED BY interviews_metrics_window_idx
    WHERE i.deleted_at IS NULL AND i.status = 'complete' AND i.nps IS NOT NULL
      AND i.interviewed_at >= ${window.from} AND i.interviewed_at < ${dayAfter(window.to)}`;
}

export function excludedCountsQuery(window: Window, excluded: readonly string[]) {
  const left = sql`(SELECT value FROM json_each(${JSON.stringify(excluded)}) UNION ALL SELECT id FROM accounts INDEXED BY accounts_deleted_idx WHERE deleted_at IS NOT NULL)`;
  const live = sql`i.deleted_at IS NULL AND i.status = 'complete' AND i.nps IS NOT NULL
      AND i.interviewed_at >= ${window.from} AND i.interviewed_at < ${dayAfter(window.to)}`;
  return sql<CountsRow>`
    SELECT ${SUMS} FROM (
      SELECT i.nps FROM interviews AS i INDEXED BY interviews_metrics_account_idx
      WHERE i.account_id IN ${left} AND ${live}
      UNION ALL
      SELECT i.nps FROM interviews AS i INDEXED BY interviews_contact_date_idx
      WHERE i.contact_id IN (SELECT id FROM contacts INDEXED BY contacts_deleted_idx WHERE deleted_at IS NOT NULL) AND i.account_id NOT IN ${left} AND ${live}
    )`;
}

/** The three ways to count a window's responses over a set of live accounts (live pass or summaries). */
export interface CountsQueries {
  included(ids: readonly string[]): RawBuilder<CountsRow>;
  global(): RawBuilder<CountsRow>;
  excluded(ids: readonly string[]): RawBuilder<CountsRow>;
}

/**
 * Which live accounts a count is for, as the shorter list: those counted, or all but those left out (a
 * book with a few accounts filtered out is the global count minus theirs). It crosses to the metrics
 * reader thread as it is (parallel-reads.ts), so only the shorter list is ever copied.
 */
export type CountScope = { kind: 'none' } | { kind: 'included'; ids: readonly string[] } | { kind: 'all-but'; ids: readonly string[] };

/**
 * The scope for `included` accounts counted and `excluded` left out, each list made only if it is the
 * one sent (`included()` / `excluded()`): the trend counts every quarter of a cold recompute.
 */
export function countScope(included: number, excluded: number, includedIds: () => string[], excludedIds: () => string[]): CountScope {
  if (included === 0) return { kind: 'none' };
  return included <= excluded ? { kind: 'included', ids: includedIds() } : { kind: 'all-but', ids: excludedIds() };
}

export async function countsInScope(db: Kysely<Database>, scope: CountScope, queries: CountsQueries): Promise<NpsCounts> {
  if (scope.kind === 'none') return { promoters: 0, passives: 0, detractors: 0 };
  if (scope.kind === 'included') return toCounts((await queries.included(scope.ids).execute(db)).rows[0]);
  const total = toCounts((await queries.global().execute(db)).rows[0]);
  const out = toCounts((await queries.excluded(scope.ids).execute(db)).rows[0]);
  return {
    promoters: total.promoters - out.promoters,
    passives: total.passives - out.passives,
    detractors: total.detractors - out.detractors,
  };
}

/** The three ways to count by live passes over the window's responses. */
export function liveCountsQueries(window: Window): CountsQueries {
  return {
    included: (ids) => includedCountsQuery(window, ids),
    global: () => globalCountsQuery(window),
    excluded: (ids) => excludedCountsQuery(window, ids),
  };
}
