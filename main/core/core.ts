import path from 'node:path';
import { contract, isMethod, ApiError } from '../../shared/contract';
import type { ApiErrorData, CoreEvent, Method } from '../../shared/contract';
import { handlers } from '../api';
import type { Handler } from './handler-types';
import type { CoreOptions, InternalOp } from './protocol';
import { validateInput } from './validate-input';
import { WorkspaceManager, toApiError } from '../workspace/workspace-manager';
import { workbookState } from '../workbook/workbook-state';
import { BackgroundCheckpoint } from '../db/background-checkpoint';
import { MetricsReader } from '../metrics/engine/metrics-reader';

export interface Core {
  call(method: string, input: unknown): Promise<unknown>;
  internal(request: InternalOp): Promise<unknown>;
  onEvent(listener: (event: CoreEvent) => void): () => void;
  close(): Promise<void>;
  readonly workspaces: WorkspaceManager;
  /** The checkpoint thread, when the core was given its worker file. */
  readonly checkpoint: BackgroundCheckpoint | null;
  /** The metrics reader thread, when the core was given its worker file. */
  readonly metricsReader: MetricsReader | null;
}

/** The data core: validates every call against the shared contract, then runs its handler. Runs inside the worker (or in-process in tests). */
export async function createCore(options: CoreOptions): Promise<Core> {
  const listeners = new Set<(event: CoreEvent) => void>();
  const emit = (event: CoreEvent) => {
    for (const listener of listeners) listener(event);
  };
  const workspaces = new WorkspaceManager(options.dataDir, options.nativeBinding);
  await workspaces.start({ workspacePath: options.workspacePath, demoOnFirstStart: options.demoOnFirstStart });
  const checkpoint = BackgroundCheckpoint.start(options.checkpointWorkerFile, options.nativeBinding);
  const metricsReader = MetricsReader.start(options.metricsReaderWorkerFile, options.nativeBinding);
  // The reader's connection to a workspace closes before the core's, whenever the core's closes.
  if (metricsReader) workspaces.beforeClose(() => metricsReader.release());
  const ctx = { workspaces, emit, checkpoint, metricsReader };

  // Calls run one at a time: better-sqlite3 has one connection, and a write must not interleave with another.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };

  const BACKUP_CHECK_MS = 60 * 60 * 1000;
  const backupTimer = setInterval(() => {
    void serial(() => workspaces.scheduledBackup()).catch(() => undefined);
  }, BACKUP_CHECK_MS);
  backupTimer.unref();

  return {
    workspaces,
    checkpoint,
    metricsReader,
    call(method, input) {
      return serial(async () => {
        if (typeof method !== 'string' || !isMethod(method)) {
          throw new ApiError({ code: 'unknown_method', message: `There is no call named ${String(method).slice(0, 80)}.` });
        }
        const spec = contract[method];
        const parsed = validateInput(spec.input, input, method);
        try {
          const result = await (handlers[method] as Handler<Method>)(parsed as never, ctx);
          if (spec.mutates) emit({ type: 'changed', method });
          return result;
        } catch (err) {
          throw toApiError(err);
        }
      });
    },
    internal(request) {
      return serial(async () => {
        switch (request.op) {
          case 'openPath': {
            const info = await workspaces.openPath(request.path);
            emit({ type: 'workspace', state: 'opened' });
            return info;
          }
          case 'createAt': {
            const info = await workspaces.createAt(request.path, request.name, { currency: 'USD', locale: 'en-US', withDemoData: false });
            emit({ type: 'workspace', state: 'opened' });
            return info;
          }
          case 'currentPath':
            return workspaces.currentPath();
          case 'uploadFromPath':
            return workbookState(ctx).uploads.adopt(request.path, path.basename(request.path));
        }
      });
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: () => {
      clearInterval(backupTimer);
      // The checkpoint thread's connection closes first, so the core's is the last and its close folds the log in.
      return serial(async () => {
        await checkpoint?.close();
        await workspaces.close();
        await metricsReader?.close();
      });
    },
  };
}

export function errorData(err: unknown): ApiErrorData {
  return toApiError(err).toData();
}
