import fs from 'node:fs';
import { Worker } from 'node:worker_threads';

/** What every reply of a request thread carries: the id of the request it answers. */
export interface ThreadReply {
  id: number;
}

export interface RequestThreadOptions<Reply> {
  workerData: unknown;
  /** Which thread, in messages: "checkpoint thread". */
  name: string;
  /** What happens without it, in messages: "big writes checkpoint on the core's thread". */
  fallbackNote: string;
  /** The reply a request gets when the thread cannot answer it. */
  failed: (id: number, message: string) => Reply;
}

/**
 * A worker thread that answers numbered requests, one reply each: the plumbing the checkpoint thread
 * and the metrics reader share. Optional by design: it starts only from a worker file that exists,
 * and once the thread fails (an error, an exit) every waiting and later request gets `failed(id,
 * message)` as its reply, so callers fall back to doing the work on their own thread.
 */
export class RequestThread<Request extends ThreadReply, Reply extends ThreadReply> {
  private worker: Worker | null;
  private readonly waiting = new Map<number, (reply: Reply) => void>();
  private nextId = 1;
  private closing = false;

  private readonly failed: (id: number, message: string) => Reply;
  private readonly name: string;

  private constructor(workerFile: string, options: RequestThreadOptions<Reply>) {
    this.failed = options.failed;
    this.name = options.name;
    this.worker = new Worker(workerFile, { workerData: options.workerData });
    this.worker.unref();
    this.worker.on('message', (reply: Reply) => {
      this.waiting.get(reply.id)?.(reply);
      this.waiting.delete(reply.id);
    });
    const fail = (message: string) => {
      if (this.worker && !this.closing) console.error(`AX Workbench: ${message}; ${options.fallbackNote}`);
      this.worker = null;
      for (const [id, resolve] of this.waiting) resolve(this.failed(id, message));
      this.waiting.clear();
    };
    this.worker.on('error', (err) => fail(`The ${options.name} failed: ${err.message}`));
    this.worker.on('exit', (code) => fail(`The ${options.name} exited with code ${code}`));
  }

  /** The thread from `workerFile`, or null where there is none (the core in-process, as most tests run it) or it cannot start. */
  static start<Request extends ThreadReply, Reply extends ThreadReply>(workerFile: string | undefined, options: RequestThreadOptions<Reply>): RequestThread<Request, Reply> | null {
    if (!workerFile || !fs.existsSync(workerFile)) return null;
    try {
      return new RequestThread<Request, Reply>(workerFile, options);
    } catch (err) {
      console.error(`AX Workbench: the ${options.name} did not start (${err instanceof Error ? err.message : String(err)}); ${options.fallbackNote}`);
      return null;
    }
  }

  get available(): boolean {
    return this.worker !== null;
  }

  /** Sends the request `make(id)` builds; resolves with its reply (a failure reply without the thread). */
  send(make: (id: number) => Request): Promise<Reply> {
    const id = this.nextId++;
    if (!this.worker) return Promise.resolve(this.failed(id, `The ${this.name} is not running.`));
    const reply = new Promise<Reply>((resolve) => this.waiting.set(id, resolve));
    this.worker.postMessage(make(id));
    return reply;
  }

  async terminate(): Promise<void> {
    this.closing = true;
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
  }
}
