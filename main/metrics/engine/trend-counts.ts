/**
 * Count-all counts of one trend quarter for a scope of live accounts: from the maintained summaries
 * when the memo reads them and the window is a whole quarter, by a live pass otherwise. Runs on the
 * core's thread or on the metrics reader thread (parallel-reads.ts) alike.
 */
import type { Kysely } from 'kysely';
import type { NpsCounts } from '../../../shared/domain/metrics-types';
import type { Database } from '../../db/tables';
import type { Window } from './period';
import { countsInScope, liveCountsQueries, type CountScope } from './sql-trend';
import { summaryCountsQueries, summaryFirstMonth } from './summaries';

export function trendCounts(db: Kysely<Database>, window: Window, summaries: boolean, scope: CountScope): Promise<NpsCounts> {
  const firstMonth = summaries ? summaryFirstMonth(window) : null;
  return countsInScope(db, scope, firstMonth === null ? liveCountsQueries(window) : summaryCountsQueries(firstMonth));
}
