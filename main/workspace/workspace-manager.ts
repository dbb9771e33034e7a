import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { ApiError } from '../../shared/contract/errors';
import type { RecentWorkspace, WorkspaceBackup, WorkspaceInfo, WorkspaceStatus } from '../../shared/contract/workspace';
import type { Database } from '../db/tables';
import { openDatabase } from '../db/open-database';
import type { OpenedDatabase } from '../db/open-database';
import { WorkspaceTooNewError } from '../db/migrator';
import { NotAWorkspaceError, WorkspaceDamagedError } from '../db/errors';
import { backupFolderFor, listBackups, takeBackup } from '../db/backup';
import { todayIso } from '../db/clock';
import { populateDemoWorkspace } from '../demo/demo-workspace';
import { ensureDefaultGuides } from '../guides/default-guides';
import { RecentStore } from './recent-store';
import { insertSettings, readSettings, workspaceCounts } from './workspace-settings-repo';
import type { WorkspaceSettingsRow } from './workspace-settings-repo';

export const WORKSPACE_EXTENSION = '.axw';
const DEMO_NAME = 'Demo workspace';
/** A workspace in use gets at least one backup a day, besides those before migrations and imports. */
export const SCHEDULED_BACKUP_INTERVAL_MS = 24 * 60 * 60 * 1000;

interface OpenWorkspace {
  file: OpenedDatabase;
  settings: WorkspaceSettingsRow;
}

type Problem = { state: 'damaged' | 'too_new'; path: string; problem: string };

/** Knows which workspace file is open, and opens, creates and switches them. One at a time. */
export class WorkspaceManager {
  private open: OpenWorkspace | null = null;
  private problem: Problem | null = null;
  private readonly closeHooks: (() => Promise<void>)[] = [];
  readonly recent: RecentStore;

  constructor(
    readonly dataDir: string,
    private readonly nativeBinding?: string,
  ) {
    this.recent = new RecentStore(dataDir);
  }

  get workspacesDir(): string {
    return path.join(this.dataDir, 'workspaces');
  }

  /** What to open at launch: the file asked for, else the last one used, else a fresh demo. */
  async start(options: { workspacePath?: string; demoOnFirstStart?: boolean }): Promise<void> {
    if (options.workspacePath) {
      const target = path.resolve(options.workspacePath);
      if (fs.existsSync(target)) await this.tryOpen(target);
      else await this.createAt(target, path.basename(target).replace(/\.[^.]+$/, '') || 'Workspace', { currency: 'USD', locale: 'en-US', withDemoData: false });
      return;
    }
    const last = this.recent.list().find((entry) => fs.existsSync(entry.path));
    if (last) {
      await this.tryOpen(last.path);
      return;
    }
    if (options.demoOnFirstStart && this.recent.list().length === 0) {
      await this.createAt(this.uniquePath(DEMO_NAME), DEMO_NAME, { currency: 'USD', locale: 'en-US', withDemoData: true });
    }
  }

  db(): Kysely<Database> {
    if (!this.open) throw new ApiError({ code: 'no_workspace', message: 'No workspace is open. Create one or open a recent one.' });
    return this.open.file.db;
  }

  opened(): OpenWorkspace | null {
    return this.open;
  }

  currentPath(): string | null {
    return this.open?.file.path ?? null;
  }

  async status(): Promise<WorkspaceStatus> {
    if (this.open) return { state: 'ready', workspace: await this.info() };
    if (this.problem) {
      const base = { fileName: path.basename(this.problem.path), location: path.dirname(this.problem.path), problem: this.problem.problem };
      return this.problem.state === 'too_new'
        ? { state: 'too_new', ...base }
        : { state: 'damaged', ...base, backups: this.backupsOf(this.problem.path) };
    }
    return { state: 'none' };
  }

  async info(): Promise<WorkspaceInfo> {
    if (!this.open) throw new ApiError({ code: 'no_workspace', message: 'No workspace is open.' });
    const { file, settings } = this.open;
    return {
      id: settings.id,
      name: settings.name,
      currency: settings.currency,
      locale: settings.locale,
      fileName: path.basename(file.path),
      location: path.dirname(file.path),
      schemaVersion: file.raw.pragma('user_version', { simple: true }) as number,
      counts: await workspaceCounts(file.db),
      isDemo: settings.isDemo,
    };
  }

  async refreshSettings(): Promise<void> {
    if (!this.open) return;
    const settings = await readSettings(this.open.file.db);
    if (settings) this.open.settings = settings;
  }

  recentList(): RecentWorkspace[] {
    const current = this.currentPath();
    return this.recent.list().map((e) => ({
      id: e.id,
      name: e.name,
      fileName: path.basename(e.path),
      location: path.dirname(e.path),
      lastOpenedAt: e.lastOpenedAt,
      exists: fs.existsSync(e.path),
      current: e.path === current,
    }));
  }

  async openRecent(id: string): Promise<WorkspaceInfo> {
    const entry = this.recent.find(id);
    if (!entry) throw new ApiError({ code: 'not_found', message: 'That workspace is not in the recent list any more.' });
    return this.openPath(entry.path);
  }

  /** Opens a file, replacing the current workspace only once the new one opened cleanly. */
  async openPath(filePath: string): Promise<WorkspaceInfo> {
    const target = path.resolve(filePath);
    if (!fs.existsSync(target)) throw new ApiError({ code: 'not_found', message: `The file ${path.basename(target)} is not at ${path.dirname(target)} any more.` });
    let file: OpenedDatabase;
    try {
      file = await openDatabase(target, { create: false, dataDir: this.dataDir, nativeBinding: this.nativeBinding });
    } catch (err) {
      throw toApiError(err);
    }
    return this.adopt(file, null);
  }

  async createAt(filePath: string, name: string, options: { currency: string; locale: string; withDemoData: boolean }): Promise<WorkspaceInfo> {
    const target = path.resolve(filePath);
    if (fs.existsSync(target) && fs.statSync(target).size > 0) throw new ApiError({ code: 'conflict', message: `A file named ${path.basename(target)} already exists there.` });
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const file = await openDatabase(target, { create: true, dataDir: this.dataDir, nativeBinding: this.nativeBinding });
    try {
      await insertSettings(file.db, { name, currency: options.currency, locale: options.locale, isDemo: options.withDemoData });
      if (options.withDemoData) populateDemoWorkspace(file.raw, todayIso());
    } catch (err) {
      await file.close();
      fs.rmSync(target, { force: true });
      throw err;
    }
    return this.adopt(file, name);
  }

  async createNamed(name: string, options: { currency: string; locale: string; withDemoData: boolean }): Promise<WorkspaceInfo> {
    return this.createAt(this.uniquePath(name), name, options);
  }

  backups(): WorkspaceBackup[] {
    const p = this.currentPath() ?? this.problem?.path;
    return p ? this.backupsOf(p) : [];
  }

  async backupNow(reason = 'manual'): Promise<WorkspaceBackup> {
    if (!this.open) throw new ApiError({ code: 'no_workspace', message: 'No workspace is open.' });
    const entry = await takeBackup(this.open.file.raw, backupFolderFor(this.dataDir, this.open.file.path), reason);
    return { id: entry.id, fileName: entry.fileName, takenAt: entry.takenAt, reason: entry.reason, sizeBytes: entry.sizeBytes };
  }

  /** Restores a backup as a new file beside the original, so the damaged file stays as it was for inspection. */
  async openBackup(backupId: string): Promise<WorkspaceInfo> {
    const source = this.currentPath() ?? this.problem?.path;
    if (!source) throw new ApiError({ code: 'no_workspace', message: 'There is no workspace whose backups could be opened.' });
    const entry = listBackups(backupFolderFor(this.dataDir, source)).find((b) => b.id === backupId);
    if (!entry) throw new ApiError({ code: 'not_found', message: 'That backup is not there any more.' });
    const stem = path.basename(source).replace(/\.[^.]+$/, '');
    const target = this.uniquePath(`${stem} (restored ${entry.takenAt.slice(0, 10)})`, path.dirname(source));
    fs.copyFileSync(entry.fullPath, target);
    return this.openPath(target);
  }

  /** Takes the daily backup when the newest one is older than the interval; returns whether it did. */
  async scheduledBackup(nowMs = Date.now()): Promise<boolean> {
    if (!this.open) return false;
    const newest = listBackups(backupFolderFor(this.dataDir, this.open.file.path))[0];
    if (newest && nowMs - Date.parse(newest.takenAt) < SCHEDULED_BACKUP_INTERVAL_MS) return false;
    await takeBackup(this.open.file.raw, backupFolderFor(this.dataDir, this.open.file.path), 'scheduled');
    return true;
  }

  async close(): Promise<void> {
    if (this.open) {
      for (const hook of this.closeHooks) await hook();
      await this.open.file.close();
    }
    this.open = null;
  }

  /** Runs `hook` before the open workspace's connection closes (other connections to it close first). */
  beforeClose(hook: () => Promise<void>): void {
    this.closeHooks.push(hook);
  }

  private async tryOpen(filePath: string): Promise<void> {
    try {
      await this.openPath(filePath);
    } catch (err) {
      const apiError = err instanceof ApiError ? err : toApiError(err);
      // A file that cannot be opened shows the recovery screen; the app never loops on it.
      this.problem = { state: apiError.code === 'workspace_too_new' ? 'too_new' : 'damaged', path: filePath, problem: apiError.message };
    }
  }

  private async adopt(file: OpenedDatabase, fallbackName: string | null): Promise<WorkspaceInfo> {
    let settings = await readSettings(file.db);
    if (!settings) {
      await insertSettings(file.db, { name: fallbackName ?? path.basename(file.path).replace(/\.[^.]+$/, ''), currency: 'USD', locale: 'en-US', isDemo: false });
      settings = (await readSettings(file.db))!;
    }
    // Every workspace, new or made by an older version, offers the default interview guides.
    await ensureDefaultGuides(file.db);
    await this.close();
    this.open = { file, settings };
    this.problem = null;
    this.recent.touch(file.path, settings.name);
    await this.scheduledBackup();
    return this.info();
  }

  private backupsOf(filePath: string): WorkspaceBackup[] {
    return listBackups(backupFolderFor(this.dataDir, filePath)).map((b) => ({ id: b.id, fileName: b.fileName, takenAt: b.takenAt, reason: b.reason, sizeBytes: b.sizeBytes }));
  }

  private uniquePath(name: string, folder = this.workspacesDir): string {
    const stem = name.replace(/[<>:"/\\|?*\u0000-\u001f]+/g, ' ').trim() || 'Workspace';
    let candidate = path.join(folder, stem + WORKSPACE_EXTENSION);
    for (let n = 2; fs.existsSync(candidate); n++) candidate = path.join(folder, `${stem} ${n}${WORKSPACE_EXTENSION}`);
    return candidate;
  }
}

export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  if (err instanceof WorkspaceTooNewError) return new ApiError({ code: 'workspace_too_new', message: err.message });
  if (err instanceof WorkspaceDamagedError) return new ApiError({ code: 'workspace_damaged', message: err.message });
  if (err instanceof NotAWorkspaceError) return new ApiError({ code: 'workspace_damaged', message: err.message });
  return new ApiError({ code: 'internal', message: err instanceof Error ? err.message : String(err) });
}
