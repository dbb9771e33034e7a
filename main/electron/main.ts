import fs from 'node:fs';
import path from 'node:path';
import { app, dialog, Menu } from 'electron';
import { startCore, type CoreHost } from '../core/core-host';
import type { CoreEvent } from '../../shared/contract';
import { buildAppMenu } from './app-menu';
import { registerAppScheme, serveAppProtocol } from './app-protocol';
import { connectBridge } from './bridge-ipc';
import { connectImportPicker } from './import-picker';
import { hardenSessionsAndPages } from './hardening';
import { openWindowStateStore, type WindowStateStore } from './window-state-store';
import { createMainWindow, focusWindow, openWindows, targetWindow } from './windows';
import { workspaceCommands, type WorkspaceCommands } from './workspace-commands';
import { workspaceFileFromArgv } from './workspace-file-args';

// The bundle runs from <appRoot>/dist/main/electron-main.cjs, in development and inside app.asar alike.
const APP_ROOT = path.resolve(__dirname, '..', '..');
const RENDERER_DIR = path.join(APP_ROOT, 'dist', 'renderer');
const PRELOAD_FILE = path.join(__dirname, 'preload.cjs');

const log = (message: string, detail: unknown) => console.error(`[ax] ${message}:`, detail);

/**
 * In development node_modules holds the Node build of better-sqlite3 (tests and browser mode use
 * it), so Electron loads its own build from native/electron. A packaged app has only the copy
 * electron-builder rebuilt for Electron, found the usual way.
 */
function nativeBinding(): string | undefined {
  if (app.isPackaged) return undefined;
  const file = path.join(APP_ROOT, 'native', 'electron', 'better_sqlite3.node');
  return fs.existsSync(file) ? file : undefined;
}

function main(): void {
  app.enableSandbox();
  registerAppScheme();
  if (process.platform === 'win32') app.setAppUserModelId('com.axworkbench.app');

  // One process owns the workspace file; a second launch hands over its file and gives up.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }

  let core: CoreHost | undefined;
  let commands: WorkspaceCommands | undefined;
  let windowState: WindowStateStore | undefined;
  /** Files asked for before the core exists (macOS sends 'open-file' before 'ready'). */
  const queuedFiles: string[] = [];

  const openFile = (file: string) => {
    if (!commands) {
      queuedFiles.push(file);
      return;
    }
    if (!fs.existsSync(file)) {
      dialog.showErrorBox('Could not open the workspace', `There is no file at ${file}.`);
      return;
    }
    void commands.openPath(file);
  };

  const showWindow = () => {
    if (!windowState) return;
    const existing = targetWindow();
    if (existing) focusWindow(existing);
    else createMainWindow({ preload: PRELOAD_FILE, state: windowState, log });
  };

  const launchFile = workspaceFileFromArgv(process.argv, process.cwd());
  if (launchFile) queuedFiles.push(launchFile);

  app.on('open-file', (event, file) => {
    event.preventDefault();
    openFile(file);
  });

  app.on('second-instance', (_event, argv, workingDirectory) => {
    showWindow();
    const file = workspaceFileFromArgv(argv, workingDirectory);
    if (file) openFile(file);
  });

  // The worker holds the SQLite file open: let it finish its transaction and checkpoint before the
  // process goes. Quit is put on hold once, then resumed when the core has closed.
  let shutdown: 'running' | 'closing' | 'closed' = 'running';

  let menuRefresh: Promise<void> = Promise.resolve();
  const refreshMenu = () => {
    // Chained so two quick workspace switches cannot install their menus out of order.
    menuRefresh = menuRefresh.then(async () => {
      if (!commands || shutdown !== 'running') return;
      Menu.setApplicationMenu(buildAppMenu(commands, await commands.recent()));
    });
  };
  const affectsRecentList = (event: CoreEvent) =>
    event.type === 'workspace' || (event.type === 'changed' && event.method.startsWith('workspace.'));

  app
    .whenReady()
    .then(() => {
      hardenSessionsAndPages(log);
      serveAppProtocol(RENDERER_DIR, log);
      app.setAboutPanelOptions({
        applicationName: 'AX Workbench',
        applicationVersion: app.getVersion(),
        copyright: 'Copyright © AX Workbench',
      });

      const host = startCore({ dataDir: app.getPath('userData'), demoOnFirstStart: true, nativeBinding: nativeBinding() });
      core = host;
      host.ready.catch((error: unknown) => {
        log('The data core did not start', error);
        dialog.showErrorBox(
          'AX Workbench could not start',
          `Its data engine failed to start: ${error instanceof Error ? error.message : String(error)}`,
        );
      });
      connectBridge(host, log);
      connectImportPicker(host, log);
      commands = workspaceCommands(host, log);
      host.onEvent((event) => {
        if (affectsRecentList(event)) refreshMenu();
      });

      // A menu at once; the recent list follows when the core has read it.
      Menu.setApplicationMenu(buildAppMenu(commands, []));
      host.ready.then(refreshMenu, () => undefined);

      windowState = openWindowStateStore(app.getPath('userData'), log);
      showWindow();
      for (const file of queuedFiles.splice(0)) openFile(file);
    })
    .catch((error: unknown) => {
      log('Start-up failed', error);
      dialog.showErrorBox('AX Workbench could not start', error instanceof Error ? error.message : String(error));
      app.exit(1);
    });

  app.on('activate', () => {
    if (app.isReady() && openWindows().length === 0) showWindow();
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('before-quit', (event) => {
    if (shutdown === 'closed' || !core) return;
    event.preventDefault();
    if (shutdown === 'closing') return;
    shutdown = 'closing';
    windowState?.flush();
    core
      .close()
      .catch((error: unknown) => log('The data core did not close cleanly', error))
      .finally(() => {
        shutdown = 'closed';
        app.quit();
      });
  });
}

main();
