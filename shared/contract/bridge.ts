import type { ApiErrorData } from './errors';
import type { CoreEvent } from './index';

/** IPC channel names, shared so the preload and the main process cannot drift apart. */
export const BRIDGE_CHANNELS = {
  call: 'ax:call',
  event: 'ax:event',
  navigate: 'ax:navigate',
} as const;

/** The global name the preload exposes the bridge under (`window.axBridge`). */
export const BRIDGE_GLOBAL = 'axBridge';

/** Errors travel as data: an Error object would lose its code crossing the context bridge. */
export type BridgeResult = { ok: true; value: unknown } | { ok: false; error: ApiErrorData };

/** What the Electron preload gives the renderer. The HTTP transport of browser mode mirrors `call` and `onEvent`. */
export interface AxBridge {
  call(method: string, input: unknown): Promise<BridgeResult>;
  onEvent(listener: (event: CoreEvent) => void): () => void;
  /** Only Electron has a native menu that navigates; absent in browser mode. The route is an app path such as '/accounts'. */
  onNavigate?(listener: (route: string) => void): () => void;
  /** `process.platform` of the host, so the UI can show Cmd or Ctrl. */
  platform: string;
}
