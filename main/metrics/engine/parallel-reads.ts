/**
 * Reads of a cold dashboard that can run on a second core (metrics-reader.ts): ARR at the request's
 * days, last touch, the follow-ups' times, a window's contact facts and driver citations (the year
 * earlier, the citations of the quarter) and the trend's quarter counts. Their results are columns
 * (typed arrays, the accounts' ids, a list of dates) or a few numbers, which cross threads almost for
 * free; per-account objects would not (a quarter's citations as 50k small objects took longer to
 * copy across than to parse), which is why the window facts are columns (contact-columns.ts,
 * citation-columns.ts).
 *
 * The reader thread runs the very functions the core would run (runParallelRead), on a read-only
 * connection of its own, in one read transaction that also reads the memo's change counters. A result
 * is used only if those counters equal the ones the core's memo is keyed by for every group the read
 * depends on: then it is what the core's own connection would have read. Otherwise, or without a
 * reader, or when the thread fails, the core computes it itself: a parallel read can only be faster.
 * The core also takes back a read the thread has not started once it has nothing else to do (work
 * sharing, request-thread.ts), so neither thread waits while the other has a queue.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables';
import type { MetricMemoGroup } from '../../db/migrations/007-metrics-arr-counter';
import type { Window } from './period';
import type { QueryCache } from './query-cache';
import { arrColumns, lastTouches } from './sql-accounts';
import { loopTimes } from './sql-loop';
import { readCitations, readContactFacts } from './read-window-facts';
import type { CountScope } from './sql-trend';
import { trendCounts } from './trend-counts';

export type ParallelRead =
  | { kind: 'arr-columns'; days: readonly string[] }
  | { kind: 'last-touches'; day: string }
  /** Every live account's follow-ups (the dashboard without filters). */
  | { kind: 'loop-times'; window: Window }
  /** A window's contact facts and driver citations as columns; `summaries`: the memo's QueryCache.summaries. */
  | { kind: 'contact-facts'; window: Window; summaries: boolean }
  | { kind: 'citations'; window: Window; negativeAtMost: number; summaries: boolean }
  /** A trend quarter's count-all counts over a scope of live accounts. */
  | { kind: 'trend-counts'; window: Window; summaries: boolean; scope: CountScope };

/** A reader's answer: the result, with the change counters of the snapshot it was read from. */
export interface ParallelResult {
  counters: Readonly<Record<string, number>>;
  value: unknown;
}

/** Something that runs a ParallelRead elsewhere; null when it could not (the core then reads itself). */
export interface ParallelReader {
  read(read: ParallelRead): Promise<ParallelResult | null>;
}

/** What a read computes: the same functions as the core's own path. */
export function runParallelRead(db: Kysely<Database>, read: ParallelRead): Promise<unknown> {
  switch (read.kind) {
    case 'arr-columns':
      return arrColumns(db, read.days);
    case 'last-touches':
      return lastTouches(db, read.day);
    case 'loop-times':
      return loopTimes(db, read.window, { kind: 'live' });
    case 'contact-facts':
      return readContactFacts(db, read.window, read.summaries);
    case 'citations':
      return readCitations(db, read.window, read.negativeAtMost, read.summaries);
    case 'trend-counts':
      return trendCounts(db, read.window, read.summaries, read.scope);
  }
}

/**
 * The memo entry `key` (QueryCache.get), computed by `read` on the cache's reader when it has one and
 * the snapshot matches the memo's counters for `reads` (the groups the result depends on, which the
 * entry is kept by too); by `local` otherwise.
 */
export function memoInParallel<T>(cache: QueryCache, key: string, read: ParallelRead, reads: readonly MetricMemoGroup[], local: () => Promise<T>): Promise<T> {
  return cache.get(key, () => inParallel(cache, read, reads, local), reads);
}

/** `read` on the cache's reader, used if its snapshot's counters for `reads` are the memo's; `local` otherwise. */
export async function inParallel<T>(cache: QueryCache, read: ParallelRead, reads: readonly MetricMemoGroup[], local: () => Promise<T>): Promise<T> {
  if (!cache.reader) return local();
  const result = await cache.reader.read(read);
  if (result === null || !reads.every((group) => result.counters[group] === cache.counters[group])) return local();
  return result.value as T;
}
