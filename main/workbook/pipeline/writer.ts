import type BetterSqlite3 from 'better-sqlite3';
import { newId } from '../../db/new-id';
import type { Row } from './lookups';

/**
 * Raw prepared statements for the commit: the whole import runs inside one better-sqlite3
 * transaction, synchronously, so nothing else can interleave and a failure anywhere leaves nothing.
 */
export class RowWriter {
  private readonly statements = new Map<string, BetterSqlite3.Statement>();
  private readonly log: BetterSqlite3.Statement;
  changes = 0;

  constructor(
    private readonly raw: BetterSqlite3.Database,
    readonly importId: string,
    readonly stamp: string,
    private readonly makeId: () => string = newId,
  ) {
    this.log = raw.prepare('INSERT INTO change_log (id, entity_type, entity_id, op, changes_json, import_id, changed_at) VALUES (?,?,?,?,?,?,?)');
  }

  private statement(key: string, sql: () => string): BetterSqlite3.Statement {
    let st = this.statements.get(key);
    if (!st) {
      st = this.raw.prepare(sql());
      this.statements.set(key, st);
    }
    return st;
  }

  /** Inserts a row as given (stamps included when the caller sets them). */
  insert(table: string, row: Row): void {
    const columns = Object.keys(row);
    const st = this.statement(`i|${table}|${columns.join(',')}`, () => `INSERT INTO ${table} (${columns.map(quote).join(',')}) VALUES (${columns.map(() => '?').join(',')})`);
    st.run(...columns.map((c) => row[c] ?? null));
    this.changes++;
  }

  /**
   * A prepared insert for a fixed column list, taking the values as an array: `rows` rows at a time,
   * their values one after the other.
   */
  inserter(table: string, columns: readonly string[], rows = 1): (values: unknown[]) => void {
    const tuple = `(${columns.map(() => '?').join(',')})`;
    const st = this.statement(`i|${table}|${columns.join(',')}|${rows}`, () => `INSERT INTO ${table} (${columns.map(quote).join(',')}) VALUES ${Array.from({ length: rows }, () => tuple).join(',')}`);
    return (values) => {
      st.run(values);
      this.changes += rows;
    };
  }

  update(table: string, key: Row, values: Row): void {
    const columns = Object.keys(values);
    const keys = Object.keys(key);
    const st = this.statement(`u|${table}|${columns.join(',')}|${keys.join(',')}`, () => `UPDATE ${table} SET ${columns.map((c) => `${quote(c)} = ?`).join(', ')} WHERE ${keys.map((k) => `${quote(k)} = ?`).join(' AND ')}`);
    st.run(...columns.map((c) => values[c] ?? null), ...keys.map((k) => key[k] ?? null));
    this.changes++;
  }

  remove(table: string, key: Row): void {
    const keys = Object.keys(key);
    const st = this.statement(`d|${table}|${keys.join(',')}`, () => `DELETE FROM ${table} WHERE ${keys.map((k) => `${quote(k)} = ?`).join(' AND ')}`);
    st.run(...keys.map((k) => key[k] ?? null));
    this.changes++;
  }

  logChange(entityType: string, entityId: string, op: 'insert' | 'update' | 'delete' | 'restore', changes: unknown): void {
    this.log.run(this.makeId(), entityType, entityId, op, changes === null ? null : JSON.stringify(changes), this.importId, this.stamp);
  }
}

export function quote(identifier: string): string {
  return `"${identifier.replace(/"/g, '""')}"`;
}
