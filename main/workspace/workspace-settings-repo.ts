import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Database } from '../db/tables';
import { newId } from '../db/new-id';
import { nowIso } from '../db/clock';
import { logChange } from '../db/change-log';

export interface WorkspaceSettingsRow {
  id: string;
  name: string;
  currency: string;
  locale: string;
  isDemo: boolean;
}

export async function readSettings(db: Kysely<Database>): Promise<WorkspaceSettingsRow | null> {
  const row = await db.selectFrom('workspace_settings').selectAll().orderBy('created_at').executeTakeFirst();
  return row ? { id: row.id, name: row.name, currency: row.currency, locale: row.locale, isDemo: row.is_demo === 1 } : null;
}

export async function insertSettings(db: Kysely<Database>, values: { name: string; currency: string; locale: string; isDemo: boolean }): Promise<void> {
  const stamp = nowIso();
  await db
    .insertInto('workspace_settings')
    .values({ id: newId(), name: values.name, currency: values.currency, locale: values.locale, fiscal_year_start_month: 1, metric_settings_json: '{}', is_demo: values.isDemo ? 1 : 0, created_at: stamp, updated_at: stamp })
    .execute();
}

export async function updateSettings(db: Kysely<Database>, id: string, patch: { name?: string; currency?: string; locale?: string }): Promise<void> {
  const set: Record<string, string> = {};
  if (patch.name !== undefined) set.name = patch.name;
  if (patch.currency !== undefined) set.currency = patch.currency;
  if (patch.locale !== undefined) set.locale = patch.locale;
  if (Object.keys(set).length === 0) return;
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('workspace_settings').set({ ...set, updated_at: nowIso() }).where('id', '=', id).execute();
    await logChange(trx, { entityType: 'workspace_settings', entityId: id, op: 'update', changes: set });
  });
}

export async function workspaceCounts(db: Kysely<Database>): Promise<{ accounts: number; contacts: number; responses: number }> {
  const result = await sql<{ accounts: number; contacts: number; responses: number }>`
    SELECT (SELECT count(*) FROM accounts WHERE deleted_at IS NULL) AS accounts,
           (SELECT count(*) FROM contacts WHERE deleted_at IS NULL) AS contacts,
           (SELECT count(*) FROM interviews WHERE deleted_at IS NULL) AS responses`.execute(db);
  const row = result.rows[0]!;
  return { accounts: Number(row.accounts), contacts: Number(row.contacts), responses: Number(row.responses) };
}
