import type { ApiErrorData, CoreEvent } from '../../shared/contract';

/** Operations only the trusted host (Electron main or the browser-mode server) may ask for; never reachable from a renderer. */
export type InternalOp =
  | { op: 'openPath'; path: string }
  | { op: 'createAt'; path: string; name: string }
  | { op: 'currentPath' }
  /** A file chosen in the host's open dialog, copied in as a completed workbook upload. */
  | { op: 'uploadFromPath'; path: string };

export type HostToCore =
  | { type: 'call'; id: number; method: string; input: unknown }
  | { type: 'internal'; id: number; request: InternalOp }
  | { type: 'shutdown' };

export type CoreToHost =
  | { type: 'result'; id: number; ok: true; value: unknown }
  | { type: 'result'; id: number; ok: false; error: ApiErrorData }
  | { type: 'event'; event: CoreEvent }
  | { type: 'ready' }
  | { type: 'fatal'; message: string };

export interface CoreOptions {
  /** Folder for app state (recent list, default workspaces, backups). */
  dataDir: string;
  /** Open this workspace file at start instead of the last one used (created if missing). */
  workspacePath?: string;
  /** Create and open the demo workspace when nothing else is available. */
  demoOnFirstStart?: boolean;
  /** Path to a better-sqlite3 addon built for this runtime's ABI (Electron); default is the Node build. */
  nativeBinding?: string;
  /** The bundled checkpoint worker (main/db/checkpoint-worker.ts); without it big writes checkpoint on the core's thread. */
  checkpointWorkerFile?: string;
  /** The bundled metrics reader (main/metrics/engine/metrics-reader-worker.ts); without it the core reads every metric itself. */
  metricsReaderWorkerFile?: string;
}
