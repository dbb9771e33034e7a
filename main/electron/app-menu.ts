import path from 'node:path';
import { app, Menu, type MenuItemConstructorOptions } from 'electron';
import type { RecentWorkspace } from '../../shared/contract';
import { BRIDGE_CHANNELS } from '../../shared/contract/bridge';
import { GO_ROUTES, goAccelerator } from './go-routes';
import { targetWindow } from './windows';
import type { WorkspaceCommands } from './workspace-commands';

const isMac = process.platform === 'darwin';

/** Fire-and-forget from a menu click; the commands report their own failures. */
const run = (action: () => Promise<void>) => () => void action();

function recentItems(recent: readonly RecentWorkspace[], commands: WorkspaceCommands): MenuItemConstructorOptions[] {
  if (recent.length === 0) return [{ label: 'No Recent Workspaces', enabled: false }];
  return recent.map((entry) => ({
    // '&' would become a mnemonic on Windows and Linux.
    label: entry.name.replace(/&/g, '&&'),
    sublabel: path.join(entry.location, entry.fileName),
    toolTip: path.join(entry.location, entry.fileName),
    type: 'checkbox' as const,
    checked: entry.current,
    enabled: entry.exists && !entry.current,
    click: run(() => commands.openRecent(entry.id)),
  }));
}

function navigate(route: string): void {
  const win = targetWindow();
  if (!win) return;
  win.webContents.send(BRIDGE_CHANNELS.navigate, route);
}

export function buildAppMenu(commands: WorkspaceCommands, recent: readonly RecentWorkspace[]): Menu {
  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      { label: 'New Workspace…', accelerator: 'CmdOrCtrl+Shift+N', click: run(commands.newWorkspace) },
      { label: 'Open Workspace…', accelerator: 'CmdOrCtrl+O', click: run(commands.openWorkspace) },
      { label: 'Open Recent', submenu: recentItems(recent, commands) },
      { type: 'separator' },
      { label: isMac ? 'Reveal Workspace File in Finder' : 'Reveal Workspace File', click: run(commands.revealWorkspaceFile) },
      { label: 'Back Up Now', accelerator: 'CmdOrCtrl+Shift+B', click: run(commands.backUpNow) },
      ...(isMac ? [] : [{ type: 'separator' } as const, { role: 'quit' } as const]),
    ],
  };

  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      { role: 'reload' },
      ...(app.isPackaged ? [] : [{ role: 'toggleDevTools' } as const]),
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };

  const go: MenuItemConstructorOptions = {
    label: 'Go',
    submenu: GO_ROUTES.map(({ label, route }, index) => {
      const accelerator = goAccelerator(index);
      return { label, ...(accelerator ? { accelerator } : {}), click: () => navigate(route) };
    }),
  };

  const help: MenuItemConstructorOptions = {
    role: 'help',
    submenu: [{ label: `About ${app.name}`, click: () => app.showAboutPanel() }],
  };

  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' } as const] : []),
    file,
    { role: 'editMenu' },
    view,
    go,
    ...(isMac ? [{ role: 'windowMenu' } as const] : []),
    help,
  ];
  return Menu.buildFromTemplate(template);
}
