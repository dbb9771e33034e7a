import { sql } from 'kysely';
import { ApiError } from '../../shared/contract/errors';
import type { AccountDetail, AccountFacets, AccountListPage, AccountRow, ArrRecord } from '../../shared/contract/accounts';
import type { ParsedInputOf } from '../../shared/contract';
import { ACCOUNT_TIERS, normalizeAccountName } from '../../shared/domain/accounts';
import type { AccountTier, ArrChangeKind, RenewalIntent } from '../../shared/domain/accounts';
import { newId } from '../db/new-id';
import { nowIso, todayIso } from '../db/clock';
import { diffFields, logChange } from '../db/change-log';
import type { AccountsTable } from '../db/tables';
import { listContacts } from '../contacts/contacts-repo';
import { accountTimeline } from '../timeline/account-timeline';
import { contactCountSql, currentArrSql, lastNpsSql, lastResponseAtSql } from './account-queries';
import type { Executor } from './account-queries';

const SORT_COLUMNS = {
  name: sql`a.name_normalized`,
  industry: sql`a.industry`,
  tier: sql`CASE a.tier WHEN 'Strategic' THEN 0 WHEN 'Enterprise' THEN 1 WHEN 'Mid-market' THEN 2 WHEN 'SMB' THEN 3 ELSE 4 END`,
  region: sql`a.region`,
  owner: sql`a.owner`,
  arr: sql`arr_minor`,
  renewalDate: sql`a.renewal_date`,
  lastNps: sql`last_nps`,
  updatedAt: sql`a.updated_at`,
} as const;

function rowSelect(db: Executor, day: string) {
  return db
    .selectFrom('accounts as a')
    .where('a.deleted_at', 'is', null)
    .select([
      'a.id',
      'a.name',
      'a.external_id',
      'a.industry',
      'a.tier',
      'a.region',
      'a.owner',
      'a.renewal_date',
      'a.updated_at',
      currentArrSql(day).as('arr_minor'),
      contactCountSql.as('contact_count'),
      lastNpsSql.as('last_nps'),
      lastResponseAtSql.as('last_response_at'),
    ]);
}

type RawRow = Awaited<ReturnType<ReturnType<typeof rowSelect>['executeTakeFirstOrThrow']>>;

function toRow(r: RawRow): AccountRow {
  return {
    id: r.id,
    name: r.name,
    externalId: r.external_id,
    industry: r.industry,
    tier: (r.tier as AccountTier | null) ?? null,
    region: r.region,
    owner: r.owner,
    renewalDate: r.renewal_date,
    arrMinor: Number(r.arr_minor),
    contactCount: Number(r.contact_count),
    lastNps: r.last_nps === null ? null : Number(r.last_nps),
    lastResponseAt: r.last_response_at,
    updatedAt: r.updated_at,
  };
}

export async function listAccounts(db: Executor, input: ParsedInputOf<'accounts.list'>): Promise<AccountListPage> {
  const day = todayIso();
  let query = rowSelect(db, day);
  if (input.search) {
    const like = `%${input.search.replace(/[\\%_]/g, (c) => '\\' + c).toLowerCase()}%`;
    query = query.where((eb) =>
      eb.or([
        sql<boolean>`lower(a.name) LIKE ${like} ESCAPE '\\'`,
        sql<boolean>`lower(coalesce(a.owner, '')) LIKE ${like} ESCAPE '\\'`,
        sql<boolean>`lower(coalesce(a.industry, '')) LIKE ${like} ESCAPE '\\'`,
        sql<boolean>`lower(coalesce(a.region, '')) LIKE ${like} ESCAPE '\\'`,
        sql<boolean>`lower(coalesce(a.external_id, '')) LIKE ${like} ESCAPE '\\'`,
      ]),
    );
  }
  if (input.industry) query = query.where('a.industry', '=', input.industry);
  if (input.tier) query = query.where('a.tier', '=', input.tier);
  if (input.region) query = query.where('a.region', '=', input.region);
  if (input.owner) query = query.where('a.owner', '=', input.owner);

  const direction = input.direction === 'desc' ? sql`DESC` : sql`ASC`;
  const column = SORT_COLUMNS[input.sort];
  const rows = await query
    .orderBy(sql`${column} IS NULL`)
    .orderBy(sql`${column} ${direction}`)
    .orderBy('a.name_normalized')
    .orderBy('a.id')
    .offset(input.offset)
    .limit(input.limit)
    .execute();

  const { total } = await query
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .executeTakeFirstOrThrow();
  return { rows: rows.map(toRow), total: Number(total), offset: input.offset };
}

export async function accountFacets(db: Executor): Promise<AccountFacets> {
  const distinct = async (column: 'industry' | 'region' | 'owner') =>
    (
      await db
        .selectFrom('accounts')
        .select(column)
        .distinct()
        .where('deleted_at', 'is', null)
        .where(column, 'is not', null)
        .orderBy(column)
        .execute()
    ).map((r) => r[column] as string);
  const tiersPresent = new Set(
    (await db.selectFrom('accounts').select('tier').distinct().where('deleted_at', 'is', null).execute()).map((r) => r.tier),
  );
  const { n } = await db.selectFrom('accounts').select((eb) => eb.fn.countAll<number>().as('n')).where('deleted_at', 'is', null).executeTakeFirstOrThrow();
  return {
    industries: await distinct('industry'),
    regions: await distinct('region'),
    owners: await distinct('owner'),
    tiers: ACCOUNT_TIERS.filter((t) => tiersPresent.has(t)),
    totalAccounts: Number(n),
  };
}

async function requireAccount(db: Executor, id: string, { includeDeleted = false } = {}) {
  let q = db.selectFrom('accounts').selectAll().where('id', '=', id);
  if (!includeDeleted) q = q.where('deleted_at', 'is', null);
  const found = await q.executeTakeFirst();
  if (!found) throw new ApiError({ code: 'not_found', message: 'That account does not exist (it may have been deleted).' });
  return found;
}

export async function getAccount(db: Executor, id: string): Promise<AccountDetail> {
  const account = await requireAccount(db, id);
  const row = await rowSelect(db, todayIso()).where('a.id', '=', id).executeTakeFirstOrThrow();
  const arrHistory = await listArrHistory(db, id);
  return {
    ...toRow(row),
    renewalIntent: account.renewal_intent as RenewalIntent | null,
    expansionOpportunity: account.expansion_opportunity === 1,
    notes: account.notes,
    createdAt: account.created_at,
    contacts: await listContacts(db, id),
    arrHistory,
    timeline: await accountTimeline(db, id),
  };
}

async function listArrHistory(db: Executor, accountId: string): Promise<ArrRecord[]> {
  const rows = await db
    .selectFrom('arr_records')
    .select(['id', 'effective_date', 'arr_minor', 'kind', 'note'])
    .where('account_id', '=', accountId)
    .where('deleted_at', 'is', null)
    .orderBy('effective_date')
    .orderBy('created_at')
    .execute();
  return rows.map((r) => ({ id: r.id, effectiveDate: r.effective_date, arrMinor: r.arr_minor, kind: r.kind as ArrChangeKind, note: r.note }));
}

type AccountFields = Partial<ParsedInputOf<'accounts.update'>['patch']>;

function toColumns(fields: AccountFields): Partial<AccountsTable> {
  const columns: Partial<AccountsTable> = {};
  if (fields.name !== undefined) {
    columns.name = fields.name;
    columns.name_normalized = normalizeAccountName(fields.name);
  }
  if (fields.externalId !== undefined) columns.external_id = fields.externalId;
  if (fields.industry !== undefined) columns.industry = fields.industry;
  if (fields.tier !== undefined) columns.tier = fields.tier;
  if (fields.region !== undefined) columns.region = fields.region;
  if (fields.owner !== undefined) columns.owner = fields.owner;
  if (fields.renewalDate !== undefined) columns.renewal_date = fields.renewalDate;
  if (fields.renewalIntent !== undefined) columns.renewal_intent = fields.renewalIntent;
  if (fields.expansionOpportunity !== undefined) columns.expansion_opportunity = fields.expansionOpportunity ? 1 : 0;
  if (fields.notes !== undefined) columns.notes = fields.notes;
  return columns;
}

export async function createAccount(db: Executor, input: ParsedInputOf<'accounts.create'>): Promise<string> {
  const id = newId();
  const stamp = nowIso();
  const columns = toColumns(input);
  await db
    .insertInto('accounts')
    .values({
      id,
      name: input.name,
      name_normalized: normalizeAccountName(input.name),
      external_id: null,
      industry: null,
      tier: null,
      region: null,
      owner: null,
      renewal_date: null,
      renewal_intent: null,
      expansion_opportunity: 0,
      notes: null,
      ...columns,
      created_at: stamp,
      updated_at: stamp,
      deleted_at: null,
    })
    .execute();
  await logChange(db, { entityType: 'account', entityId: id, op: 'insert', changes: columns });
  if (input.arrMinor !== undefined) {
    await insertArrRecord(db, { accountId: id, effectiveDate: input.arrDate ?? todayIso(), arrMinor: input.arrMinor, kind: 'new', note: null });
  }
  return id;
}

export async function updateAccount(db: Executor, input: ParsedInputOf<'accounts.update'>): Promise<void> {
  const before = await requireAccount(db, input.id);
  const columns = toColumns(input.patch);
  const changes = diffFields(before as unknown as Record<string, unknown>, columns as Record<string, unknown>);
  if (Object.keys(changes).length === 0) return;
  await db.updateTable('accounts').set({ ...columns, updated_at: nowIso() }).where('id', '=', input.id).execute();
  await logChange(db, { entityType: 'account', entityId: input.id, op: 'update', changes });
}

export async function softDeleteAccount(db: Executor, id: string): Promise<{ id: string; deletedAt: string }> {
  await requireAccount(db, id);
  const stamp = nowIso();
  await db.updateTable('accounts').set({ deleted_at: stamp, updated_at: stamp }).where('id', '=', id).execute();
  await logChange(db, { entityType: 'account', entityId: id, op: 'delete' });
  return { id, deletedAt: stamp };
}

export async function restoreAccount(db: Executor, id: string): Promise<void> {
  const found = await requireAccount(db, id, { includeDeleted: true });
  if (found.deleted_at === null) return;
  await db.updateTable('accounts').set({ deleted_at: null, updated_at: nowIso() }).where('id', '=', id).execute();
  await logChange(db, { entityType: 'account', entityId: id, op: 'restore' });
}

export async function insertArrRecord(db: Executor, input: ParsedInputOf<'accounts.recordArr'>): Promise<ArrRecord> {
  await requireAccount(db, input.accountId);
  const id = newId();
  const stamp = nowIso();
  const note = input.note ?? null;
  await db
    .insertInto('arr_records')
    .values({ id, account_id: input.accountId, effective_date: input.effectiveDate, arr_minor: input.arrMinor, kind: input.kind, note, created_at: stamp, updated_at: stamp, deleted_at: null })
    .execute();
  await logChange(db, { entityType: 'arr_record', entityId: id, op: 'insert', changes: { account_id: input.accountId, effective_date: input.effectiveDate, arr_minor: input.arrMinor, kind: input.kind } });
  return { id, effectiveDate: input.effectiveDate, arrMinor: input.arrMinor, kind: input.kind, note };
}
