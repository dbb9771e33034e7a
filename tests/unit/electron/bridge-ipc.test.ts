import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../shared/contract/errors';
import type { CoreEvent } from '../../../shared/contract';
import type { CoreHost } from '../../../main/core/core-host';
import type { WindowStateStore } from '../../../main/electron/window-state-store';

// ipcMain and BrowserWindow are replaced by recorders: the sender checks and the error mapping are
// the parts worth testing, and they do not need a real Electron.
const electron = vi.hoisted(() => {
  class FakeWebContents {
    sent: Array<[string, unknown]> = [];
    send(channel: string, payload: unknown) {
      this.sent.push([channel, payload]);
    }
    isDestroyed() {
      return false;
    }
    on() {
      return this;
    }
  }
  class FakeBrowserWindow {
    static created: FakeBrowserWindow[] = [];
    static getFocusedWindow() {
      return null;
    }
    webContents = new FakeWebContents();
    constructor(readonly options: Record<string, unknown>) {
      FakeBrowserWindow.created.push(this);
    }
    on() {
      return this;
    }
    once() {
      return this;
    }
    isDestroyed() {
      return false;
    }
    loadURL() {
      return Promise.resolve();
    }
  }
  return {
    handlers: new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>(),
    FakeBrowserWindow,
    FakeWebContents,
  };
});

vi.mock('electron', () => ({
  app: { isPackaged: false },
  BrowserWindow: electron.FakeBrowserWindow,
  ipcMain: {
    handle: (channel: string, handler: (event: unknown, ...args: unknown[]) => Promise<unknown>) => electron.handlers.set(channel, handler),
    removeHandler: (channel: string) => electron.handlers.delete(channel),
  },
}));

const { connectBridge } = await import('../../../main/electron/bridge-ipc');
const { createMainWindow } = await import('../../../main/electron/windows');

let emit: (event: CoreEvent) => void = () => undefined;
const core = {
  ready: Promise.resolve(),
  call: vi.fn<CoreHost['call']>(),
  internal: vi.fn<CoreHost['internal']>(),
  onEvent: (listener: (event: CoreEvent) => void) => {
    emit = listener;
    return () => undefined;
  },
  close: vi.fn<CoreHost['close']>(),
} satisfies CoreHost;
const log = vi.fn();
const stateStore: WindowStateStore = { initial: { bounds: { width: 1000, height: 700 }, maximized: false }, track: vi.fn(), flush: vi.fn() };

let win: InstanceType<typeof electron.FakeBrowserWindow>;
const frame = (url: string, parent: unknown = null) => ({ url, parent, isDestroyed: () => false });
const call = (event: unknown, ...args: unknown[]) => electron.handlers.get('ax:call')!(event, ...args);

beforeAll(() => {
  connectBridge(core, log);
  win = createMainWindow({ preload: '/app/dist/main/preload.cjs', state: stateStore, log }) as unknown as typeof win;
});
beforeEach(() => {
  core.call.mockReset();
  log.mockReset();
});

describe('the main window', () => {
  it('is created locked down, with the preload', () => {
    const prefs = win.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      preload: '/app/dist/main/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    });
  });
});

describe('ax:call', () => {
  const trusted = () => ({ sender: win.webContents, senderFrame: frame('app://workbench/index.html') });

  it('forwards a call from our window to the core', async () => {
    core.call.mockResolvedValue({ items: [] });
    await expect(call(trusted(), 'accounts.list', { limit: 5 })).resolves.toEqual({ ok: true, value: { items: [] } });
    expect(core.call).toHaveBeenCalledWith('accounts.list', { limit: 5 });
  });

  it.each([
    ['a page from the web', { sender: () => win.webContents, senderFrame: frame('https://evil.example/') }],
    ['a file page', { sender: () => win.webContents, senderFrame: frame('file:///tmp/x.html') }],
    ['another app:// host', { sender: () => win.webContents, senderFrame: frame('app://other/index.html') }],
    ['a sub-frame', { sender: () => win.webContents, senderFrame: frame('app://workbench/index.html', {}) }],
    ['a gone frame', { sender: () => win.webContents, senderFrame: null }],
    ['web contents that are not our window', { sender: () => new electron.FakeWebContents(), senderFrame: frame('app://workbench/index.html') }],
  ])('refuses %s', async (_name, spec) => {
    const event = { sender: spec.sender(), senderFrame: spec.senderFrame };
    await expect(call(event, 'accounts.list', {})).resolves.toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(core.call).not.toHaveBeenCalled();
  });

  it('refuses a method that is not a string', async () => {
    await expect(call(trusted(), { toString: () => 'accounts.list' }, {})).resolves.toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(core.call).not.toHaveBeenCalled();
  });

  it('passes an ApiError on as data', async () => {
    core.call.mockRejectedValue(new ApiError({ code: 'not_found', message: 'No such account' }));
    await expect(call(trusted(), 'accounts.get', { id: 'x' })).resolves.toEqual({ ok: false, error: { code: 'not_found', message: 'No such account' } });
  });

  it('hides and logs an unexpected error', async () => {
    core.call.mockRejectedValue(new TypeError('cannot read properties of undefined'));
    const result = await call(trusted(), 'accounts.get', { id: 'x' });
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(result)).not.toContain('undefined');
    expect(log).toHaveBeenCalled();
  });
});

describe('ax:event', () => {
  it('broadcasts core events to our windows', () => {
    emit({ type: 'workspace', state: 'opened' });
    expect(win.webContents.sent).toContainEqual(['ax:event', { type: 'workspace', state: 'opened' }]);
  });
});
