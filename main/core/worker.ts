import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import type { CoreOptions, CoreToHost, HostToCore } from './protocol';
import { createCore, errorData } from './core';

const port = parentPort;
if (!port) throw new Error('core worker must run in a worker thread');
const post = (message: CoreToHost) => port.postMessage(message);

// The checkpoint and metrics reader workers are bundled beside this one (scripts/build.mjs).
const options: CoreOptions = {
  checkpointWorkerFile: path.join(__dirname, 'checkpoint-worker.cjs'),
  metricsReaderWorkerFile: path.join(__dirname, 'metrics-reader-worker.cjs'),
  ...(workerData as CoreOptions),
};

createCore(options).then(
  (core) => {
    core.onEvent((event) => post({ type: 'event', event }));
    port.on('message', (message: HostToCore) => {
      if (message.type === 'shutdown') {
        void core.close().finally(() => process.exit(0));
        return;
      }
      const work = message.type === 'call' ? core.call(message.method, message.input) : core.internal(message.request);
      work.then(
        (value) => post({ type: 'result', id: message.id, ok: true, value }),
        (err: unknown) => post({ type: 'result', id: message.id, ok: false, error: errorData(err) }),
      );
    });
    post({ type: 'ready' });
  },
  (err: unknown) => post({ type: 'fatal', message: err instanceof Error ? err.message : String(err) }),
);
