import { app, BrowserWindow, type WebContents } from 'electron';
import { MIN_WINDOW_SIZE } from './window-state';
import type { WindowStateStore } from './window-state-store';
import { APP_START_URL } from './security-policy';

/** Our windows, so the IPC handler can tell them apart from any other web contents. */
const ours = new Set<BrowserWindow>();

export function isOurWebContents(contents: WebContents): boolean {
  for (const win of ours) if (!win.isDestroyed() && win.webContents === contents) return true;
  return false;
}

export function openWindows(): BrowserWindow[] {
  return [...ours].filter((win) => !win.isDestroyed());
}

/** The window a menu command acts on: the focused one, else the one most recently opened. */
export function targetWindow(): BrowserWindow | undefined {
  const focused = BrowserWindow.getFocusedWindow();
  if (focused && ours.has(focused)) return focused;
  return openWindows().at(-1);
}

export function focusWindow(win: BrowserWindow): void {
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}

export function createMainWindow(options: {
  preload: string;
  state: WindowStateStore;
  log: (message: string, error: unknown) => void;
}): BrowserWindow {
  const { bounds, maximized } = options.state.initial;
  const win = new BrowserWindow({
    ...bounds,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    title: 'AX Workbench',
    show: false,
    backgroundColor: '#f7f7f8',
    webPreferences: {
      preload: options.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: true,
      // Same rule as the View menu: shipped builds offer no developer tools.
      devTools: !app.isPackaged,
    },
  });
  ours.add(win);
  win.on('closed', () => ours.delete(win));
  options.state.track(win);

  win.webContents.on('render-process-gone', (_event, details) => options.log('The page of a window stopped', details));
  win.once('ready-to-show', () => {
    if (maximized) win.maximize();
    win.show();
  });
  win.loadURL(APP_START_URL).catch((error: unknown) => options.log('The window could not load the app', error));
  return win;
}
