import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { CoreEvent } from '../../shared/contract';
import { BRIDGE_CHANNELS, BRIDGE_GLOBAL, type AxBridge, type BridgeResult } from '../../shared/contract/bridge';

// Runs sandboxed: only contextBridge and ipcRenderer are available, and only what is exposed here
// reaches the page. ipcRenderer itself is never handed over, so the page can use these four
// channels and nothing else.

const failure = (code: 'unknown_method' | 'invalid_input' | 'internal', message: string): BridgeResult => ({
  ok: false,
  error: { code, message },
});

/** Listeners get the payload only: the IPC event carries the sender object, which must not leak into the page. */
function subscribe<T>(channel: string, accept: (payload: unknown) => payload is T, listener: (payload: T) => void): () => void {
  const handler = (_event: IpcRendererEvent, payload: unknown) => {
    if (accept(payload)) listener(payload);
  };
  ipcRenderer.on(channel, handler);
  return () => {
    ipcRenderer.removeListener(channel, handler);
  };
}

const isCoreEvent = (payload: unknown): payload is CoreEvent =>
  typeof payload === 'object' && payload !== null && typeof (payload as { type?: unknown }).type === 'string';

const isRoute = (payload: unknown): payload is string => typeof payload === 'string' && payload.startsWith('/');

const bridge = {
  async call(method: string, input: unknown): Promise<BridgeResult> {
    if (typeof method !== 'string') return failure('unknown_method', 'The call name must be a string.');
    try {
      return (await ipcRenderer.invoke(BRIDGE_CHANNELS.call, method, input)) as BridgeResult;
    } catch (error) {
      // invoke throws before sending when the input cannot be cloned (a function, a DOM node).
      const message = error instanceof Error ? error.message : String(error);
      if (/clone/i.test(message)) return failure('invalid_input', 'The input contains values that cannot be sent (such as functions).');
      return failure('internal', 'The app did not answer the call.');
    }
  },
  onEvent(listener: (event: CoreEvent) => void): () => void {
    return subscribe(BRIDGE_CHANNELS.event, isCoreEvent, listener);
  },
  onNavigate(listener: (route: string) => void): () => void {
    return subscribe(BRIDGE_CHANNELS.navigate, isRoute, listener);
  },
  async pickImportFile(): Promise<BridgeResult> {
    try {
      return (await ipcRenderer.invoke(BRIDGE_CHANNELS.pickImportFile)) as BridgeResult;
    } catch {
      return failure('internal', 'The app did not open the file dialog.');
    }
  },
  platform: process.platform,
} satisfies AxBridge;

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, bridge);
