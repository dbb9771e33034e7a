import type { Kysely, Transaction } from 'kysely';
import type { Database } from './tables';
import { newId } from './new-id';
import { nowIso } from './clock';

type Executor = Kysely<Database> | Transaction<Database>;

/** Every write leaves a trace: the audit trail, and what a later merge of several laptops' files replays. */
export async function logChange(
  db: Executor,
  entry: { entityType: string; entityId: string; op: 'insert' | 'update' | 'delete' | 'restore'; changes?: Record<string, unknown>; importId?: string },
): Promise<void> {
  await db
    .insertInto('change_log')
    .values({
      id: newId(),
      entity_type: entry.entityType,
      entity_id: entry.entityId,
      op: entry.op,
      changes_json: entry.changes ? JSON.stringify(entry.changes) : null,
      import_id: entry.importId ?? null,
      changed_at: nowIso(),
    })
    .execute();
}

/** The fields whose values actually differ, as {field: [old, new]}. */
export function diffFields<T extends Record<string, unknown>>(before: T, after: Partial<T>): Record<string, [unknown, unknown]> {
  const changes: Record<string, [unknown, unknown]> = {};
  for (const key of Object.keys(after)) {
    if (after[key] !== undefined && before[key] !== after[key]) changes[key] = [before[key], after[key]];
  }
  return changes;
}
