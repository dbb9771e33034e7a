/**
 * Builds the large benchmark workspace through the real open/migrate path, then reports how long it
 * took, how big it is, and how long it takes to open again (open runs SQLite's quick_check).
 *
 *   npx tsx tests/bench/generate-large.ts [--out path] [--accounts 10000] [--contacts-per-account 10] [--responses 1000000] [--seed 42]
 *
 * Other benchmarks call ensureLargeWorkspace() so that the file is built once and reused.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import { v7 } from 'uuid';
import { openDatabase } from '../../main/db/open-database';
import { LATEST_SCHEMA_VERSION } from '../../main/db/migrations';
import { generateWorkspaceData } from '../../main/demo/generate-workspace-data';
import { rebuildSearchIndex } from '../../main/search/bulk-load';
import { rebuildMetricSummaries } from '../../main/metrics/engine/summaries';
import type { GenerateSummary } from '../../main/demo/generate-workspace-data';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const DEFAULT_LARGE_PATH = path.join(HERE, 'out', 'large.axw');

export interface LargeWorkspaceOptions {
  out: string;
  accounts: number;
  contactsPerAccount: number;
  responses: number;
  seed: number;
}

export const DEFAULT_LARGE_OPTIONS: LargeWorkspaceOptions = {
  out: DEFAULT_LARGE_PATH,
  accounts: 10_000,
  contactsPerAccount: 10,
  responses: 1_000_000,
  seed: 42,
};

export interface LargeWorkspaceReport {
  path: string;
  summary: GenerateSummary;
  generateMs: number;
  fileBytes: number;
  reopenMs: number;
}

function dataDirFor(file: string): string {
  return path.join(path.dirname(file), 'data');
}

function removeWorkspace(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(file + suffix, { force: true });
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** What interrupted runs left (2.5 GB each): partial files of processes that are gone. */
function removeStalePartials(file: string): void {
  const prefix = `${path.basename(file)}.partial-`;
  for (const name of fs.readdirSync(path.dirname(file))) {
    const pid = Number(/^(\d+)$/.exec(name.startsWith(prefix) ? name.slice(prefix.length) : '')?.[1]);
    if (Number.isInteger(pid) && pid !== process.pid && !isRunning(pid)) removeWorkspace(path.join(path.dirname(file), name));
  }
}

/**
 * What the triggers on the generated tables maintain row by row, derived once at the end of the load:
 * the generator suspends those triggers during a bulk load (row-by-row FTS5 made generation three times
 * slower) and calls this in the same transaction, after the data and the triggers are back. It is what
 * withSearchIndexingDeferred (main/search/bulk-load.ts) does around a load, through the generator's hook,
 * which also covers the other trigger-maintained tables: the metrics summaries (migration 004).
 */
export function rebuildDerivedAfterBulkLoad(raw: BetterSqlite3.Database): void {
  rebuildSearchIndex(raw);
  rebuildMetricSummaries(raw);
}

/**
 * Generates into a temporary file next to the target and renames it over the target only once it is
 * complete and closed, so an interrupted run never leaves a half-built workspace under the real name.
 */
export async function generateLargeWorkspace(options: LargeWorkspaceOptions = DEFAULT_LARGE_OPTIONS): Promise<LargeWorkspaceReport> {
  const file = path.resolve(options.out);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const partial = `${file}.partial-${process.pid}`;
  removeStalePartials(file);
  removeWorkspace(partial);
  const dataDir = dataDirFor(file);

  let summary: GenerateSummary;
  let generateMs: number;
  try {
    const opened = await openDatabase(partial, { create: true, dataDir });
    const stamp = new Date().toISOString();
    opened.raw
      .prepare(
        `INSERT INTO workspace_settings (id, name, currency, locale, fiscal_year_start_month, metric_settings_json, is_demo, created_at, updated_at) VALUES (?, 'Benchmark workspace', 'USD', 'en-US', 1, '{}', 0, ?, ?)`,
      )
      .run(v7(), stamp, stamp);
    const started = performance.now();
    // Through the WAL, every page of a 2 GB load is written twice (log, then checkpoint). A fresh file
    // under a rollback journal writes new pages once and journals none, so the bulk load runs there and
    // the file goes back to WAL, as the app expects, before anything else opens it.
    opened.raw.pragma('journal_mode = DELETE');
    try {
      summary = generateWorkspaceData(opened.raw, {
        seed: options.seed,
        accounts: options.accounts,
        contactsPerAccount: options.contactsPerAccount,
        responses: options.responses,
        quarters: 8,
        today: stamp.slice(0, 10),
        rebuildDerived: rebuildDerivedAfterBulkLoad,
      });
      opened.raw.pragma('journal_mode = WAL');
    } finally {
      await opened.close();
    }
    // Measured after close, so the timing includes getting the data durably on disk.
    generateMs = performance.now() - started;
    // Closing the last connection checkpoints and removes the WAL; only then is the main file complete.
    if (fs.existsSync(`${partial}-wal`) && fs.statSync(`${partial}-wal`).size > 0) {
      throw new Error(`the generated workspace still has a write-ahead log after closing: ${partial}-wal`);
    }
    removeWorkspace(file);
    fs.renameSync(partial, file);
    for (const suffix of ['-wal', '-shm']) fs.rmSync(partial + suffix, { force: true });
  } catch (err) {
    removeWorkspace(partial);
    throw err;
  }
  const fileBytes = fs.statSync(file).size + (fs.existsSync(file + '-wal') ? fs.statSync(file + '-wal').size : 0);

  const reopenStarted = performance.now();
  const reopened = await openDatabase(file, { create: false, dataDir });
  const reopenMs = performance.now() - reopenStarted;
  await reopened.close();
  return { path: file, summary, generateMs, fileBytes, reopenMs };
}

/**
 * A file left by an older schema would be migrated (and backed up, 2 GB) by the first benchmark that
 * opens it: it is rebuilt instead of reused. (An interrupted run leaves only a `.partial-<pid>` file.)
 */
function isReusable(file: string): boolean {
  if (!fs.existsSync(file) || fs.statSync(file).size === 0) return false;
  try {
    const raw = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
    try {
      const version = raw.pragma('user_version', { simple: true }) as number;
      const hasData = raw.prepare(`SELECT EXISTS (SELECT 1 FROM interviews)`).pluck().get() === 1;
      return version === LATEST_SCHEMA_VERSION && hasData;
    } finally {
      raw.close();
    }
  } catch {
    return false;
  }
}

/** The path of a large workspace, built with the default size only when no usable one exists yet. */
export async function ensureLargeWorkspace(file: string = DEFAULT_LARGE_PATH): Promise<string> {
  const resolved = path.resolve(file);
  if (isReusable(resolved)) return resolved;
  await generateLargeWorkspace({ ...DEFAULT_LARGE_OPTIONS, out: resolved });
  return resolved;
}

function parseArgs(argv: readonly string[]): LargeWorkspaceOptions {
  const options = { ...DEFAULT_LARGE_OPTIONS };
  const numeric = (flag: string, value: string | undefined): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0) throw new Error(`${flag} needs a non-negative integer, got "${value ?? ''}"`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    switch (flag) {
      case '--out':
        if (!value) throw new Error('--out needs a path');
        options.out = value;
        break;
      case '--accounts':
        options.accounts = numeric(flag, value);
        break;
      case '--contacts-per-account':
        options.contactsPerAccount = numeric(flag, value);
        break;
      case '--responses':
        options.responses = numeric(flag, value);
        break;
      case '--seed':
        options.seed = numeric(flag, value);
        break;
      default:
        throw new Error(`unknown option ${flag}`);
    }
    i++;
  }
  return options;
}

function printReport(report: LargeWorkspaceReport): void {
  console.log(`workspace: ${report.path}`);
  for (const [table, rows] of Object.entries(report.summary)) console.log(`rows ${table}: ${rows}`);
  const total = Object.values(report.summary).reduce((sum, n) => sum + n, 0);
  console.log(`rows total: ${total}`);
  console.log(`generation time: ${(report.generateMs / 1000).toFixed(1)} s`);
  console.log(`file size: ${(report.fileBytes / 1024 / 1024).toFixed(1)} MiB`);
  console.log(`re-open time (with quick_check): ${(report.reopenMs / 1000).toFixed(2)} s`);
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (invokedDirectly) {
  generateLargeWorkspace(parseArgs(process.argv.slice(2))).then(printReport, (err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  });
}
