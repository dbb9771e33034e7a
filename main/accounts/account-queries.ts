import { sql } from 'kysely';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/tables';

export type Executor = Kysely<Database> | Transaction<Database>;

/** ARR at a day: the latest live ARR record dated on or before it (metrics.md conventions). */
export function currentArrSql(day: string) {
  return sql<number>`coalesce((
    SELECT r.arr_minor FROM arr_records r
    WHERE r.account_id = a.id AND r.deleted_at IS NULL AND r.effective_date <= ${day}
    ORDER BY r.effective_date DESC, r.created_at DESC LIMIT 1), 0)`;
}

export const lastNpsSql = sql<number | null>`(
  SELECT i.nps FROM interviews i
  WHERE i.account_id = a.id AND i.deleted_at IS NULL AND i.status = 'complete' AND i.nps IS NOT NULL
  ORDER BY i.interviewed_at DESC LIMIT 1)`;

export const lastResponseAtSql = sql<string | null>`(
  SELECT max(i.interviewed_at) FROM interviews i
  WHERE i.account_id = a.id AND i.deleted_at IS NULL AND i.status = 'complete')`;

export const contactCountSql = sql<number>`(
  SELECT count(*) FROM contacts c WHERE c.account_id = a.id AND c.deleted_at IS NULL)`;
