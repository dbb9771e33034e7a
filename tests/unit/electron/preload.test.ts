import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AxBridge } from '../../../shared/contract/bridge';

// The preload runs in Electron's sandbox; here 'electron' is replaced by a recorder so the exposed
// object can be exercised in Node.
const electron = vi.hoisted(() => {
  const listeners = new Map<string, Set<(event: unknown, payload: unknown) => void>>();
  return {
    exposed: new Map<string, unknown>(),
    listeners,
    invoke: vi.fn<(channel: string, ...args: unknown[]) => Promise<unknown>>(),
    emit(channel: string, payload: unknown) {
      for (const listener of listeners.get(channel) ?? []) listener({ sender: 'secret' }, payload);
    },
  };
});

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => electron.exposed.set(key, value) },
  ipcRenderer: {
    invoke: electron.invoke,
    on(channel: string, listener: (event: unknown, payload: unknown) => void) {
      const set = electron.listeners.get(channel) ?? new Set();
      set.add(listener);
      electron.listeners.set(channel, set);
    },
    removeListener(channel: string, listener: (event: unknown, payload: unknown) => void) {
      electron.listeners.get(channel)?.delete(listener);
    },
  },
}));

let bridge: Required<AxBridge>;
beforeAll(async () => {
  await import('../../../main/electron/preload');
  bridge = electron.exposed.get('axBridge') as Required<AxBridge>;
});
beforeEach(() => {
  electron.invoke.mockReset();
});

describe('preload', () => {
  it('exposes exactly the bridge, as axBridge', () => {
    expect([...electron.exposed.keys()]).toEqual(['axBridge']);
    expect(Object.keys(bridge).sort()).toEqual(['call', 'onEvent', 'onNavigate', 'pickImportFile', 'platform']);
    expect(bridge.platform).toBe(process.platform);
  });

  it('sends calls on ax:call and returns the answer', async () => {
    electron.invoke.mockResolvedValue({ ok: true, value: [1, 2] });
    await expect(bridge.call('accounts.list', { limit: 2 })).resolves.toEqual({ ok: true, value: [1, 2] });
    expect(electron.invoke).toHaveBeenCalledWith('ax:call', 'accounts.list', { limit: 2 });
  });

  it('refuses a method that is not a string without sending anything', async () => {
    const result = await bridge.call(42 as unknown as string, {});
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
    expect(electron.invoke).not.toHaveBeenCalled();
  });

  it('turns an input that cannot be cloned into invalid_input', async () => {
    electron.invoke.mockImplementation(() => Promise.reject(new Error('An object could not be cloned.')));
    const result = await bridge.call('accounts.list', { f: () => 1 });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('delivers events without the IPC event object, and unsubscribes', () => {
    const seen: unknown[] = [];
    const stop = bridge.onEvent((event) => seen.push(event));
    electron.emit('ax:event', { type: 'workspace', state: 'opened' });
    electron.emit('ax:event', 'not an event');
    stop();
    electron.emit('ax:event', { type: 'workspace', state: 'closed' });
    expect(seen).toEqual([{ type: 'workspace', state: 'opened' }]);
  });

  it('asks the host for the import dialog on ax:pick-import-file and returns its answer', async () => {
    electron.invoke.mockResolvedValue({ ok: true, value: { uploadId: 'u-12345678', fileName: 'a.xlsx', sizeBytes: 3 } });
    await expect(bridge.pickImportFile()).resolves.toEqual({ ok: true, value: { uploadId: 'u-12345678', fileName: 'a.xlsx', sizeBytes: 3 } });
    expect(electron.invoke).toHaveBeenCalledWith('ax:pick-import-file');
    electron.invoke.mockRejectedValue(new Error('no handler'));
    await expect(bridge.pickImportFile()).resolves.toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('delivers menu navigation routes only', () => {
    const routes: string[] = [];
    const stop = bridge.onNavigate((route) => routes.push(route));
    electron.emit('ax:navigate', '/accounts');
    electron.emit('ax:navigate', 'javascript:alert(1)');
    electron.emit('ax:navigate', { route: '/x' });
    stop();
    expect(routes).toEqual(['/accounts']);
  });
});
