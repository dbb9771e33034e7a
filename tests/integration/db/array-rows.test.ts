/**
 * arrayRows(): the metrics engine's per-account reads as arrays. Same rows and values as kysely gives,
 * in SELECT order, on the workspace's connection and behind kysely's connection lock.
 */
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { arrayRows } from '../../../main/db/array-rows';
import { openDatabase } from '../../../main/db/open-database';
import { tempDir } from '../../helpers/temp-dir';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function workspace() {
  const dir = tempDir();
  const opened = await openDatabase(path.join(dir, 'w.axw'), { create: true, dataDir: dir });
  closers.push(() => opened.close());
  opened.raw.exec(`CREATE TABLE t (k TEXT, n INTEGER, x REAL, b BLOB)`);
  const insert = opened.raw.prepare(`INSERT INTO t VALUES (?, ?, ?, ?)`);
  insert.run('b', 2, 0.5, null);
  insert.run('a', null, -1.25, Buffer.from([1, 2]));
  insert.run('c', 9007199254740991, null, null);
  return opened;
}

const query = sql<Record<string, unknown>>`SELECT x, k, n, b FROM t ORDER BY k`;

describe('arrayRows', () => {
  it('gives each row as its columns in SELECT order, with the values kysely gives', async () => {
    const { db } = await workspace();
    const asObjects = (await query.execute(db)).rows;
    const asArrays = await arrayRows(db, query);
    expect(asArrays).toEqual(asObjects.map((row) => [row.x, row.k, row.n, row.b]));
    expect(asArrays.map((row) => row[1])).toEqual(['a', 'b', 'c']);
  });

  it('binds the query’s parameters', async () => {
    const { db } = await workspace();
    expect(await arrayRows(db, sql`SELECT k FROM t WHERE n > ${1} ORDER BY k`)).toEqual([['b'], ['c']]);
  });

  it('waits for a transaction open on the connection, then sees what it committed', async () => {
    const { db } = await workspace();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const transaction = db.transaction().execute(async (trx) => {
      await sql`UPDATE t SET n = 100 WHERE k = 'a'`.execute(trx);
      await held;
    });
    const read = arrayRows(db, sql`SELECT n FROM t WHERE k = 'a'`);
    let settled = false;
    void read.then(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(settled).toBe(false);
    release();
    await transaction;
    expect(await read).toEqual([[100]]);
  });

  it('works on a kysely instance it was not told about, through kysely', async () => {
    const dir = tempDir();
    const raw = new BetterSqlite3(path.join(dir, 'plain.db'));
    const db = new Kysely<Record<string, never>>({ dialect: new SqliteDialect({ database: raw }) });
    closers.push(() => db.destroy());
    raw.exec(`CREATE TABLE t (k TEXT, n INTEGER)`);
    raw.prepare(`INSERT INTO t VALUES ('a', 1), ('b', 2)`).run();
    expect(await arrayRows(db, sql`SELECT n, k FROM t ORDER BY k`)).toEqual([[1, 'a'], [2, 'b']]);
  });
});
