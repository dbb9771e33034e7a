import type { Executor } from '../accounts/account-queries';
import { logChange } from '../db/change-log';
import { nowIso } from '../db/clock';
import { newId } from '../db/new-id';

/** Saves of the same draft closer together than this are one burst of typing. */
const BURST_MS = 60_000;

type Changes = Record<string, [unknown, unknown]>;

/**
 * Drafts are saved about once a second while someone types, and each save would otherwise append the
 * whole text to the change log. Consecutive saves of one draft therefore fold into the log's last entry:
 * it is replaced (new id, new seq) by one holding the first old and the last new value of every field.
 * Replacing rather than editing keeps the log append-only for anyone reading it by seq: a reader that saw
 * the earlier entry sees a later one with absolute values, which replays to the same state.
 */
export async function logDraftChange(db: Executor, interviewId: string, changes: Changes): Promise<void> {
  if (Object.keys(changes).length === 0) return;
  const last = await db.selectFrom('change_log').selectAll().orderBy('seq', 'desc').limit(1).executeTakeFirst();
  const now = nowIso();
  const sameBurst =
    last !== undefined &&
    last.entity_type === 'interview' &&
    last.entity_id === interviewId &&
    last.op === 'update' &&
    Date.parse(now) - Date.parse(last.changed_at) < BURST_MS;
  if (!sameBurst) {
    await logChange(db, { entityType: 'interview', entityId: interviewId, op: 'update', changes });
    return;
  }
  const merged: Changes = last.changes_json ? (JSON.parse(last.changes_json) as Changes) : {};
  for (const [field, [before, after]] of Object.entries(changes)) {
    const first = field in merged ? merged[field]![0] : before;
    if (JSON.stringify(first) === JSON.stringify(after)) delete merged[field];
    else merged[field] = [first, after];
  }
  await db.deleteFrom('change_log').where('seq', '=', last.seq).execute();
  if (Object.keys(merged).length === 0) return;
  await db
    .insertInto('change_log')
    .values({ id: newId(), entity_type: 'interview', entity_id: interviewId, op: 'update', changes_json: JSON.stringify(merged), import_id: null, changed_at: now })
    .execute();
}
