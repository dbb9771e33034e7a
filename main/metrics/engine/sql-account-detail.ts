/**
 * One account's inputs for its own page: a few hundred rows at most, read through the account index.
 */
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { ApiError } from '../../../shared/contract/errors';
import type { StakeholderRole } from '../../../shared/domain/metrics-types';
import type { Database } from '../../db/tables';
import type { WindowResponse } from '../account-nps';
import { dayAfter, type Window } from './period';
import { arrAtSql, type AccountProfile } from './sql-accounts';

const asRole = (role: string | null): StakeholderRole | null =>
  role === 'decision_maker' || role === 'influencer' || role === 'user' ? role : null;

export async function accountAttributes(db: Kysely<Database>, accountId: string): Promise<AccountProfile> {
  const row = await db
    .selectFrom('accounts')
    .select(['id', 'name', 'tier', 'industry', 'region', 'owner', 'renewal_date', 'renewal_intent', 'expansion_opportunity', 'created_at'])
    .where('id', '=', accountId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw new ApiError({ code: 'not_found', message: 'That account does not exist (it may have been deleted).' });
  return {
    id: row.id,
    name: row.name,
    tier: row.tier,
    industry: row.industry,
    region: row.region,
    owner: row.owner,
    renewalDate: row.renewal_date,
    renewalIntent: row.renewal_intent,
    expansionOpportunity: row.expansion_opportunity === 1,
    createdAt: row.created_at,
  };
}

export async function accountArrAt(db: Kysely<Database>, accountId: string, days: readonly string[]): Promise<number[]> {
  const columns = days.map((day, index) => sql`${arrAtSql(day)} AS ${sql.ref(`d${index}`)}`);
  const { rows } = await sql<Record<string, number>>`SELECT ${sql.join(columns)} FROM accounts AS a WHERE a.id = ${accountId}`.execute(db);
  return days.map((_, index) => Number(rows[0]?.[`d${index}`] ?? 0));
}

/** Valid responses in [from, to], oldest first (capture order on ties), of live contacts or none. */
export async function accountResponses(db: Kysely<Database>, accountId: string, window: Window): Promise<WindowResponse[]> {
  const { rows } = await sql<{ id: string; contact_id: string | null; interviewed_at: string; nps: number; role: string | null }>`
    SELECT i.id, i.contact_id, i.interviewed_at, i.nps, c.role
    FROM interviews AS i INDEXED BY interviews_metrics_account_idx
    LEFT JOIN contacts AS c ON c.id = i.contact_id
    WHERE i.account_id = ${accountId} AND i.deleted_at IS NULL AND i.status = 'complete' AND i.nps IS NOT NULL
      AND i.interviewed_at >= ${window.from} AND i.interviewed_at < ${dayAfter(window.to)}
      AND (i.contact_id IS NULL OR c.deleted_at IS NULL)
    ORDER BY i.interviewed_at, i.id`.execute(db);
  return rows.map((row) => ({ contactId: row.contact_id ?? `interview:${row.id}`, role: asRole(row.role), score: row.nps, interviewDate: row.interviewed_at }));
}

export async function accountNegativeDrivers(db: Kysely<Database>, accountId: string, window: Window, negativeAtMost: number): Promise<string[]> {
  const { rows } = await sql<{ driver_id: string }>`
    SELECT DISTINCT dr.driver_id
    FROM interviews AS i INDEXED BY interviews_metrics_account_idx
    JOIN driver_ratings AS dr INDEXED BY driver_ratings_metrics_idx ON dr.interview_id = i.id AND dr.deleted_at IS NULL
    JOIN drivers AS d ON d.id = dr.driver_id AND d.deleted_at IS NULL
    LEFT JOIN contacts AS c ON c.id = i.contact_id
    WHERE i.account_id = ${accountId} AND i.deleted_at IS NULL AND i.status = 'complete' AND i.nps IS NOT NULL
      AND i.interviewed_at >= ${window.from} AND i.interviewed_at < ${dayAfter(window.to)}
      AND (i.contact_id IS NULL OR c.deleted_at IS NULL)
      AND dr.rating <= ${negativeAtMost}
    ORDER BY dr.driver_id`.execute(db);
  return rows.map((row) => row.driver_id);
}

export async function accountContacts(db: Kysely<Database>, accountId: string): Promise<{ id: string; role: StakeholderRole | null }[]> {
  const rows = await db.selectFrom('contacts').select(['id', 'role']).where('account_id', '=', accountId).where('deleted_at', 'is', null).execute();
  return rows.map((row) => ({ id: row.id, role: asRole(row.role) }));
}

export async function accountLastTouch(db: Kysely<Database>, accountId: string, day: string): Promise<string | null> {
  const { rows } = await sql<{ at: string | null }>`
    SELECT max(i.interviewed_at) AS at FROM interviews AS i INDEXED BY interviews_metrics_account_idx
    WHERE i.account_id = ${accountId} AND i.deleted_at IS NULL AND i.status = 'complete' AND i.interviewed_at < ${dayAfter(day)}`.execute(db);
  return rows[0]?.at ?? null;
}

export async function hasOpenExpansionAction(db: Kysely<Database>, accountId: string): Promise<boolean> {
  const row = await db
    .selectFrom('actions')
    .select('id')
    .where('account_id', '=', accountId)
    .where('deleted_at', 'is', null)
    .where('kind', '=', 'expansion')
    .where('status', '!=', 'closed')
    .executeTakeFirst();
  return row !== undefined;
}
