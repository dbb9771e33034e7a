/**
 * The hot queries must run on the migrations' indexes and tables: a quarter is read from the
 * maintained summaries (migration 004) by their primary key or narrow counts index; other windows take
 * a range over the window's index entries; nothing scans the interviews or driver ratings tables.
 */
import type { Kysely, RawBuilder } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../main/db/tables';
import { sql } from 'kysely';
import { METRIC_REFRESH_STATEMENTS, rebuildWindowStatement } from '../../../main/db/migrations/004-metrics-summaries';
import { followUpsQuery } from '../../../main/metrics/engine/sql-actions';
import { loopTimesQuery } from '../../../main/metrics/engine/sql-loop';
import { metricSettingsSchema } from '../../../shared/domain/metrics-settings';
import { arrHistoriesQuery, lastTouchesQuery, liveAccountsQuery } from '../../../main/metrics/engine/sql-accounts';
import {
  summaryCitationsQuery,
  summaryContactScoresQuery,
  summaryExcludedCountsQuery,
  summaryGlobalCountsQuery,
  summaryIncludedCountsQuery,
} from '../../../main/metrics/engine/summaries';
import { contactScoresQuery } from '../../../main/metrics/engine/sql-contact-scores';
import { driverCitationsQuery } from '../../../main/metrics/engine/sql-driver-citations';
import { excludedCountsQuery, globalCountsQuery, includedCountsQuery } from '../../../main/metrics/engine/sql-trend';
import { Workspace } from './fixture';

let ws: Workspace;
let db: Kysely<Database>;
beforeAll(async () => {
  ws = await Workspace.create();
  db = ws.core.workspaces.db();
});
afterAll(() => ws.close());

const WINDOW = { from: '2026-07-01', to: '2026-09-30' };
const Q3 = 2026 * 12 + 6;


/** EXPLAIN QUERY PLAN of a kysely query, one detail line per step. */
export function planOf(database: Kysely<Database>, raw: Workspace['raw'], query: RawBuilder<unknown>): string[] {
  const compiled = query.compile(database);
  return (raw.prepare(`EXPLAIN QUERY PLAN ${compiled.sql}`).all(...(compiled.parameters as unknown[])) as { detail: string }[]).map((row) => row.detail);
}

/** Each (owner, level) pair's follow-ups of the window: one range of the loop index, nothing sorted. */
const LOOP_PAIR_RANGE = /SEARCH a USING COVERING INDEX actions_metrics_loop_idx \(kind=\? AND owner=\? AND level=\? AND opened_at>\? AND opened_at<\?\)/;

const TABLE_SCAN = /^SCAN (i|interviews|dr|driver_ratings|r|arr_records|metric_account_windows|actions)( |$)/;

describe('query plans of the hot queries', () => {
  const cases: [string, () => RawBuilder<unknown>, RegExp[]][] = [
    [
      'window pass',
      () => contactScoresQuery(WINDOW),
      [/SEARCH i USING COVERING INDEX interviews_metrics_window_idx \(interviewed_at>\? AND interviewed_at<\?\)/, /SEARCH c USING COVERING INDEX contacts_metrics_role_idx \(id=\?\)/],
    ],
    [
      'driver citations (a few drivers: CASE codes)',
      () => driverCitationsQuery(WINDOW, 2, { kind: 'case', liveDriverIds: ['x', 'y'] }),
      [/SEARCH i USING COVERING INDEX interviews_metrics_window_idx/, /SEARCH dr USING COVERING INDEX driver_ratings_metrics_idx \(interview_id=\?\)/],
    ],
    [
      'driver citations (many drivers: rowid codes)',
      () => driverCitationsQuery(WINDOW, 2, { kind: 'rowid' }),
      [/SEARCH i USING COVERING INDEX interviews_metrics_window_idx/, /SEARCH dr USING COVERING INDEX driver_ratings_metrics_idx \(interview_id=\?\)/, /SEARCH d USING INDEX sqlite_autoindex_drivers_1 \(id=\?\)/],
    ],
    ['trend, all accounts', () => globalCountsQuery(WINDOW), [/SEARCH i USING COVERING INDEX interviews_metrics_window_idx/]],
    ['trend, a few accounts', () => includedCountsQuery(WINDOW, ['a', 'b']), [/SEARCH i USING COVERING INDEX interviews_metrics_account_idx \(account_id=\? AND interviewed_at>\? AND interviewed_at<\?\)/]],
    ['trend, accounts left out', () => excludedCountsQuery(WINDOW, ['a']), [/SEARCH i USING COVERING INDEX interviews_metrics_account_idx \(account_id=\?/, /SEARCH i USING INDEX interviews_contact_date_idx \(contact_id=\?/]],
    [
      'ARR history, per account',
      () => arrHistoriesQuery(['2025-09-30', '2026-09-30']),
      [/SCAN a USING COVERING INDEX accounts_metrics_live_idx/, /SEARCH r USING COVERING INDEX arr_records_metrics_idx \(account_id=\? AND effective_date<\?\)/],
    ],
    [
      'last touch, per account',
      () => lastTouchesQuery('2026-09-30'),
      [/SCAN a USING COVERING INDEX accounts_metrics_live_idx/, /SEARCH i USING COVERING INDEX interviews_metrics_account_idx \(account_id=\? AND interviewed_at<\?\)/],
    ],
    // A quarter: one row per account from the summaries, by their primary key.
    ['summaries: contact scores of a quarter', () => summaryContactScoresQuery(Q3), [/SEARCH metric_account_windows USING PRIMARY KEY \(first_month=\?\)/]],
    ['summaries: driver citations of a quarter', () => summaryCitationsQuery(Q3), [/SEARCH metric_account_windows USING PRIMARY KEY \(first_month=\?\)/]],
    ['summaries: trend, all accounts', () => summaryGlobalCountsQuery(Q3), [/SEARCH metric_account_windows USING COVERING INDEX metric_account_windows_counts_idx \(first_month=\?\)/]],
    [
      'summaries: trend, a few accounts',
      () => summaryIncludedCountsQuery(Q3, ['a', 'b']),
      [/SEARCH metric_account_windows USING COVERING INDEX metric_account_windows_counts_idx \(first_month=\? AND account_id=\?\)/],
    ],
    [
      'summaries: trend, accounts left out',
      () => summaryExcludedCountsQuery(Q3, ['a']),
      [/SEARCH metric_account_windows USING COVERING INDEX metric_account_windows_counts_idx \(first_month=\? AND account_id=\?\)/, /accounts_deleted_idx/],
    ],
    // Folding the dirty queue in: the dirty accounts' responses only, each by a seek on the account index.
    [
      'summaries: refresh of the dirty months',
      () => sql.raw(METRIC_REFRESH_STATEMENTS[2]!),
      [
        /SCAN q/,
        /SEARCH i USING COVERING INDEX interviews_metrics_account_idx \(account_id=\? AND interviewed_at>\? AND interviewed_at<\?\)/,
        /SEARCH dr USING COVERING INDEX driver_ratings_metrics_idx \(interview_id=\?\)/,
        /SEARCH k USING (COVERING )?INDEX sqlite_autoindex_metric_driver_codes_1 \(driver_id=\?\)/,
      ],
    ],
    [
      'summaries: full rebuild of one window',
      () => sql.raw(rebuildWindowStatement(Q3)),
      [/SEARCH i USING COVERING INDEX interviews_metrics_window_idx \(interviewed_at>\? AND interviewed_at<\?\)/, /SEARCH dr USING COVERING INDEX driver_ratings_metrics_idx \(interview_id=\?\)/],
    ],
    ['follow-ups opened in a quarter', () => followUpsQuery(WINDOW), [/SEARCH actions USING COVERING INDEX actions_metrics_follow_ups_idx \(kind=\? AND opened_at>\? AND opened_at<\?\)/]],
    [
      'loop KPIs of a quarter, every live account',
      () => loopTimesQuery(WINDOW, { kind: 'live' }),
      [LOOP_PAIR_RANGE, /SCAN accounts USING (COVERING )?INDEX accounts_deleted_idx/],
    ],
    [
      'loop KPIs of a quarter, chosen accounts',
      () => loopTimesQuery(WINDOW, { kind: 'accounts', ids: ['a', 'b'] }),
      [LOOP_PAIR_RANGE],
    ],
  ];

  for (const [name, query, expected] of cases) {
    it(name, () => {
      const plan = planOf(db, ws.raw, query());
      for (const pattern of expected) expect(plan.some((step) => pattern.test(step)), `${pattern} in\n${plan.join('\n')}`).toBe(true);
      expect(plan.filter((step) => TABLE_SCAN.test(step)), plan.join('\n')).toEqual([]);
      // "Not deleted" checks read the tombstone indexes, never all contacts or accounts.
      expect(plan.filter((step) => /^SCAN (contacts|accounts)\b/.test(step) && !/_deleted_idx/.test(step)), plan.join('\n')).toEqual([]);
    });
  }
});

describe('query plans of the per-account reads', () => {
  it('reads the live accounts’ attributes from the covering index, in its order, with no table row', () => {
    const plan = planOf(db, ws.raw, liveAccountsQuery());
    expect(plan, plan.join('\n')).toEqual(['SCAN accounts USING COVERING INDEX accounts_metrics_attributes_idx']);
  });

  it('tallies the loop KPIs pair by pair without sorting the window’s follow-ups', () => {
    const plan = planOf(db, ws.raw, loopTimesQuery(WINDOW, { kind: 'live' }));
    expect(plan.filter((step) => /TEMP B-TREE/.test(step)), plan.join('\n')).toEqual([]);
  });

  it('walks each account’s ARR records in index order, without sorting them again', () => {
    const plan = planOf(db, ws.raw, arrHistoriesQuery(['2025-09-30', '2026-09-30']));
    expect(plan.filter((step) => /TEMP B-TREE/.test(step)), plan.join('\n')).toEqual([]);
  });
});
