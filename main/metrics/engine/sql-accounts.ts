/**
 * Per-account inputs that are not responses: attributes for filters and segments, ARR at given
 * days, last touch. Everything comes back aligned to one order (live accounts by id), read from
 * accounts_metrics_live_idx: ARR at every day a request needs from one pass over the accounts.
 */
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables';
import { arrayRows } from '../../db/array-rows';
import { dayAfter } from './period';

/** What the book needs of every live account: filters, segments and silence (not its name). */
export interface AccountAttributes {
  id: string;
  tier: string | null;
  industry: string | null;
  region: string | null;
  owner: string | null;
  renewalDate: string | null;
  renewalIntent: string | null;
  expansionOpportunity: boolean;
  createdAt: string;
}

/** One account as its own page shows it. */
export interface AccountProfile extends AccountAttributes {
  name: string;
}

type AttributesRow = [id: string, tier: string | null, industry: string | null, region: string | null, owner: string | null, renewalDate: string | null, renewalIntent: string | null, expansion: number, createdAt: string];

export function liveAccountsQuery() {
  return sql<Record<string, unknown>>`SELECT id, tier, industry, region, owner, renewal_date, renewal_intent, expansion_opportunity, created_at
     FROM accounts INDEXED BY accounts_metrics_attributes_idx WHERE deleted_at IS NULL ORDER BY id`;
}

/** Every live account's attributes, in id order, from the covering index of migration 006. */
export async function liveAccounts(db: Kysely<Database>): Promise<AccountAttributes[]> {
  const rows = await arrayRows<AttributesRow, Database>(db, liveAccountsQuery());
  // Indexed, not destructured: destructuring a row runs the iterator protocol, 10k times a cold dashboard.
  return rows.map((row) => ({
    id: row[0],
    tier: row[1],
    industry: row[2],
    region: row[3],
    owner: row[4],
    renewalDate: row[5],
    renewalIntent: row[6],
    expansionOpportunity: row[7] === 1,
    createdAt: row[8],
  }));
}

/** ARR of an account at a day: its latest live record dated on or before it (metrics.md conventions). */
export function arrAtSql(day: string) {
  return sql<number>`coalesce((
    SELECT r.arr_minor FROM arr_records AS r INDEXED BY arr_records_metrics_idx
    WHERE r.account_id = a.id AND r.deleted_at IS NULL AND r.effective_date <= ${day}
    ORDER BY r.effective_date DESC, r.created_at DESC LIMIT 1), 0)`;
}

/**
 * Last complete interview on or before `day`: any interview, scored or not, is a touch. Ordered and
 * limited rather than max(): SQLite's min/max shortcut does not apply with the extra terms, and max()
 * walked all of an account's entries (100 on the benchmark workspace) instead of seeking one.
 */
export function lastTouchSql(day: string) {
  return sql<string | null>`(
    SELECT i.interviewed_at FROM interviews AS i INDEXED BY interviews_metrics_account_idx
    WHERE i.account_id = a.id AND i.deleted_at IS NULL AND i.status = 'complete' AND i.interviewed_at < ${dayAfter(day)}
    ORDER BY i.interviewed_at DESC LIMIT 1)`;
}

/**
 * The account's live ARR records up to `lastDay`, oldest first, as "date=arr,date=arr": one walk of its
 * index entries gives its ARR at every day a request needs (arrAtDays), where one seek per day and
 * account cost 13 × 10k seeks. Ties on a day go to the later capture, as in arrAtSql(). The order is
 * the inner query's, which the index already has: group_concat(… ORDER BY …) sorted every account's
 * entries again in a temporary B-tree (10k of them, a third of the query's time). SQLite never
 * flattens a subquery with ORDER BY into an aggregate, so the concatenation follows it.
 */
export function arrHistorySql(lastDay: string) {
  return sql<string | null>`(
    SELECT group_concat(entry, ',') FROM (
      SELECT r.effective_date || '=' || r.arr_minor AS entry
      FROM arr_records AS r INDEXED BY arr_records_metrics_idx
      WHERE r.account_id = a.id AND r.deleted_at IS NULL AND r.effective_date <= ${lastDay}
      ORDER BY r.effective_date, r.created_at, r.arr_minor))`;
}

/** ARR at each of `days` (ascending) from an arrHistorySql() string: the last record dated on or before it, else 0. */
export function arrAtDays(history: string | null, days: readonly string[]): number[] {
  const columns = days.map(() => new Float64Array(1));
  writeArrAtDays(history, days, dayKeys(days), columns, 0);
  return columns.map(([arr]) => arr!);
}

const DASH = 45;
const EQUALS = 61;
const COMMA = 44;

/** yyyymmdd of an ISO date "yyyy-mm-dd" at `at` (followed by `end`), or −1 for anything else. */
function isoDayKey(text: string, at: number): number {
  if (text.charCodeAt(at + 4) !== DASH || text.charCodeAt(at + 7) !== DASH) return -1;
  let key = 0;
  for (let i = at; i < at + 10; i++) {
    if (i === at + 4 || i === at + 7) continue;
    const digit = text.charCodeAt(i) - 48;
    if (!(digit >= 0 && digit <= 9)) return -1;
    key = key * 10 + digit;
  }
  return key;
}

/** The days as yyyymmdd keys, or null when one is not an ISO date (then records are compared as strings). */
function dayKeys(days: readonly string[]): Int32Array | null {
  const keys = new Int32Array(days.length);
  for (let k = 0; k < days.length; k++) {
    const key = days[k]!.length === 10 ? isoDayKey(days[k]!, 0) : -1;
    if (key < 0) return null;
    keys[k] = key;
  }
  return keys;
}

/**
 * arrAtDays() without cutting the string, each record read once: it runs over every ARR record of
 * every live account (72k on the benchmark workspace) on every cold dashboard. Records of the stored
 * form "yyyy-mm-dd=digits" are compared as yyyymmdd numbers; anything else (a record or a day in
 * another form) reads the account as strings, as before. The ARR at days[k] goes to columns[k][index].
 */
function writeArrAtDays(history: string | null, days: readonly string[], keys: Int32Array | null, columns: Float64Array[], index: number): void {
  const length = history?.length ?? 0;
  if (keys === null) return writeArrAtDaysByString(history, days, columns, index);
  let at = 0;
  let current = 0;
  let pendingKey = -1;
  let pendingArr = 0;
  for (let k = 0; k < days.length; ) {
    if (pendingKey < 0) {
      if (at >= length) {
        for (; k < days.length; k++) columns[k]![index] = current;
        return;
      }
      const key = history!.charCodeAt(at + 10) === EQUALS ? isoDayKey(history!, at) : -1;
      let i = at + 11;
      let arr = 0;
      for (; i < length; i++) {
        const char = history!.charCodeAt(i);
        if (char === COMMA) break;
        const digit = char - 48;
        if (!(digit >= 0 && digit <= 9)) break;
        arr = arr * 10 + digit;
      }
      if (key < 0 || i === at + 11 || (i < length && history!.charCodeAt(i) !== COMMA)) return writeArrAtDaysByString(history, days, columns, index);
      pendingKey = key;
      pendingArr = arr;
      at = i + 1;
    }
    if (pendingKey > keys[k]!) {
      columns[k]![index] = current;
      k += 1;
    } else {
      current = pendingArr;
      pendingKey = -1;
    }
  }
}

/** writeArrAtDays() comparing each record's date with each day as strings, for histories in any other form. */
function writeArrAtDaysByString(history: string | null, days: readonly string[], columns: Float64Array[], index: number): void {
  const length = history?.length ?? 0;
  let at = 0;
  let current = 0;
  for (let k = 0; k < days.length; k++) {
    const day = days[k]!;
    while (at < length) {
      const equals = history!.indexOf('=', at);
      const comma = history!.indexOf(',', equals);
      const end = comma === -1 ? length : comma;
      if (isAfter(history!, at, equals, day)) break;
      current = integerIn(history!, equals + 1, end);
      at = end + 1;
    }
    columns[k]![index] = current;
  }
}

/** history.slice(from, to) > day, compared in place. */
function isAfter(history: string, from: number, to: number, day: string): boolean {
  const n = to - from;
  for (let i = 0; i < n && i < day.length; i++) {
    const a = history.charCodeAt(from + i);
    const b = day.charCodeAt(i);
    if (a !== b) return a > b;
  }
  return n > day.length;
}

/** Number(history.slice(from, to)) for the whole minor units the column holds, read in place. */
function integerIn(history: string, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i++) {
    const digit = history.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return Number(history.slice(from, to));
    value = value * 10 + digit;
  }
  return value;
}

/** Each live account's ARR history up to the last of `days` (arrHistorySql), in liveAccounts() order. */
export function arrHistoriesQuery(days: readonly string[]) {
  const lastDay = days.length === 0 ? '0000-00-00' : [...days].sort().at(-1)!;
  return sql<Record<string, unknown>>`
    SELECT ${arrHistorySql(lastDay)} AS history
    FROM accounts AS a INDEXED BY accounts_metrics_live_idx WHERE a.deleted_at IS NULL ORDER BY a.id`;
}

/** Each live account's last touch on or before `day` (lastTouchSql), in liveAccounts() order. */
export function lastTouchesQuery(day: string) {
  return sql<Record<string, unknown>>`
    SELECT ${lastTouchSql(day)} AS touch
    FROM accounts AS a INDEXED BY accounts_metrics_live_idx WHERE a.deleted_at IS NULL ORDER BY a.id`;
}

/** day → ARR of every live account that day, in liveAccounts() order (typed: they cross threads as they are, parallel-reads.ts). */
export type ArrColumns = Map<string, Float64Array>;

export async function arrColumns(db: Kysely<Database>, days: readonly string[]): Promise<ArrColumns> {
  const rows = await arrayRows<[history: string | null], Database>(db, arrHistoriesQuery(days));
  const sorted = [...new Set(days)].sort();
  const columns = sorted.map(() => new Float64Array(rows.length));
  const keys = dayKeys(sorted);
  for (let index = 0; index < rows.length; index++) writeArrAtDays(rows[index]![0], sorted, keys, columns, index);
  return new Map(sorted.map((day, k) => [day, columns[k]!]));
}

export async function lastTouches(db: Kysely<Database>, day: string): Promise<(string | null)[]> {
  const rows = await arrayRows<[touch: string | null], Database>(db, lastTouchesQuery(day));
  return rows.map(([touch]) => touch);
}

/** ARR at the days a request needs and last touch, of every live account (memoised apart in book.ts). */
export interface AccountColumns {
  arr: ArrColumns;
  lastTouch: (string | null)[];
}

/** Accounts with an open expansion action: an open expansion opportunity besides the account flag. */
export async function openExpansionAccounts(db: Kysely<Database>): Promise<Set<string>> {
  const rows = await db
    .selectFrom('actions')
    .select('account_id')
    .distinct()
    .where('deleted_at', 'is', null)
    .where('kind', '=', 'expansion')
    .where('status', '!=', 'closed')
    .execute();
  return new Set(rows.map((row) => row.account_id));
}
