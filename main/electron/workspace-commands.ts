import path from 'node:path';
import { app, dialog, shell, type BrowserWindow } from 'electron';
import type { CoreHost } from '../core/core-host';
import { ApiError } from '../../shared/contract/errors';
import type { RecentWorkspace, WorkspaceBackup } from '../../shared/contract';
import { WORKSPACE_EXTENSIONS } from './workspace-file-args';
import { targetWindow } from './windows';

// The File menu's workspace commands. They run in the trusted host because they involve native
// dialogs and real paths, which the renderer must never see or choose.

type Log = (message: string, error: unknown) => void;

export interface WorkspaceCommands {
  newWorkspace(): Promise<void>;
  openWorkspace(): Promise<void>;
  openPath(file: string): Promise<void>;
  openRecent(recentId: string): Promise<void>;
  revealWorkspaceFile(): Promise<void>;
  backUpNow(): Promise<void>;
  recent(): Promise<RecentWorkspace[]>;
}

const NEW_EXTENSION = 'axw';

export function workspaceCommands(core: CoreHost, log: Log): WorkspaceCommands {
  const report = async (title: string, error: unknown) => {
    const known = ApiError.is(error);
    if (!known) log(title, error);
    const message = known ? error.message : 'Something went wrong. The details were written to the log.';
    await showMessage({ type: 'error', message: title, detail: message });
  };

  const attempt = async (title: string, action: () => Promise<unknown>) => {
    try {
      await core.ready;
      await action();
    } catch (error) {
      await report(title, error);
    }
  };

  const openPath = (file: string) => attempt('Could not open the workspace', () => core.internal({ op: 'openPath', path: file }));

  return {
    async newWorkspace() {
      const result = await withParent((win) =>
        win
          ? dialog.showSaveDialog(win, newWorkspaceDialog())
          : dialog.showSaveDialog(newWorkspaceDialog()),
      );
      if (result.canceled || !result.filePath) return;
      const file = withExtension(result.filePath, NEW_EXTENSION);
      const name = path.basename(file, path.extname(file));
      await attempt('Could not create the workspace', () => core.internal({ op: 'createAt', path: file, name }));
    },

    async openWorkspace() {
      const result = await withParent((win) =>
        win ? dialog.showOpenDialog(win, openWorkspaceDialog()) : dialog.showOpenDialog(openWorkspaceDialog()),
      );
      const file = result.filePaths[0];
      if (result.canceled || !file) return;
      await openPath(file);
    },

    openPath,

    openRecent: (recentId) => attempt('Could not open the workspace', () => core.call('workspace.open', { recentId })),

    async revealWorkspaceFile() {
      await attempt('Could not show the workspace file', async () => {
        const file = pathOf(await core.internal({ op: 'currentPath' }));
        if (file) shell.showItemInFolder(file);
        else await showMessage({ type: 'info', message: 'No workspace is open.' });
      });
    },

    async backUpNow() {
      await attempt('Could not back up the workspace', async () => {
        const backup = (await core.call('workspace.backupNow', {})) as WorkspaceBackup;
        await showMessage({ type: 'info', message: 'Backup saved', detail: backup.fileName });
      });
    },

    async recent() {
      try {
        await core.ready;
        return (await core.call('workspace.recent', {})) as RecentWorkspace[];
      } catch (error) {
        // The menu still works without its recent list; the reason goes to the log.
        log('Could not read the recent workspaces', error);
        return [];
      }
    },
  };
}

function newWorkspaceDialog(): Electron.SaveDialogOptions {
  return {
    title: 'New Workspace',
    buttonLabel: 'Create',
    defaultPath: path.join(app.getPath('documents'), `Untitled.${NEW_EXTENSION}`),
    filters: [{ name: 'AX Workbench workspace', extensions: [NEW_EXTENSION] }],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
}

function openWorkspaceDialog(): Electron.OpenDialogOptions {
  return {
    title: 'Open Workspace',
    defaultPath: app.getPath('documents'),
    filters: [
      { name: 'AX Workbench workspace', extensions: [...WORKSPACE_EXTENSIONS] },
      { name: 'All files', extensions: ['*'] },
    ],
    properties: ['openFile'],
  };
}

/** Linux save dialogs do not add the extension of the chosen filter. */
function withExtension(file: string, extension: string): string {
  return path.extname(file) === '' ? `${file}.${extension}` : file;
}

function pathOf(value: unknown): string | null {
  if (typeof value === 'string' && value !== '') return value;
  const candidate = (value as { path?: unknown } | null)?.path;
  return typeof candidate === 'string' && candidate !== '' ? candidate : null;
}

/** Dialogs are sheets of the current window when there is one, so they cannot hide behind it. */
function withParent<T>(show: (win: BrowserWindow | undefined) => Promise<T>): Promise<T> {
  return show(targetWindow());
}

async function showMessage(options: { type: 'info' | 'error'; message: string; detail?: string }): Promise<void> {
  const win = targetWindow();
  const box: Electron.MessageBoxOptions = { ...options, buttons: ['OK'], title: 'AX Workbench' };
  await (win ? dialog.showMessageBox(win, box) : dialog.showMessageBox(box));
}
