import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CoreHost } from '../../../main/core/core-host';
import type { WindowStateStore } from '../../../main/electron/window-state-store';
import { emptyWorkspaceCore } from '../../helpers/test-core';
import { tempDir } from '../../helpers/temp-dir';
import type { Core } from '../../../main/core/core';

// The Electron import dialog: the handler refuses untrusted senders, answers null on cancel, and
// otherwise hands the chosen path to a real core, whose upload then inspects like any other.
const electron = vi.hoisted(() => {
  class FakeWebContents {
    send() {}
    isDestroyed() {
      return false;
    }
    on() {
      return this;
    }
  }
  class FakeBrowserWindow {
    static getFocusedWindow() {
      return null;
    }
    webContents = new FakeWebContents();
    constructor(readonly options: Record<string, unknown>) {}
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
    showOpenDialog: vi.fn<(...args: unknown[]) => Promise<{ canceled: boolean; filePaths: string[] }>>(),
    FakeBrowserWindow,
    FakeWebContents,
  };
});

vi.mock('electron', () => ({
  app: { isPackaged: false, getPath: () => '/home/someone/Documents' },
  BrowserWindow: electron.FakeBrowserWindow,
  dialog: { showOpenDialog: electron.showOpenDialog },
  ipcMain: {
    handle: (channel: string, handler: (event: unknown, ...args: unknown[]) => Promise<unknown>) => electron.handlers.set(channel, handler),
    removeHandler: (channel: string) => electron.handlers.delete(channel),
  },
}));

const { connectImportPicker } = await import('../../../main/electron/import-picker');
const { createMainWindow } = await import('../../../main/electron/windows');

let core: Core;
let win: InstanceType<typeof electron.FakeBrowserWindow>;
const log = vi.fn();
const stateStore: WindowStateStore = { initial: { bounds: { width: 1000, height: 700 }, maximized: false }, track: vi.fn(), flush: vi.fn() };
const frame = (url: string) => ({ url, parent: null, isDestroyed: () => false });
const pick = (event: unknown) => electron.handlers.get('ax:pick-import-file')!(event);

beforeAll(async () => {
  ({ core } = await emptyWorkspaceCore());
  const host: CoreHost = { ready: Promise.resolve(), call: (m, i) => core.call(m, i), internal: (r) => core.internal(r), onEvent: (l) => core.onEvent(l), close: () => core.close() };
  connectImportPicker(host, log);
  win = createMainWindow({ preload: '/app/dist/main/preload.cjs', state: stateStore, log }) as unknown as typeof win;
});
afterAll(async () => {
  await core.close();
});
beforeEach(() => {
  electron.showOpenDialog.mockReset();
  log.mockReset();
});

describe('ax:pick-import-file', () => {
  const trusted = () => ({ sender: win.webContents, senderFrame: frame('app://workbench/index.html') });

  it('refuses a sender that is not our page, without opening a dialog', async () => {
    await expect(pick({ sender: win.webContents, senderFrame: frame('https://evil.example/') })).resolves.toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(electron.showOpenDialog).not.toHaveBeenCalled();
  });

  it('answers null when the dialog is cancelled', async () => {
    electron.showOpenDialog.mockResolvedValue({ canceled: true, filePaths: [] });
    await expect(pick(trusted())).resolves.toEqual({ ok: true, value: null });
  });

  it('copies the chosen file into the core as a finished upload that inspects like any other', async () => {
    const dir = tempDir('ax-pick-');
    const file = path.join(dir, 'accounts.csv');
    fs.writeFileSync(file, 'Account Name,ARR\nAcme,"$1,200"\n');
    electron.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [file] });
    const answer = (await pick(trusted())) as { ok: true; value: { uploadId: string; fileName: string; sizeBytes: number } };
    expect(answer.ok).toBe(true);
    expect(answer.value).toMatchObject({ fileName: 'accounts.csv', sizeBytes: fs.statSync(file).size });
    // The options offer spreadsheets first and open as a sheet of the asking window.
    expect(electron.showOpenDialog.mock.calls[0]![0]).toBe(win);
    const { jobId } = (await core.call('workbook.inspect', { source: { uploadId: answer.value.uploadId } })) as { jobId: string };
    let state: { state: string; result: { value: { fileName: string; format: string } } | null };
    do {
      await new Promise((r) => setTimeout(r, 10));
      state = (await core.call('workbook.job', { jobId })) as typeof state;
    } while (state.state === 'running');
    expect(state.state).toBe('done');
    expect(state.result!.value).toMatchObject({ fileName: 'accounts.csv', format: 'csv' });
  });

  it('says plainly when the chosen path is a folder', async () => {
    electron.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [tempDir('ax-pick-dir-')] });
    await expect(pick(trusted())).resolves.toMatchObject({ ok: false, error: { code: 'invalid_input', message: 'That is a folder, not a file.' } });
  });
});
