import type BetterSqlite3 from 'better-sqlite3';
import { ApiError } from '../../../shared/contract/errors';
import type { ImportRecord } from '../../../shared/contract/workbook';
import { nowIso } from '../../db/clock';
import type { ImportsTable } from '../../db/tables';
import { TABLE_OF } from './plan-ops';
import type { RecordKind } from './plan-ops';
import { importRecordOf } from './history';
import { RowWriter } from './writer';
import { createdList, gone, changedSince, isCreatedList, listedConflicts, removeListed } from './undo-created';
import type { CreatedList, LogEntry } from './undo-created';
import type { Row } from './lookups';
import { BULK_ROWS } from './commit';
import { withMetricMarksDeferred } from '../../metrics/engine/summaries';
import { MARK_TOUCHED_SQL, markParams } from './metric-marks';
import type { TouchedResponses } from './metric-marks';
import { withSearchIndexingDeferred } from '../../search/bulk-load';
import type { ChangedTexts } from '../../search/bulk-load';
import { WRITE_CACHE_KIB, withPageCacheBounded, withTempStoreInMemory } from './temp-store';

/** change_log entity types of the importer, and (for whole-workspace imports) plain table names. */
export function tableOfEntity(entityType: string, tables: ReadonlySet<string>): string | null {
  if (entityType in TABLE_OF) return TABLE_OF[entityType as RecordKind];
  return tables.has(entityType) ? entityType : null;
}

/** The row's key: `id` for entity tables, the JSON of the primary key for the few without one. */
export function keyOf(entityId: string, pk: readonly string[]): Record<string, unknown> {
  if (pk.length === 1) return { [pk[0]!]: entityId };
  const values = JSON.parse(entityId) as unknown[];
  return Object.fromEntries(pk.map((column, i) => [column, values[i] ?? null]));
}

export function primaryKeyOf(raw: BetterSqlite3.Database, table: string): string[] {
  const info = raw.prepare(`SELECT name, pk FROM pragma_table_info(?)`).all(table) as { name: string; pk: number }[];
  return info.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name);
}

/**
 * Undoes an import as a whole: rows it created are removed, rows it changed get their before-image
 * back, all in one transaction. Refused, changing nothing, when something touched those rows since.
 * The records listed in an import's one entry of created records (write-plan.ts) are checked and removed
 * a table at a time (undo-created.ts); entries of single records, as older imports and whole-workspace
 * imports wrote them, one by one.
 */
export function undoImport(raw: BetterSqlite3.Database, importId: string): ImportRecord {
  const record = raw.prepare('SELECT * FROM imports WHERE id = ?').get(importId) as ImportsTable | undefined;
  if (!record) throw new ApiError({ code: 'not_found', message: 'That import is not in the history.' });
  if (record.undone_at) throw new ApiError({ code: 'conflict', message: `That import was already undone on ${record.undone_at.slice(0, 10)}.` });
  const tables = new Set((raw.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table'`).all() as { name: string }[]).map((r) => r.name));
  const logged = raw.prepare(`SELECT entity_type, entity_id, op, changes_json, changed_at FROM change_log WHERE import_id = ? AND op IN ('insert','update') ORDER BY seq DESC`).all(importId) as LogEntry[];
  const listOf = new Map(logged.filter(isCreatedList).map((entry) => [entry, createdList(entry)] as const));
  const lists = [...listOf.values()];
  const entries = logged.filter((entry) => !isCreatedList(entry));
  const pks = new Map<string, string[]>();
  const pkOf = (table: string) => {
    if (!pks.has(table)) pks.set(table, primaryKeyOf(raw, table));
    return pks.get(table)!;
  };
  const stamp = nowIso();
  const writer = new RowWriter(raw, importId, stamp);
  // A record the import created and then updated (its id twice in one file) is simply removed: its updates are
  // skipped, and it is unchanged since when its updated_at is the last one the import wrote.
  const entityKey = (entry: LogEntry) => `${entry.entity_type}\u0000${entry.entity_id}`;
  const created = new Set(entries.filter((e) => e.op === 'insert').map(entityKey));
  // Of the listed records, only those the log also updates matter here: looked up by kind, no key per record.
  const updatedIds = new Map<string, Set<string>>();
  for (const entry of entries) if (entry.op === 'update') (updatedIds.get(entry.entity_type) ?? updatedIds.set(entry.entity_type, new Set()).get(entry.entity_type)!).add(entry.entity_id);
  for (const list of lists) {
    for (const { kind, ids } of list.kinds) {
      const updated = updatedIds.get(kind);
      if (updated) for (const id of ids) if (updated.has(id)) created.add(`${kind}\u0000${id}`);
    }
  }
  const lastWrittenAt = new Map<string, unknown>();
  for (const entry of entries) {
    if (entry.op !== 'update' || !created.has(entityKey(entry)) || lastWrittenAt.has(entityKey(entry))) continue;
    const changes = entry.changes_json ? (JSON.parse(entry.changes_json) as Record<string, unknown>) : {};
    const pair = changes.updated_at as [unknown, unknown] | undefined;
    if (pair) lastWrittenAt.set(entityKey(entry), pair[1]);
  }
  // Every row has an updated_at, so an update whose before-image has none changed a row this import created.
  const beforeImportMissing = (entry: LogEntry) => {
    const pair = entry.changes_json ? (JSON.parse(entry.changes_json) as Record<string, unknown>).updated_at : undefined;
    return Array.isArray(pair) && pair[0] === null;
  };
  const isUpdateOfCreated = (entry: LogEntry) => entry.op === 'update' && (created.has(entityKey(entry)) || beforeImportMissing(entry));
  const records = entries.length + lists.reduce((n, list) => n + list.size, 0);
  const run = raw.transaction(() => {
    const conflicts: string[] = [];
    for (const list of lists) conflicts.push(...listedConflicts(raw, list));
    for (const entry of entries) {
      const table = tableOfEntity(entry.entity_type, tables);
      if (!table || isUpdateOfCreated(entry)) continue;
      const key = keyOf(entry.entity_id, pkOf(table));
      const changes = entry.changes_json ? (JSON.parse(entry.changes_json) as Record<string, unknown>) : {};
      // A created record is unchanged since while its updated_at is the import's stamp: the entry's own
      // when it carries no values (older entries and whole-workspace imports state it in their changes).
      const createdAt = entry.changes_json === null ? entry.changed_at : changes.updated_at;
      const expected =
        entry.op === 'insert'
          ? ((lastWrittenAt.get(entityKey(entry)) ?? createdAt) as string | undefined)
          : (changes.updated_at as [unknown, unknown] | undefined)?.[1];
      const where = Object.keys(key).map((k) => `"${k}" = ?`).join(' AND ');
      const current = raw.prepare(`SELECT * FROM "${table}" WHERE ${where}`).get(...Object.values(key)) as Record<string, unknown> | undefined;
      if (!current) {
        conflicts.push(gone(entry.entity_type, entry.entity_id));
        continue;
      }
      if (expected !== undefined && 'updated_at' in current && current.updated_at !== expected) {
        conflicts.push(changedSince(entry.entity_type, entry.entity_id, current));
      }
    }
    if (conflicts.length > 0) {
      throw new ApiError({
        code: 'conflict',
        message: `This import cannot be undone without losing later work: ${conflicts.length} of its records changed since (${conflicts.slice(0, 3).join('; ')}). Nothing was changed.`,
      });
    }
    const applyOne = (entry: LogEntry) => {
      const table = tableOfEntity(entry.entity_type, tables);
      if (!table || isUpdateOfCreated(entry)) return;
      const key = keyOf(entry.entity_id, pkOf(table)) as Row;
      const changes = entry.changes_json ? (JSON.parse(entry.changes_json) as Record<string, unknown>) : {};
      if (entry.op === 'insert') {
        if (table === 'interviews') writer.remove('driver_ratings', { interview_id: entry.entity_id });
        writer.remove(table, key);
        writer.logChange(entry.entity_type, entry.entity_id, 'delete', { undoneImport: importId });
      } else {
        const restore: Record<string, unknown> = {};
        for (const [column, pair] of Object.entries(changes)) if (Array.isArray(pair)) restore[column] = pair[0];
        writer.update(table, key, restore as Row);
        writer.logChange(entry.entity_type, entry.entity_id, 'update', Object.fromEntries(Object.entries(changes).map(([c, pair]) => [c, Array.isArray(pair) ? [pair[1], pair[0]] : pair])));
      }
    };
    // Newest first: the import's updates are restored before the records it created go.
    const apply = () => {
      for (const entry of logged) {
        const list = listOf.get(entry);
        if (list) removeListed(raw, writer, list);
        else applyOne(entry);
      }
    };
    // Removing a big import indexes the documents it changes once at the end rather than row by row, and
    // marks the metric summaries' months in one statement (before the rows go, and after the restores).
    if (records >= BULK_ROWS) {
      const byKind = idsByKind(entries, lists);
      const marked = () => withMetricMarksDeferred(raw, apply, MARK_TOUCHED_SQL, markParams(touchedBy(byKind)));
      const changed = changedTextsOf(byKind);
      if (changed) withSearchIndexingDeferred(raw, marked, changed);
      else if (reindexingAllIsCheaper(raw, records)) withSearchIndexingDeferred(raw, marked);
      else marked();
    } else apply();
    raw.prepare('UPDATE imports SET undone_at = ?, updated_at = ? WHERE id = ?').run(stamp, stamp, importId);
  });
  try {
    withTempStoreInMemory(raw, () => withPageCacheBounded(raw, WRITE_CACHE_KIB, () => run.immediate()));
  } catch (err) {
    if (err instanceof ApiError) throw err;
    const code = (err as { code?: string }).code ?? '';
    if (code.startsWith('SQLITE_CONSTRAINT')) {
      throw new ApiError({ code: 'conflict', message: 'This import cannot be undone: records it created are now used by records added later (for example a new response for an imported contact). Undo or delete those first. Nothing was changed.' });
    }
    throw err;
  }
  return importRecordOf(raw.prepare('SELECT * FROM imports WHERE id = ?').get(importId) as ImportsTable);
}

/** Kinds of record the importer writes whose rows search documents show. */
const TEXT_KINDS = new Set<string>(['interview', 'driver_rating', 'qbr', 'qbr_note', 'action']);

/** Kinds of record the importer writes that no search document shows. */
const TEXTLESS_KINDS = new Set<string>(['account', 'contact', 'driver', 'arr_record']);

/** The ids the entries and the lists of created records name, by entity type (a kind, or a table name in whole-workspace imports). */
function idsByKind(entries: readonly LogEntry[], lists: readonly CreatedList[]): Map<string, string[]> {
  const byKind = new Map<string, string[]>();
  const listFor = (kind: string) => byKind.get(kind) ?? byKind.set(kind, []).get(kind)!;
  for (const entry of entries) listFor(entry.entity_type).push(entry.entity_id);
  for (const list of lists) {
    for (const { kind, ids } of list.kinds) {
      const target = listFor(kind);
      for (const id of ids) target.push(id);
    }
  }
  return byKind;
}

/**
 * The rows whose search documents undoing these changes; null when an entry is of a kind this does not
 * know (a whole-workspace import logs plain table names, tags among them).
 */
function changedTextsOf(byKind: ReadonlyMap<string, string[]>): ChangedTexts | null {
  for (const kind of byKind.keys()) if (!TEXT_KINDS.has(kind) && !TEXTLESS_KINDS.has(kind)) return null;
  const ids = (kind: string) => byKind.get(kind) ?? [];
  return { interviews: ids('interview'), ratings: ids('driver_rating'), qbrs: ids('qbr'), qbrNotes: ids('qbr_note'), actions: ids('action') };
}

/** Re-indexing every text once beats row by row when the workspace is not much bigger than the undo. */
function reindexingAllIsCheaper(raw: BetterSqlite3.Database, records: number): boolean {
  const { n } = raw.prepare('SELECT count(*) AS n FROM interviews').get() as { n: number };
  return n <= records * 5;
}

/** The responses, ratings and contacts named, by the importer's kind or (whole-workspace imports) the table. */
function touchedBy(byKind: ReadonlyMap<string, string[]>): TouchedResponses {
  const ids = (kind: string, table: string) => [...(byKind.get(kind) ?? []), ...(byKind.get(table) ?? [])];
  return { interviews: ids('interview', 'interviews'), ratings: ids('driver_rating', 'driver_ratings'), contacts: ids('contact', 'contacts'), created: [] };
}
