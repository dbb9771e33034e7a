import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openDatabase, APPLICATION_ID, MMAP_BYTES, PAGE_CACHE_KIB } from '../../../main/db/open-database';
import { MIGRATIONS, LATEST_SCHEMA_VERSION } from '../../../main/db/migrations';
import type { Migration } from '../../../main/db/migrator';
import { WorkspaceTooNewError } from '../../../main/db/migrator';
import { WorkspaceDamagedError, NotAWorkspaceError } from '../../../main/db/errors';
import { backupFolderFor, listBackups } from '../../../main/db/backup';
import { tempDir } from '../../helpers/temp-dir';

function schemaOf(file: string): string {
  const raw = new BetterSqlite3(file, { readonly: true });
  try {
    const rows = raw.prepare(`SELECT type, name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY name`).all();
    return JSON.stringify({ rows, version: raw.pragma('user_version', { simple: true }) });
  } finally {
    raw.close();
  }
}

describe('workspace file schema and migrations', () => {
  it('creates every table of the product, at the latest version, with the pragmas the data needs', async () => {
    const dir = tempDir();
    const opened = await openDatabase(path.join(dir, 'w.axw'), { create: true, dataDir: dir });
    const tables = (opened.raw.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all() as { name: string }[]).map((r) => r.name);
    expect(tables).toEqual(
      expect.arrayContaining(['accounts', 'arr_records', 'contacts', 'drivers', 'interview_guides', 'guide_questions', 'interviews', 'driver_ratings', 'journeys', 'journey_stages', 'touchpoints', 'qbrs', 'qbr_notes', 'milestones', 'actions', 'tags', 'entity_tags', 'segment_overrides', 'change_log', 'workspace_settings', 'score_corrections', 'imports', 'quarter_snapshots']),
    );
    expect(opened.raw.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(opened.raw.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(opened.raw.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(opened.raw.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(opened.raw.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    // Read speed: a page cache and a memory map large enough for a 10k-account book's metric reads.
    expect(opened.raw.pragma('cache_size', { simple: true })).toBe(PAGE_CACHE_KIB);
    expect(opened.raw.pragma('mmap_size', { simple: true })).toBe(MMAP_BYTES);
    expect(opened.raw.pragma('temp_store', { simple: true })).toBe(2); // MEMORY
    await opened.close();
  });

  it('enforces foreign keys and money as non-negative integers', async () => {
    const dir = tempDir();
    const opened = await openDatabase(path.join(dir, 'w.axw'), { create: true, dataDir: dir });
    const stamp = new Date().toISOString();
    expect(() =>
      opened.raw.prepare(`INSERT INTO contacts (id, account_id, name, created_at, updated_at) VALUES ('c', 'missing-account', 'X', ?, ?)`).run(stamp, stamp),
    ).toThrow(/FOREIGN KEY/);
    opened.raw.prepare(`INSERT INTO accounts (id, name, name_normalized, created_at, updated_at) VALUES ('a', 'A', 'a', ?, ?)`).run(stamp, stamp);
    expect(() => opened.raw.prepare(`INSERT INTO arr_records (id, account_id, effective_date, arr_minor, kind, created_at, updated_at) VALUES ('r', 'a', '2026-01-01', 10.5, 'new', ?, ?)`).run(stamp, stamp)).toThrow();
    expect(() => opened.raw.prepare(`INSERT INTO arr_records (id, account_id, effective_date, arr_minor, kind, created_at, updated_at) VALUES ('r', 'a', '2026-01-01', -1, 'new', ?, ?)`).run(stamp, stamp)).toThrow(/CHECK/);
    await opened.close();
  });

  it('a migration that throws leaves the schema and version exactly as they were', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'w.axw');
    await (await openDatabase(file, { create: true, dataDir: dir })).close();
    const before = schemaOf(file);
    const failing: Migration = {
      name: '999-half-done',
      async up(db) {
        await sql`CREATE TABLE half_done (id TEXT)`.execute(db);
        await sql`ALTER TABLE accounts ADD COLUMN doomed TEXT`.execute(db);
        throw new Error('boom in the middle');
      },
    };
    await expect(openDatabase(file, { create: false, dataDir: dir, migrations: [...MIGRATIONS, failing] })).rejects.toThrow('boom in the middle');
    expect(schemaOf(file)).toBe(before);
  });

  it('takes an online backup before migrating an existing file', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'w.axw');
    const first = await openDatabase(file, { create: true, dataDir: dir });
    await first.close();
    const next: Migration = { name: '002-extra', up: async (db) => void (await sql`CREATE TABLE extra (id TEXT PRIMARY KEY) STRICT`.execute(db)) };
    const second = await openDatabase(file, { create: false, dataDir: dir, migrations: [...MIGRATIONS, next] });
    expect(second.migratedFrom).toBe(MIGRATIONS.length);
    await second.close();
    const backups = listBackups(backupFolderFor(dir, file));
    expect(backups).toHaveLength(1);
    expect(backups[0]!.reason).toBe(`before-migration-v${MIGRATIONS.length}`);
    // The backup is the pre-migration file: it has no 'extra' table.
    expect(schemaOf(backups[0]!.fullPath)).not.toContain('extra');
  });

  it('refuses a file written by a newer version, without changing it', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'w.axw');
    await (await openDatabase(file, { create: true, dataDir: dir })).close();
    const raw = new BetterSqlite3(file);
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    raw.close();
    const bytesBefore = fs.readFileSync(file);
    await expect(openDatabase(file, { create: false, dataDir: dir })).rejects.toBeInstanceOf(WorkspaceTooNewError);
    await expect(openDatabase(file, { create: false, dataDir: dir })).rejects.toThrow(/newer version of AX Workbench/);
    expect(fs.readFileSync(file).equals(bytesBefore)).toBe(true);
  });

  it('reports a damaged or foreign file instead of opening it', async () => {
    const dir = tempDir();
    const garbage = path.join(dir, 'garbage.axw');
    fs.writeFileSync(garbage, Buffer.alloc(8192, 0x5a));
    await expect(openDatabase(garbage, { create: false, dataDir: dir })).rejects.toBeInstanceOf(WorkspaceDamagedError);

    const foreign = path.join(dir, 'other-app.db');
    const raw = new BetterSqlite3(foreign);
    raw.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)');
    raw.close();
    await expect(openDatabase(foreign, { create: false, dataDir: dir })).rejects.toBeInstanceOf(NotAWorkspaceError);
  });

  it('detects a corrupted page with quick_check', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'w.axw');
    const opened = await openDatabase(file, { create: true, dataDir: dir });
    const insert = opened.raw.prepare(`INSERT INTO accounts (id, name, name_normalized, notes, created_at, updated_at) VALUES (?, ?, ?, ?, 'x', 'x')`);
    opened.raw.transaction(() => {
      for (let i = 0; i < 2000; i++) insert.run(`id-${i}`, `Account ${i}`, `account ${i}`, 'n'.repeat(200));
    })();
    opened.raw.pragma('wal_checkpoint(TRUNCATE)');
    await opened.close();
    const bytes = fs.readFileSync(file);
    // Scribble over the middle of the file: b-tree pages, not the header.
    bytes.fill(0xff, Math.floor(bytes.length / 2), Math.floor(bytes.length / 2) + 4096);
    fs.writeFileSync(file, bytes);
    await expect(openDatabase(file, { create: false, dataDir: dir })).rejects.toBeInstanceOf(WorkspaceDamagedError);
  });
});
