import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../../main/core/core';
import type { AccountListPage, RecentWorkspace, WorkspaceBackup, WorkspaceInfo, WorkspaceStatus } from '../../../shared/contract';
import { tempDir } from '../../helpers/temp-dir';

describe('workspaces: first start, switching, portability, recovery', () => {
  it('first start with no workspace creates and opens the demo workspace', async () => {
    const dataDir = tempDir();
    const core = await createCore({ dataDir, demoOnFirstStart: true });
    const status = (await core.call('workspace.status', {})) as WorkspaceStatus;
    expect(status.state).toBe('ready');
    if (status.state !== 'ready') return;
    expect(status.workspace.isDemo).toBe(true);
    expect(status.workspace.counts.accounts).toBeGreaterThanOrEqual(50);
    expect(status.workspace.counts.contacts).toBeGreaterThanOrEqual(250);
    expect(status.workspace.counts.responses).toBeGreaterThanOrEqual(800);
    await core.close();

    // Second start reopens the same file instead of making another demo.
    const again = await createCore({ dataDir, demoOnFirstStart: true });
    const recent = (await again.call('workspace.recent', {})) as RecentWorkspace[];
    expect(recent).toHaveLength(1);
    expect(recent[0]!.current).toBe(true);
    await again.close();
  });

  it('creates, switches and lists recent workspaces', async () => {
    const dataDir = tempDir();
    const core = await createCore({ dataDir, demoOnFirstStart: false });
    expect(((await core.call('workspace.status', {})) as WorkspaceStatus).state).toBe('none');
    await expect(core.call('accounts.list', {})).rejects.toMatchObject({ code: 'no_workspace' });

    const acme = (await core.call('workspace.create', { name: 'Acme engagement', currency: 'eur', locale: 'de-DE' })) as WorkspaceInfo;
    expect(acme).toMatchObject({ name: 'Acme engagement', currency: 'EUR', locale: 'de-DE', fileName: 'Acme engagement.axw' });
    await core.call('accounts.create', { name: 'Acme AG' });
    const globex = (await core.call('workspace.create', { name: 'Globex' })) as WorkspaceInfo;
    expect(globex.counts.accounts).toBe(0);
    // A new workspace is ready for interviews: the four default guides are there.
    const guides = (await core.call('guides.list', {})) as { name: string }[];
    expect(guides).toHaveLength(4);

    const recent = (await core.call('workspace.recent', {})) as RecentWorkspace[];
    expect(recent.map((r) => r.name)).toEqual(['Globex', 'Acme engagement']);
    await core.call('workspace.open', { recentId: recent[1]!.id });
    const list = (await core.call('accounts.list', {})) as AccountListPage;
    expect(list.rows.map((r) => r.name)).toEqual(['Acme AG']);
    await core.close();
  });

  it('a workspace file copied to another place opens there with its data', async () => {
    const dataDir = tempDir();
    const file = path.join(dataDir, 'laptop-a.axw');
    const core = await createCore({ dataDir, workspacePath: file });
    await core.call('accounts.create', { name: 'Contoso', arrMinor: 99_00 });
    await core.close();

    const elsewhere = tempDir();
    const copy = path.join(elsewhere, 'copied.axw');
    fs.copyFileSync(file, copy);
    const other = await createCore({ dataDir: tempDir(), workspacePath: copy });
    const list = (await other.call('accounts.list', {})) as AccountListPage;
    expect(list.rows).toEqual([expect.objectContaining({ name: 'Contoso', arrMinor: 99_00 })]);
    await other.close();
  });

  it('a damaged last workspace shows recovery with its backups, and a backup can be opened', async () => {
    const dataDir = tempDir();
    const file = path.join(dataDir, 'client.axw');
    const core = await createCore({ dataDir, workspacePath: file });
    await core.call('accounts.create', { name: 'Survivor Inc' });
    const backup = (await core.call('workspace.backupNow', {})) as WorkspaceBackup;
    expect(backup.sizeBytes).toBeGreaterThan(0);
    await core.close();

    fs.writeFileSync(file, Buffer.alloc(16384, 0x42));
    fs.rmSync(`${file}-wal`, { force: true });
    fs.rmSync(`${file}-shm`, { force: true });
    const reopened = await createCore({ dataDir, demoOnFirstStart: true });
    const status = (await reopened.call('workspace.status', {})) as WorkspaceStatus;
    expect(status.state).toBe('damaged');
    if (status.state !== 'damaged') return;
    expect(status.fileName).toBe('client.axw');
    expect(status.problem).toMatch(/not a database|damaged/);
    expect(status.backups.map((b) => b.id)).toContain(backup.id);

    const restored = (await reopened.call('workspace.openBackup', { backupId: backup.id })) as WorkspaceInfo;
    expect(restored.fileName).toMatch(/^client \(restored \d{4}-\d{2}-\d{2}\)\.axw$/);
    const list = (await reopened.call('accounts.list', {})) as AccountListPage;
    expect(list.rows.map((r) => r.name)).toEqual(['Survivor Inc']);
    // The damaged original is left as it was, for the user to inspect.
    expect(fs.readFileSync(file).every((b) => b === 0x42)).toBe(true);
    await reopened.close();
  });

  it('a file from a newer app version is reported, not opened or changed', async () => {
    const dataDir = tempDir();
    const file = path.join(dataDir, 'future.axw');
    const core = await createCore({ dataDir, workspacePath: file });
    await core.close();
    const raw = new BetterSqlite3(file);
    raw.pragma('user_version = 999');
    raw.close();
    const again = await createCore({ dataDir });
    const status = (await again.call('workspace.status', {})) as WorkspaceStatus;
    expect(status).toMatchObject({ state: 'too_new', fileName: 'future.axw' });
    await again.close();
  });

  it('takes a scheduled backup when a workspace opens, then at most one a day', async () => {
    const dataDir = tempDir();
    const core = await createCore({ dataDir, workspacePath: path.join(dataDir, 'daily.axw') });
    const first = (await core.call('workspace.backups', {})) as WorkspaceBackup[];
    expect(first.map((b) => b.reason)).toEqual(['scheduled']);
    expect(await core.workspaces.scheduledBackup()).toBe(false);
    expect(await core.workspaces.scheduledBackup(Date.now() + 25 * 60 * 60 * 1000)).toBe(true);
    expect(((await core.call('workspace.backups', {})) as WorkspaceBackup[]).length).toBe(2);
    await core.close();
  });
});
