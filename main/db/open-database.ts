import fs from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { registerArrayRows } from './array-rows';
import type { Database } from './tables';
import { migrate, WorkspaceTooNewError } from './migrator';
import type { Migration } from './migrator';
import { MIGRATIONS } from './migrations';
import { backupFolderFor, takeBackup } from './backup';
import { NotAWorkspaceError, WorkspaceDamagedError } from './errors';

/** 'AXWB': marks a SQLite file as ours so that opening someone else's database is refused, not migrated. */
export const APPLICATION_ID = 0x41585742;
/** Page cache per connection: negative = KiB (128 MiB), an upper bound, filled as pages are read. */
export const PAGE_CACHE_KIB = -131_072;
/** Memory-mapped reads of the first 1 GiB of the file (no copy into the page cache). */
export const MMAP_BYTES = 1024 * 1024 * 1024;

export interface OpenedDatabase {
  path: string;
  raw: BetterSqlite3.Database;
  db: Kysely<Database>;
  migratedFrom: number;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  create: boolean;
  dataDir: string;
  nativeBinding?: string;
  migrations?: readonly Migration[];
}

export async function openDatabase(filePath: string, options: OpenDatabaseOptions): Promise<OpenedDatabase> {
  const migrations = options.migrations ?? MIGRATIONS;
  const existed = fs.existsSync(filePath) && fs.statSync(filePath).size > 0;
  if (!existed && !options.create) throw new WorkspaceDamagedError(filePath, 'the file does not exist any more');

  let raw: BetterSqlite3.Database;
  try {
    raw = new BetterSqlite3(filePath, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
  } catch (err) {
    throw new WorkspaceDamagedError(filePath, describeSqliteError(err));
  }
  try {
    if (existed) checkIntegrity(raw, filePath);
    const version = raw.pragma('user_version', { simple: true }) as number;
    const appId = raw.pragma('application_id', { simple: true }) as number;
    if (existed && appId !== APPLICATION_ID && (version > 0 || hasTables(raw))) throw new NotAWorkspaceError(filePath);
    if (version > migrations.length) throw new WorkspaceTooNewError(version, migrations.length);

    raw.pragma('journal_mode = WAL');
    raw.pragma('foreign_keys = ON');
    raw.pragma('busy_timeout = 5000');
    // The file is the customer's only copy: durability over a few percent of write speed.
    raw.pragma('synchronous = FULL');
    // Read speed only, durability untouched. A 10k-account book's metric reads touch ~100 MB of index
    // pages (summaries, ARR history, last touch, follow-ups); SQLite's default 2 MB page cache
    // re-read them from the OS on every recompute. The cache grows only as pages are read. The map
    // is address space over the file, not memory: the OS may drop its pages at any time.
    raw.pragma(`cache_size = ${PAGE_CACHE_KIB}`);
    raw.pragma(`mmap_size = ${MMAP_BYTES}`);
    // Statement journals and sorts in memory, not in temp files: a row trigger's write makes every row
    // of a bulk insert open a statement journal, and as temp files their cost grew with each load
    // (a 100k-row insert: 0.7 s, then 1.2 s, then 1.9 s; in memory a flat ~0.8 s).
    raw.pragma('temp_store = MEMORY');
    raw.pragma(`application_id = ${APPLICATION_ID}`);

    if (existed && version > 0 && version < migrations.length) {
      await takeBackup(raw, backupFolderFor(options.dataDir, filePath), `before-migration-v${version}`);
    }
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: raw }) });
    registerArrayRows(db, raw);
    const { from } = await migrate(db, migrations);
    return {
      path: filePath,
      raw,
      db,
      migratedFrom: from,
      async close() {
        await db.destroy();
      },
    };
  } catch (err) {
    raw.close();
    throw err;
  }
}

function checkIntegrity(raw: BetterSqlite3.Database, filePath: string): void {
  let result: unknown;
  try {
    result = raw.pragma('quick_check', { simple: true });
  } catch (err) {
    throw new WorkspaceDamagedError(filePath, describeSqliteError(err));
  }
  if (result !== 'ok') throw new WorkspaceDamagedError(filePath, `SQLite's integrity check reported: ${String(result).slice(0, 300)}`);
}

function hasTables(raw: BetterSqlite3.Database): boolean {
  return (raw.prepare(`SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'`).get() as { n: number }).n > 0;
}

function describeSqliteError(err: unknown): string {
  const code = (err as { code?: string }).code;
  if (code === 'SQLITE_NOTADB') return 'it is not a database (it may be another kind of file, or encrypted)';
  if (code === 'SQLITE_CORRUPT') return 'its contents are corrupt';
  if (code === 'SQLITE_CANTOPEN') return 'it cannot be opened (check that it exists and you may read it)';
  return err instanceof Error ? err.message : String(err);
}
