/**
 * A window's per-account facts, decoded from the SQL passes into columns and memoised per data
 * version: the account inputs of the pure functions (counts, contacts' latest scores, driver
 * citations). The columns may be read on the metrics reader thread (parallel-reads.ts), which runs
 * read-window-facts.ts as the core would; what crosses is a few typed arrays and the accounts' ids.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables';
import { WindowCitations } from './citation-columns';
import { WindowFacts } from './contact-columns';
import { inParallel } from './parallel-reads';
import type { Window } from './period';
import type { QueryCache } from './query-cache';
import { readCitations, readContactFacts } from './read-window-facts';

/** Responses, contacts, ratings and drivers, read live or through the summaries they maintain (migration 005 groups). */
const RESPONSES = ['responses'] as const;

/**
 * Where a window's facts are read: `either` lets the metrics reader thread read them when there is one;
 * `core` keeps them on the core's thread, for a read the core has time for while the thread is busy.
 */
export type ReadOn = 'either' | 'core';

export function contactFacts(db: Kysely<Database>, cache: QueryCache, window: Window, on: ReadOn = 'either'): Promise<WindowFacts> {
  const local = () => readContactFacts(db, window, cache.summaries);
  const read = on === 'core' ? local : () => inParallel(cache, { kind: 'contact-facts', window, summaries: cache.summaries }, RESPONSES, local);
  return cache.get(`contact-scores|${window.from}|${window.to}`, async () => new WindowFacts(await read()), RESPONSES);
}

export function citationFacts(db: Kysely<Database>, cache: QueryCache, window: Window, negativeAtMost: number): Promise<WindowCitations> {
  const local = () => readCitations(db, window, negativeAtMost, cache.summaries);
  const read = () => inParallel(cache, { kind: 'citations', window, negativeAtMost, summaries: cache.summaries }, RESPONSES, local);
  return cache.get(`driver-citations|${window.from}|${window.to}|${negativeAtMost}`, async () => new WindowCitations(await read()), RESPONSES);
}
