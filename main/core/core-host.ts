import { Worker } from 'node:worker_threads';
import path from 'node:path';
import { ApiError } from '../../shared/contract';
import type { CoreEvent } from '../../shared/contract';
import type { CoreOptions, CoreToHost, HostToCore, InternalOp } from './protocol';
import { CORE_YOUNG_GENERATION_MB } from './core-heap';

export interface CoreHost {
  call(method: string, input: unknown): Promise<unknown>;
  internal(request: InternalOp): Promise<unknown>;
  onEvent(listener: (event: CoreEvent) => void): () => void;
  close(): Promise<void>;
  readonly ready: Promise<void>;
}

export interface StartCoreOptions extends CoreOptions {
  /** The bundled worker script; defaults to core-worker.cjs beside the running bundle. */
  workerFile?: string;
  execArgv?: string[];
}

/**
 * Runs the data core in a worker thread so SQLite (synchronous) never blocks the thread that owns
 * the windows or the HTTP socket.
 */

/**
 * How long a closing core may take before it is stopped. Closing waits for a pending WAL checkpoint (a big
 * import's log folded into the file: seconds per hundred MB on a slow disk), which must be let finish for
 * the file to be whole on its own; the limit is only for a core that hangs.
 */
const SHUTDOWN_GRACE_MS = 30_000;

export function startCore(options: StartCoreOptions): CoreHost {
  const { workerFile, execArgv, ...coreOptions } = options;
  const file = workerFile ?? path.join(__dirname, 'core-worker.cjs');
  const worker = new Worker(file, {
    workerData: coreOptions,
    execArgv: execArgv ?? [],
    resourceLimits: { maxYoungGenerationSizeMb: CORE_YOUNG_GENERATION_MB },
  });
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: unknown) => void }>();
  const listeners = new Set<(event: CoreEvent) => void>();
  let nextId = 1;
  let closed = false;
  let resolveReady!: () => void;
  let rejectReady!: (e: unknown) => void;
  const ready = new Promise<void>((res, rej) => {
    resolveReady = res;
    rejectReady = rej;
  });

  worker.on('message', (message: CoreToHost) => {
    switch (message.type) {
      case 'ready':
        resolveReady();
        return;
      case 'fatal':
        rejectReady(new Error(message.message));
        return;
      case 'event':
        for (const listener of listeners) listener(message.event);
        return;
      case 'result': {
        const entry = pending.get(message.id);
        if (!entry) return;
        pending.delete(message.id);
        if (message.ok) entry.resolve(message.value);
        else entry.reject(new ApiError(message.error));
      }
    }
  });

  const failAll = (reason: string) => {
    for (const entry of pending.values()) entry.reject(new ApiError({ code: 'internal', message: reason }));
    pending.clear();
  };
  worker.on('error', (err) => {
    rejectReady(err);
    failAll(`The data core stopped: ${err.message}`);
  });
  worker.on('exit', (code) => {
    if (!closed) {
      rejectReady(new Error(`The data core exited with code ${code}`));
      failAll(`The data core exited with code ${code}`);
    }
  });

  const send = (message: HostToCore) => worker.postMessage(message);
  const request = (build: (id: number) => HostToCore) =>
    new Promise<unknown>((resolve, reject) => {
      if (closed) {
        reject(new ApiError({ code: 'internal', message: 'The data core is closed' }));
        return;
      }
      const id = nextId++;
      pending.set(id, { resolve, reject });
      send(build(id));
    });

  return {
    ready,
    call: (method, input) => request((id) => ({ type: 'call', id, method, input })),
    internal: (req) => request((id) => ({ type: 'internal', id, request: req })),
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      if (closed) return;
      closed = true;
      const exited = new Promise<void>((res) => worker.once('exit', () => res()));
      send({ type: 'shutdown' });
      const timer = setTimeout(() => void worker.terminate(), SHUTDOWN_GRACE_MS);
      await exited;
      clearTimeout(timer);
      failAll('The data core is closed');
    },
  };
}
