import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';

export interface BackupEntry {
  id: string;
  fileName: string;
  fullPath: string;
  takenAt: string;
  reason: string;
  sizeBytes: number;
}

const KEEP_PER_WORKSPACE = 20;

/** Backups of one workspace file live in their own folder, found again even when the file itself cannot be opened. */
export function backupFolderFor(dataDir: string, workspacePath: string): string {
  const resolved = path.resolve(workspacePath);
  const hash = crypto.createHash('sha256').update(resolved).digest('hex').slice(0, 10);
  const base = path.basename(resolved).replace(/\.[^.]+$/, '').replace(/[^\w-]+/g, '_').slice(0, 60);
  return path.join(dataDir, 'backups', `${base}-${hash}`);
}

/** Online backup through SQLite's backup API: consistent even while the workspace is open, unlike a file copy. */
export async function takeBackup(raw: BetterSqlite3.Database, folder: string, reason: string): Promise<BackupEntry> {
  fs.mkdirSync(folder, { recursive: true });
  const takenAt = new Date().toISOString();
  const safeReason = reason.replace(/[^\w-]+/g, '-').slice(0, 30) || 'manual';
  const fileName = `${takenAt.replace(/[:.]/g, '-')}__${safeReason}.axw`;
  const fullPath = path.join(folder, fileName);
  await raw.backup(fullPath);
  pruneBackups(folder);
  return describe(folder, fileName)!;
}

export function listBackups(folder: string): BackupEntry[] {
  if (!fs.existsSync(folder)) return [];
  return fs
    .readdirSync(folder)
    .filter((name) => name.endsWith('.axw'))
    .map((name) => describe(folder, name))
    .filter((entry): entry is BackupEntry => entry !== null)
    .sort((a, b) => b.fileName.localeCompare(a.fileName));
}

function describe(folder: string, fileName: string): BackupEntry | null {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z__(.+)\.axw$/.exec(fileName);
  if (!match) return null;
  const [, day, hh, mm, ss, ms, reason] = match;
  const fullPath = path.join(folder, fileName);
  const stat = fs.statSync(fullPath);
  return { id: fileName, fileName, fullPath, takenAt: `${day}T${hh}:${mm}:${ss}.${ms}Z`, reason: reason!, sizeBytes: stat.size };
}

function pruneBackups(folder: string): void {
  const entries = listBackups(folder);
  for (const stale of entries.slice(KEEP_PER_WORKSPACE)) fs.rmSync(stale.fullPath, { force: true });
}
