/**
 * Rows as arrays, for reads of many short rows (the metrics engine's per-account columns). better-sqlite3
 * builds one object per row with a property per column: for 10k accounts × 9 columns that was half of
 * the read, while SQLite itself took under a millisecond. In array mode each row is one array.
 *
 * It runs on the workspace's own connection, through kysely's connection lock, so it sees exactly what
 * a kysely query at that point would. Without a registered handle (a kysely instance made elsewhere,
 * or a transaction's) it falls back to kysely and takes the row object's values, which are in column
 * order only when the column names are distinct and none looks like an integer: name columns so.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely, RawBuilder } from 'kysely';

const handles = new WeakMap<Kysely<never>, BetterSqlite3.Database>();
const statements = new WeakMap<BetterSqlite3.Database, Map<string, BetterSqlite3.Statement>>();
/** The per-account reads are a handful of shapes; a bound keeps ad-hoc SQL from piling up. */
const MAX_STATEMENTS = 64;

export function registerArrayRows<DB>(db: Kysely<DB>, raw: BetterSqlite3.Database): void {
  handles.set(db as unknown as Kysely<never>, raw);
}

function statementFor(raw: BetterSqlite3.Database, text: string): BetterSqlite3.Statement {
  let cache = statements.get(raw);
  if (!cache) statements.set(raw, (cache = new Map()));
  let statement = cache.get(text);
  if (!statement) {
    if (cache.size >= MAX_STATEMENTS) cache.clear();
    statement = raw.prepare(text).raw(true);
    cache.set(text, statement);
  }
  return statement;
}

/** The query's rows, each an array of its columns in SELECT order. */
export async function arrayRows<Row extends unknown[], DB>(db: Kysely<DB>, query: RawBuilder<unknown>): Promise<Row[]> {
  const compiled = query.compile(db);
  const raw = handles.get(db as unknown as Kysely<never>);
  if (!raw) return (await query.execute(db)).rows.map((row) => Object.values(row as object) as Row);
  return db.connection().execute(async () => statementFor(raw, compiled.sql).all(...(compiled.parameters as unknown[])) as Row[]);
}
