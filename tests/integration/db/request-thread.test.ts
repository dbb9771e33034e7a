/**
 * Work sharing between a thread and its request thread (main/db/request-thread.ts): once the sending
 * thread has nothing to do but wait, it takes back the oldest request the worker has not started and
 * runs it itself (its reply is a failure: "run it yourself"); a request the worker claimed is its own.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { RequestThread } from '../../../main/db/request-thread';
import { buildHeldWorker } from '../../helpers/bundle-worker';
import type { HeldReply, HeldRequest } from '../../helpers/held-worker';

let workerFile: string;
beforeAll(async () => {
  workerFile = await buildHeldWorker();
});

const threads: RequestThread<HeldRequest, HeldReply>[] = [];
afterEach(async () => {
  for (const thread of threads.splice(0)) await thread.terminate();
});

function start(shareWork: boolean): RequestThread<HeldRequest, HeldReply> {
  const thread = RequestThread.start<HeldRequest, HeldReply>(workerFile, { name: 'test thread', fallbackNote: 'none.', shareWork })!;
  threads.push(thread);
  return thread;
}

const newGate = () => new Int32Array(new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT));
const release = (gate: Int32Array) => {
  Atomics.store(gate, 1, 1);
  Atomics.notify(gate, 1);
};

/** Sends a hold and blocks until the worker runs it: the worker is then busy until release(gate). */
function holdWorker(thread: RequestThread<HeldRequest, HeldReply>, shared: boolean): { gate: Int32Array; reply: Promise<HeldReply> } {
  const gate = newGate();
  const reply = thread.send((id) => ({ id, kind: 'hold', value: 'held', gate }), shared);
  // Blocking this thread keeps it from being idle (and taking anything back) before the worker claims the hold.
  expect(Atomics.wait(gate, 0, 0, 10_000)).not.toBe('timed-out');
  return { gate, reply };
}

describe('request thread work sharing', () => {
  it('takes back, oldest first, the requests a busy worker has not started, while the one it runs stays its own', async () => {
    const thread = start(true);
    const held = holdWorker(thread, true);
    const settled: string[] = [];
    const first = thread.send((id) => ({ id, kind: 'echo', value: 'first' }), true).then((reply) => (settled.push('first'), reply));
    const second = thread.send((id) => ({ id, kind: 'echo', value: 'second' }), true).then((reply) => (settled.push('second'), reply));

    expect(await first).toMatchObject({ ok: false, message: 'taken back from the test thread' });
    expect(await second).toMatchObject({ ok: false });
    expect(settled).toEqual(['first', 'second']);
    release(held.gate);
    // The worker claimed the hold before this thread was idle: its reply is the worker's own.
    expect(await held.reply).toEqual({ id: expect.any(Number), ok: true, value: 'held' });
    // The worker skips what was taken back and answers what comes next.
    const next = thread.send((id) => ({ id, kind: 'echo', value: 'next' }));
    expect(await next).toMatchObject({ ok: true, value: 'next' });
  });

  it('takes nothing back from a thread started without sharing, or for a request not sent as shared', async () => {
    for (const [shareWork, shared] of [
      [false, true],
      [true, false],
    ] as const) {
      const thread = start(shareWork);
      const held = holdWorker(thread, false);
      const waiting = thread.send((id) => ({ id, kind: 'echo', value: 'waits' }), shared);
      let settled = false;
      void waiting.then(() => (settled = true));
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(settled).toBe(false);
      release(held.gate);
      expect(await waiting).toMatchObject({ ok: true, value: 'waits' });
    }
  });
});
