/**
 * Memo of SQL aggregation results, per open database and per data version. A closed quarter's
 * aggregates are expensive (a pass over 100k+ responses) and do not change until the data does, so
 * changing a setting, a filter or the method only re-runs the pure functions.
 *
 * The version is total_changes() (every write through this connection) plus data_version (commits
 * from any other connection): any write at all empties the memo, so it can never serve stale data.
 * Size is bounded, least recently used first: a window's per-account facts weigh a few MB for a
 * 10k-account book, so at most MAX_HEAVY of them stay; small results (counts, labels) barely count.
 */
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables';
import { refreshMetricSummaries } from './summaries';

const MAX_HEAVY = 24;
const MAX_ENTRIES = 512;
const HEAVY_ROWS = 1_000;

interface Entry {
  value: Promise<unknown>;
  heavy: boolean;
}

interface Memo {
  version: string;
  entries: Map<string, Entry>;
  heavy: number;
}

const memos = new WeakMap<Kysely<Database>, Memo>();
const scanMemos = new WeakMap<Kysely<Database>, Memo>();

export interface QueryCache {
  /** Runs `compute` once per key and data version. */
  get<T>(key: string, compute: () => Promise<T>): Promise<T>;
  /** Whether quarters are read from the maintained summaries (migration 004) or by live passes. */
  readonly summaries: boolean;
}

export interface QueryCacheOptions {
  /**
   * false: every window by live passes over the responses, never the summaries (the from-scratch
   * reference the tests hold the summaries to). Its memo is kept apart from the default one.
   */
  summaries?: boolean;
}

async function dataVersion(db: Kysely<Database>): Promise<string> {
  const { rows } = await sql<{ t: number; v: number }>`SELECT total_changes() AS t, (SELECT data_version FROM pragma_data_version) AS v`.execute(db);
  return `${rows[0]?.t}:${rows[0]?.v}`;
}

/** Per-account results (maps, lists, column sets) are heavy; a count or a label list is not. */
function isHeavy(value: unknown): boolean {
  if (value instanceof Map || value instanceof Set) return value.size >= HEAVY_ROWS;
  if (Array.isArray(value)) return value.length >= HEAVY_ROWS;
  return typeof value === 'object' && value !== null && Object.values(value).some((v) => isHeavy(v) || v instanceof Map);
}

function evict(memo: Memo, keep: string): void {
  for (const [key, entry] of memo.entries) {
    if (memo.heavy <= MAX_HEAVY && memo.entries.size <= MAX_ENTRIES) return;
    if (key === keep) continue;
    memo.entries.delete(key);
    if (entry.heavy) memo.heavy -= 1;
  }
}

/**
 * The memo for this call; checks the data version once, up front. First it folds the summaries' dirty
 * queue in (a write only when something was written since), so the version it keys by is the one after.
 */
export async function queryCache(db: Kysely<Database>, options: QueryCacheOptions = {}): Promise<QueryCache> {
  const summaries = options.summaries ?? true;
  if (summaries) await refreshMetricSummaries(db);
  const version = await dataVersion(db);
  const store = summaries ? memos : scanMemos;
  let memo = store.get(db);
  if (!memo || memo.version !== version) {
    memo = { version, entries: new Map(), heavy: 0 };
    store.set(db, memo);
  }
  const current = memo;
  return {
    summaries,
    get<T>(key: string, compute: () => Promise<T>): Promise<T> {
      const hit = current.entries.get(key);
      if (hit) {
        // Re-insert: the Map's order doubles as least-recently-used order.
        current.entries.delete(key);
        current.entries.set(key, hit);
        return hit.value as Promise<T>;
      }
      const entry: Entry = { value: compute(), heavy: false };
      current.entries.set(key, entry);
      entry.value.then(
        (value) => {
          if (current.entries.get(key) !== entry) return;
          entry.heavy = isHeavy(value);
          if (entry.heavy) current.heavy += 1;
          evict(current, key);
        },
        () => {
          if (current.entries.get(key) === entry) current.entries.delete(key);
        },
      );
      return entry.value as Promise<T>;
    },
  };
}

/** Forgets every memoised aggregate of this database (benchmarks measure the cold path with it). */
export function clearQueryCache(db: Kysely<Database>): void {
  memos.delete(db);
  scanMemos.delete(db);
}
