import type BetterSqlite3 from 'better-sqlite3';
import { refuse } from '../refusal';

export interface ColumnInfo {
  name: string;
  type: string;
  notnull: boolean;
  pk: number;
}

export function tableColumns(raw: BetterSqlite3.Database, table: string): ColumnInfo[] {
  return (raw.prepare('SELECT name, type, "notnull" AS nn, pk FROM pragma_table_info(?)').all(table) as { name: string; type: string; nn: number; pk: number }[]).map((c) => ({
    name: c.name,
    type: c.type.toUpperCase(),
    notnull: c.nn === 1,
    pk: c.pk,
  }));
}

export function tableExists(raw: BetterSqlite3.Database, table: string): boolean {
  return !!raw.prepare(`SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?`).get(table);
}

export function totalChanges(raw: BetterSqlite3.Database): number {
  return (raw.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
}

const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * A table's rows in slices, each read synchronously between other calls. A slice is never read while
 * another call holds a transaction open (it would see uncommitted rows); the caller compares
 * total_changes() before and after to know the slices form one consistent picture.
 */
export async function* tableSlices(raw: BetterSqlite3.Database, table: string, columns: readonly string[], signal: AbortSignal, size = 5000): AsyncGenerator<unknown[][]> {
  const select = raw.prepare(`SELECT rowid, ${columns.map((c) => `"${c}"`).join(', ')} FROM "${table}" WHERE rowid > ? ORDER BY rowid LIMIT ?`).raw(true);
  let last = Number.MIN_SAFE_INTEGER;
  for (;;) {
    if (signal.aborted) refuse('Cancelled.');
    while (raw.inTransaction) await new Promise((resolve) => setTimeout(resolve, 5));
    const rows = select.all(last, size) as unknown[][];
    if (rows.length === 0) return;
    last = rows[rows.length - 1]![0] as number;
    yield rows.map((r) => r.slice(1));
    if (rows.length < size) return;
    await pause();
  }
}
