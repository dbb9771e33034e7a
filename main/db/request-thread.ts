import fs from 'node:fs';
import { Worker } from 'node:worker_threads';

/** What every request and reply of a request thread carries: the id of the request. */
export interface ThreadReply {
  id: number;
}

/** The reply a request gets when the thread cannot answer it (every reply type includes it). */
export interface ThreadFailure {
  id: number;
  ok: false;
  message: string;
}

/** What a request thread's worker receives as workerData. */
export interface RequestThreadData {
  /** Path to a better-sqlite3 addon built for this runtime's ABI (Electron); default is the Node build. */
  nativeBinding?: string;
}

export interface RequestThreadOptions {
  nativeBinding?: string;
  /** Which thread, in messages: "checkpoint thread". */
  name: string;
  /** What happens without it, in messages: "big writes checkpoint on the core's thread from now on." */
  fallbackNote: string;
}

/**
 * A worker thread that answers numbered requests, one reply each: the plumbing the checkpoint thread
 * and the metrics reader share. Optional by design: it starts only from a worker file that exists,
 * and once the thread fails (an error, an exit) every waiting and later request gets a ThreadFailure
 * as its reply, so callers fall back to doing the work on their own thread.
 */
export class RequestThread<Request extends ThreadReply, Reply extends ThreadReply> {
  private worker: Worker | null;
  private readonly waiting = new Map<number, (reply: Reply | ThreadFailure) => void>();
  private nextId = 1;
  private closing = false;

  private readonly name: string;

  private constructor(workerFile: string, options: RequestThreadOptions) {
    this.name = options.name;
    const workerData: RequestThreadData = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {};
    this.worker = new Worker(workerFile, { workerData });
    this.worker.unref();
    this.worker.on('message', (reply: Reply) => {
      this.waiting.get(reply.id)?.(reply);
      this.waiting.delete(reply.id);
    });
    const fail = (message: string) => {
      if (this.worker && !this.closing) console.error(`AX Workbench: ${message}; ${options.fallbackNote}`);
      this.worker = null;
      for (const [id, resolve] of this.waiting) resolve({ id, ok: false, message });
      this.waiting.clear();
    };
    this.worker.on('error', (err) => fail(`The ${options.name} failed: ${err.message}`));
    this.worker.on('exit', (code) => fail(`The ${options.name} exited with code ${code}`));
  }

  /** The thread from `workerFile`, or null where there is none (the core in-process, as most tests run it) or it cannot start. */
  static start<Request extends ThreadReply, Reply extends ThreadReply>(workerFile: string | undefined, options: RequestThreadOptions): RequestThread<Request, Reply> | null {
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
  send(make: (id: number) => Request): Promise<Reply | ThreadFailure> {
    const id = this.nextId++;
    if (!this.worker) return Promise.resolve({ id, ok: false, message: `The ${this.name} is not running.` });
    const reply = new Promise<Reply | ThreadFailure>((resolve) => this.waiting.set(id, resolve));
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
