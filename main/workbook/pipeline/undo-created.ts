import type BetterSqlite3 from 'better-sqlite3';
import { TABLE_OF } from './plan-ops';
import type { RecordKind } from './plan-ops';
import type { RowWriter } from './writer';
import { CREATED_ENTRY_TYPE } from './write-plan';

export interface LogEntry {
  entity_type: string;
  entity_id: string;
  op: 'insert' | 'update';
  changes_json: string | null;
  changed_at: string;
}

/** An import's one change-log entry listing every record it created (write-plan.ts), by table in write order. */
export interface CreatedList {
  entry: LogEntry;
  /** The import's stamp: every record it wrote has it as updated_at until someone edits the record. */
  stamp: string;
  kinds: { kind: RecordKind; table: string; ids: string[] }[];
  size: number;
}

export function isCreatedList(entry: LogEntry): boolean {
  return entry.entity_type === CREATED_ENTRY_TYPE && entry.op === 'insert';
}

export function createdList(entry: LogEntry): CreatedList {
  const { created } = JSON.parse(entry.changes_json ?? '{}') as { created?: Record<string, string[]> };
  const kinds: CreatedList['kinds'] = [];
  let size = 0;
  for (const [kind, ids] of Object.entries(created ?? {})) {
    if (!(kind in TABLE_OF)) continue;
    kinds.push({ kind: kind as RecordKind, table: TABLE_OF[kind as RecordKind], ids });
    size += ids.length;
  }
  return { entry, stamp: entry.changed_at, kinds, size };
}

export const gone = (kind: string, id: string): string => `${kind} ${id} is gone`;

export const changedSince = (kind: string, id: string, current: Record<string, unknown>): string =>
  `${kind} ${String(current.name ?? current.title ?? id)} was changed after the import`;

/**
 * The listed records that are gone or were changed since the import, a table at a time: one join of the
 * list with its table instead of a lookup per record (a 100k-row import lists 122k records).
 */
export function listedConflicts(raw: BetterSqlite3.Database, list: CreatedList): string[] {
  const conflicts: string[] = [];
  for (const { kind, table, ids } of list.kinds) {
    const rows = raw
      .prepare(`SELECT j.value AS listed_id, t.* FROM json_each(?) AS j LEFT JOIN "${table}" AS t ON t.id = j.value WHERE t.id IS NULL OR t.updated_at IS NOT ?`)
      .all(JSON.stringify(ids), list.stamp) as (Record<string, unknown> & { listed_id: string })[];
    for (const row of rows) conflicts.push(row.id === null ? gone(kind, row.listed_id) : changedSince(kind, row.listed_id, row));
  }
  return conflicts;
}

/**
 * Removes the listed records a table at a time, the last written first (children before their parents),
 * with the ratings of each response; the change log gets one entry naming them all, as the import did.
 */
export function removeListed(raw: BetterSqlite3.Database, writer: RowWriter, list: CreatedList): void {
  for (let k = list.kinds.length - 1; k >= 0; k--) {
    const { table, ids } = list.kinds[k]!;
    const listed = JSON.stringify(ids);
    if (table === 'interviews') raw.prepare(`DELETE FROM driver_ratings WHERE interview_id IN (SELECT value FROM json_each(?))`).run(listed);
    writer.changes += raw.prepare(`DELETE FROM "${table}" WHERE id IN (SELECT value FROM json_each(?))`).run(listed).changes;
  }
  writer.logChange(CREATED_ENTRY_TYPE, writer.importId, 'delete', { removed: Object.fromEntries(list.kinds.map(({ kind, ids }) => [kind, ids])) });
}
