import { sql } from 'kysely';
import { ApiError } from '../../shared/contract/errors';
import type { ContactRow } from '../../shared/contract/contacts';
import type { ParsedInputOf } from '../../shared/contract';
import type { ContactLevel, ContactRole } from '../../shared/domain/people';
import type { Executor } from '../accounts/account-queries';
import type { ContactsTable } from '../db/tables';
import { newId } from '../db/new-id';
import { nowIso } from '../db/clock';
import { diffFields, logChange } from '../db/change-log';

const ROLE_ORDER = sql`CASE c.role WHEN 'decision_maker' THEN 0 WHEN 'influencer' THEN 1 WHEN 'user' THEN 2 ELSE 3 END`;

function contactSelect(db: Executor) {
  return db
    .selectFrom('contacts as c')
    .where('c.deleted_at', 'is', null)
    .select([
      'c.id',
      'c.account_id',
      'c.name',
      'c.email',
      'c.title',
      'c.phone',
      'c.role',
      'c.level',
      'c.updated_at',
      sql<number | null>`(SELECT i.nps FROM interviews i WHERE i.contact_id = c.id AND i.deleted_at IS NULL AND i.status = 'complete' AND i.nps IS NOT NULL ORDER BY i.interviewed_at DESC LIMIT 1)`.as('last_nps'),
      sql<string | null>`(SELECT max(i.interviewed_at) FROM interviews i WHERE i.contact_id = c.id AND i.deleted_at IS NULL AND i.status = 'complete')`.as('last_response_at'),
    ]);
}

type RawContact = Awaited<ReturnType<ReturnType<typeof contactSelect>['executeTakeFirstOrThrow']>>;

function toContact(r: RawContact): ContactRow {
  return {
    id: r.id,
    accountId: r.account_id,
    name: r.name,
    email: r.email,
    title: r.title,
    phone: r.phone,
    role: r.role as ContactRole | null,
    level: r.level as ContactLevel | null,
    lastNps: r.last_nps === null ? null : Number(r.last_nps),
    lastResponseAt: r.last_response_at,
    updatedAt: r.updated_at,
  };
}

export async function listContacts(db: Executor, accountId: string): Promise<ContactRow[]> {
  const rows = await contactSelect(db).where('c.account_id', '=', accountId).orderBy(ROLE_ORDER).orderBy('c.name').execute();
  return rows.map(toContact);
}

export async function getContact(db: Executor, id: string): Promise<ContactRow> {
  const row = await contactSelect(db).where('c.id', '=', id).executeTakeFirst();
  if (!row) throw new ApiError({ code: 'not_found', message: 'That contact does not exist (it may have been deleted).' });
  return toContact(row);
}

type ContactFields = Partial<ParsedInputOf<'contacts.update'>['patch']>;

function toColumns(fields: ContactFields): Partial<ContactsTable> {
  const columns: Partial<ContactsTable> = {};
  if (fields.name !== undefined) columns.name = fields.name;
  if (fields.email !== undefined) columns.email = fields.email;
  if (fields.title !== undefined) columns.title = fields.title;
  if (fields.phone !== undefined) columns.phone = fields.phone;
  if (fields.role !== undefined) columns.role = fields.role;
  if (fields.level !== undefined) columns.level = fields.level;
  return columns;
}

async function assertEmailFree(db: Executor, accountId: string, email: string | null | undefined, exceptId?: string) {
  if (!email) return;
  let q = db.selectFrom('contacts').select('id').where('account_id', '=', accountId).where('email', '=', email).where('deleted_at', 'is', null);
  if (exceptId) q = q.where('id', '!=', exceptId);
  if (await q.executeTakeFirst()) {
    throw new ApiError({ code: 'invalid_input', message: 'Another contact of this account already has that email.', fields: { email: 'Another contact of this account already has this email' } });
  }
}

export async function createContact(db: Executor, input: ParsedInputOf<'contacts.create'>): Promise<string> {
  const account = await db.selectFrom('accounts').select('id').where('id', '=', input.accountId).where('deleted_at', 'is', null).executeTakeFirst();
  if (!account) throw new ApiError({ code: 'not_found', message: 'The account for this contact does not exist (it may have been deleted).' });
  await assertEmailFree(db, input.accountId, input.email);
  const id = newId();
  const stamp = nowIso();
  const columns = toColumns(input);
  await db
    .insertInto('contacts')
    .values({ id, account_id: input.accountId, name: input.name, email: null, title: null, phone: null, role: null, level: null, external_id: null, ...columns, created_at: stamp, updated_at: stamp, deleted_at: null })
    .execute();
  await logChange(db, { entityType: 'contact', entityId: id, op: 'insert', changes: { account_id: input.accountId, ...columns } });
  return id;
}

async function requireContactRecord(db: Executor, id: string, includeDeleted = false) {
  let q = db.selectFrom('contacts').selectAll().where('id', '=', id);
  if (!includeDeleted) q = q.where('deleted_at', 'is', null);
  const found = await q.executeTakeFirst();
  if (!found) throw new ApiError({ code: 'not_found', message: 'That contact does not exist (it may have been deleted).' });
  return found;
}

export async function updateContact(db: Executor, input: ParsedInputOf<'contacts.update'>): Promise<void> {
  const before = await requireContactRecord(db, input.id);
  await assertEmailFree(db, before.account_id, input.patch.email, input.id);
  const columns = toColumns(input.patch);
  const changes = diffFields(before as unknown as Record<string, unknown>, columns as Record<string, unknown>);
  if (Object.keys(changes).length === 0) return;
  await db.updateTable('contacts').set({ ...columns, updated_at: nowIso() }).where('id', '=', input.id).execute();
  await logChange(db, { entityType: 'contact', entityId: input.id, op: 'update', changes });
}

export async function softDeleteContact(db: Executor, id: string): Promise<{ id: string; deletedAt: string }> {
  await requireContactRecord(db, id);
  const stamp = nowIso();
  await db.updateTable('contacts').set({ deleted_at: stamp, updated_at: stamp }).where('id', '=', id).execute();
  await logChange(db, { entityType: 'contact', entityId: id, op: 'delete' });
  return { id, deletedAt: stamp };
}

export async function restoreContact(db: Executor, id: string): Promise<void> {
  const found = await requireContactRecord(db, id, true);
  if (found.deleted_at === null) return;
  await db.updateTable('contacts').set({ deleted_at: null, updated_at: nowIso() }).where('id', '=', id).execute();
  await logChange(db, { entityType: 'contact', entityId: id, op: 'restore' });
}
