/**
 * A request thread's worker for tests (main/db/request-thread.ts): "echo" answers with its value;
 * "hold" marks gate[0] once it runs, then waits until the test sets gate[1], so the test knows
 * exactly what the worker is busy with. Shared requests are claimed first, as the metrics reader does.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { claimRequest, type RequestThreadData } from '../../main/db/request-thread';

export type HeldRequest = { id: number; shared?: boolean; kind: 'echo'; value: string } | { id: number; shared?: boolean; kind: 'hold'; value: string; gate: Int32Array };
export type HeldReply = { id: number; ok: true; value: string } | { id: number; ok: false; message: string };

const port = parentPort!;
const { claims } = (workerData ?? {}) as RequestThreadData;

port.on('message', (request: HeldRequest) => {
  if (!claimRequest(claims, request)) {
    port.postMessage({ id: request.id, ok: false, message: 'taken back' } satisfies HeldReply);
    return;
  }
  if (request.kind === 'hold') {
    Atomics.store(request.gate, 0, 1);
    Atomics.notify(request.gate, 0);
    Atomics.wait(request.gate, 1, 0, 10_000);
  }
  port.postMessage({ id: request.id, ok: true, value: request.value } satisfies HeldReply);
});
