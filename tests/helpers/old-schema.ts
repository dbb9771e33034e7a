/**
 * Workspace files as an older version of the app left them, for the migration tests: made with only the
 * first `version` migrations and filled by `fill`, then reopened by this version (which migrates them).
 */
import fs from 'node:fs';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { MIGRATIONS } from '../../main/db/migrations';
import { openDatabase, type OpenedDatabase } from '../../main/db/open-database';
import { tempDir } from './temp-dir';

export interface OldWorkspace {
  dataDir: string;
  file: string;
}

export async function workspaceAtSchema(version: number, fill: (raw: BetterSqlite3.Database) => void): Promise<OldWorkspace> {
  const dataDir = tempDir();
  const file = path.join(dataDir, 'old.axw');
  const old = await openDatabase(file, { create: true, dataDir, migrations: MIGRATIONS.slice(0, version) });
  try {
    fill(old.raw);
  } finally {
    await old.close();
  }
  return { dataDir, file };
}

/** Opens the old file with every migration, runs `check` on it, then closes it and removes the folder. */
export async function withReopened(old: OldWorkspace, check: (reopened: OpenedDatabase) => Promise<void> | void): Promise<void> {
  const reopened = await openDatabase(old.file, { create: false, dataDir: old.dataDir });
  try {
    await check(reopened);
  } finally {
    await reopened.close();
    fs.rmSync(old.dataDir, { recursive: true, force: true });
  }
}
