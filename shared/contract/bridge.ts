import type { ApiErrorData } from './errors';
import type { CoreEvent } from './index';

/** IPC channel names, shared so the preload and the main process cannot drift apart. */
export const BRIDGE_CHANNELS = {
  call: 'ax:call',
  event: 'ax:event',
  navigate: 'ax:navigate',
  pickImportFile: 'ax:pick-import-file',
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
  /**
   * Electron only: the native open dialog for an import. The host copies the chosen file into the
   * core as a completed upload, so the page never sees a path; null when the person cancelled.
   */
  pickImportFile?(): Promise<BridgeResult>;
  /** `process.platform` of the host, so the UI can show Cmd or Ctrl. */
  platform: string;
}

/** What `pickImportFile` answers with (as BridgeResult.value): an upload ready for `workbook.inspect`. */
export interface PickedImportFile {
  uploadId: string;
  fileName: string;
  sizeBytes: number;
}
