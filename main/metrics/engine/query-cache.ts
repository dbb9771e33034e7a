/**
 * Memo of SQL aggregation results, per open database and per data version. A closed quarter's
 * aggregates are expensive (a pass over 100k+ responses) and do not change until the data does, so
 * changing a setting, a filter or the method only re-runs the pure functions.
 *
 * The version is total_changes() (every write through this connection) plus data_version (commits
 * from any other connection). When it moves, the per-group change counters of migrations 005 and
 * 007 (bumped by triggers in the writer's transaction, whatever the connection) say which groups of
 * tables were written: an entry survives only if it named its groups and none of them moved. An entry without
 * groups, or a write that moved no counter at all (a table no group covers, or a bulk load with the
 * triggers suspended), empties the memo as any write used to. So it can never serve stale data.
 * Size is bounded, least recently used first: a window's per-account facts weigh a few MB for a
 * 10k-account book, so at most MAX_HEAVY of them stay; small results (counts, labels) barely count.
 */
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables';
import { METRIC_MEMO_GROUPS, type MetricMemoGroup } from '../../db/migrations/007-metrics-arr-counter';
import type { ParallelReader } from './parallel-reads';
import { refreshMetricSummaries } from './summaries';

const MAX_HEAVY = 24;
const MAX_ENTRIES = 512;
const HEAVY_ROWS = 1_000;

interface Entry {
  value: Promise<unknown>;
  heavy: boolean;
  /** Fulfilled: only settled results move to the next version's memo (a pending one keeps its own). */
  settled: boolean;
  /** The groups of tables it read; null: unknown, dropped at any write. */
  reads: readonly MetricMemoGroup[] | null;
}

interface Memo {
  version: string;
  counters: Counters;
  entries: Map<string, Entry>;
  heavy: number;
}

/**
 * Metric settings are read afresh by every call and never memoised, so a settings write changes no
 * memoised result. Its writer bumps this counter (a row of the same table, added on first use) in its
 * transaction, so that the write counts as "moved only the settings" instead of "moved nothing known",
 * which would empty the memo and make the next dashboard a cold one. Any other path that writes the
 * settings moves no counter and so still empties the memo.
 */
const SETTINGS_COUNTER = 'settings';

export async function bumpSettingsCounter(trx: Kysely<Database>): Promise<void> {
  await sql`INSERT INTO metric_change_counters (name, n) VALUES (${SETTINGS_COUNTER}, 1) ON CONFLICT (name) DO UPDATE SET n = n + 1`.execute(trx);
}

type Counters = Record<MetricMemoGroup | typeof SETTINGS_COUNTER, number>;

const memos = new WeakMap<Kysely<Database>, Memo>();
const scanMemos = new WeakMap<Kysely<Database>, Memo>();

export interface QueryCache {
  /**
   * Runs `compute` once per key and data version. `reads`: every group of tables (migration 005)
   * `compute` reads, directly or through the summaries; the result then outlives writes to others.
   * Without it, any write drops the result.
   */
  get<T>(key: string, compute: () => Promise<T>, reads?: readonly MetricMemoGroup[]): Promise<T>;
  /** Whether quarters are read from the maintained summaries (migration 004) or by live passes. */
  readonly summaries: boolean;
  /** The change counters this memo is keyed by: a result read elsewhere is valid here if its snapshot had the same. */
  readonly counters: Readonly<Record<MetricMemoGroup, number>>;
  /** The metrics reader thread's connection to this workspace, when there is one (parallel-reads.ts). */
  readonly reader: ParallelReader | null;
}

export interface QueryCacheOptions {
  /**
   * false: every window by live passes over the responses, never the summaries (the from-scratch
   * reference the tests hold the summaries to). Its memo is kept apart from the default one.
   */
  summaries?: boolean;
  /** Reads that may run on the metrics reader thread go there (parallel-reads.ts). */
  reader?: ParallelReader | null;
}

async function dataVersion(db: Kysely<Database>): Promise<{ version: string; counters: Counters }> {
  const { rows } = await sql<{ t: number; v: number; c: string }>`
    SELECT total_changes() AS t, (SELECT data_version FROM pragma_data_version) AS v,
           (SELECT json_group_object(name, n) FROM metric_change_counters) AS c`.execute(db);
  const row = rows[0];
  const stored = JSON.parse(row?.c ?? '{}') as Partial<Counters>;
  const counters = {} as Counters;
  for (const group of METRIC_MEMO_GROUPS) counters[group] = Number(stored[group] ?? Number.NaN);
  // No row yet: the settings were never written through their writer (0, not NaN: a missing row must
  // not count as moved, or a write no counter tracks would keep the memo).
  counters[SETTINGS_COUNTER] = Number(stored[SETTINGS_COUNTER] ?? 0);
  return { version: `${row?.t}:${row?.v}`, counters };
}

/**
 * The entries of `memo` that no write since could have changed, in a memo for the new version. NaN
 * (a counter row missing) never equals itself, so it counts as moved.
 */
function carryOver(memo: Memo, version: string, counters: Counters): Memo {
  const next: Memo = { version, counters, entries: new Map(), heavy: 0 };
  const moved = METRIC_MEMO_GROUPS.filter((group) => !(memo.counters[group] === counters[group]));
  if (moved.length === 0 && memo.counters[SETTINGS_COUNTER] === counters[SETTINGS_COUNTER]) return next;
  for (const [key, entry] of memo.entries) {
    if (!entry.settled || entry.reads === null || entry.reads.some((group) => moved.includes(group))) continue;
    next.entries.set(key, entry);
    if (entry.heavy) next.heavy += 1;
  }
  return next;
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
  const { version, counters } = await dataVersion(db);
  const store = summaries ? memos : scanMemos;
  let memo = store.get(db);
  if (!memo || memo.version !== version) {
    memo = memo ? carryOver(memo, version, counters) : { version, counters, entries: new Map(), heavy: 0 };
    store.set(db, memo);
  }
  const current = memo;
  return {
    summaries,
    counters: current.counters,
    reader: options.reader ?? null,
    get<T>(key: string, compute: () => Promise<T>, reads?: readonly MetricMemoGroup[]): Promise<T> {
      const hit = current.entries.get(key);
      if (hit) {
        // Re-insert: the Map's order doubles as least-recently-used order.
        current.entries.delete(key);
        current.entries.set(key, hit);
        return hit.value as Promise<T>;
      }
      const entry: Entry = { value: compute(), heavy: false, settled: false, reads: reads ?? null };
      current.entries.set(key, entry);
      entry.value.then(
        (value) => {
          if (current.entries.get(key) !== entry) return;
          entry.settled = true;
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

/**
 * Forgets every memoised aggregate of this database (benchmarks measure the cold path with it), or
 * only those of one kind of cache (`summaries: false`: the live passes' memo, the tests' reference).
 */
export function clearQueryCache(db: Kysely<Database>, only?: QueryCacheOptions): void {
  if (only?.summaries !== false) memos.delete(db);
  if (only?.summaries !== true) scanMemos.delete(db);
}
