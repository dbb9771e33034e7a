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
  /** Claims of requests either thread may run (claimRequest()), shared with the sender. */
  claims?: Int32Array;
}

/** A request either side may run carries `shared: true`; the first to claim it runs it. */
export interface SharedRequest {
  id: number;
  shared?: boolean;
}

/**
 * Requests in flight that either thread may run, by id modulo CLAIM_SLOTS: a slot holds the token of
 * the request waiting there (claimToken), 0 once it was claimed. A request finding its slot taken
 * (CLAIM_SLOTS others still waiting) is sent as the thread's alone.
 */
const CLAIM_SLOTS = 256;
/** What a slot holds for request `id`: never 0 (free), and an int32 whatever the id. */
const claimToken = (id: number): number => (id % 0x7fff_ffff) + 1;

/**
 * In the worker: whether it may run `request`, claiming it. False when the sending thread took it back
 * to run itself (RequestThread's work sharing); the worker then answers without running it.
 */
export function claimRequest(claims: Int32Array | undefined, request: SharedRequest): boolean {
  if (!request.shared || !claims) return true;
  const token = claimToken(request.id);
  return Atomics.compareExchange(claims, request.id % CLAIM_SLOTS, token, 0) === token;
}

export interface RequestThreadOptions {
  nativeBinding?: string;
  /**
   * Work sharing: when the sending thread has nothing left to do but wait, it takes back the oldest
   * request the worker has not started (its reply is then a failure, and the sender runs it itself).
   */
  shareWork?: boolean;
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
  private readonly claims: Int32Array | null;
  /** Shared requests not known to be claimed yet, oldest first. */
  private readonly unclaimed = new Set<number>();
  private takeBackScheduled = false;

  private constructor(workerFile: string, options: RequestThreadOptions) {
    this.name = options.name;
    this.claims = options.shareWork ? new Int32Array(new SharedArrayBuffer(CLAIM_SLOTS * Int32Array.BYTES_PER_ELEMENT)) : null;
    const workerData: RequestThreadData = {
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
      ...(this.claims ? { claims: this.claims } : {}),
    };
    this.worker = new Worker(workerFile, { workerData });
    this.worker.unref();
    this.worker.on('message', (reply: Reply) => {
      this.unclaimed.delete(reply.id);
      this.waiting.get(reply.id)?.(reply);
      this.waiting.delete(reply.id);
    });
    const fail = (message: string) => {
      if (this.worker && !this.closing) console.error(`AX Workbench: ${message}; ${options.fallbackNote}`);
      this.worker = null;
      for (const [id, resolve] of this.waiting) resolve({ id, ok: false, message });
      this.waiting.clear();
      this.unclaimed.clear();
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

  /**
   * Sends the request `make(id)` builds; resolves with its reply (a failure reply without the thread).
   * `shared`: with work sharing on, this thread may take it back (a failure reply: run it yourself).
   */
  send(make: (id: number) => Request, shared = false): Promise<Reply | ThreadFailure> {
    const id = this.nextId++;
    if (!this.worker) return Promise.resolve({ id, ok: false, message: `The ${this.name} is not running.` });
    const reply = new Promise<Reply | ThreadFailure>((resolve) => this.waiting.set(id, resolve));
    const slot = id % CLAIM_SLOTS;
    const share = shared && this.claims !== null && Atomics.compareExchange(this.claims, slot, 0, claimToken(id)) === 0;
    this.worker.postMessage(share ? { ...make(id), shared: true } : make(id));
    if (share) {
      this.unclaimed.add(id);
      this.scheduleTakeBack();
    }
    return reply;
  }

  /**
   * setImmediate runs once this thread has run everything it could (the work in progress, the replies
   * that came): then it is only waiting, and runs the oldest request the worker has not started
   * itself, one at a time, while the worker takes the others in order.
   */
  private scheduleTakeBack(): void {
    if (this.takeBackScheduled || this.unclaimed.size === 0) return;
    this.takeBackScheduled = true;
    setImmediate(() => {
      this.takeBackScheduled = false;
      for (const id of this.unclaimed) {
        this.unclaimed.delete(id);
        if (Atomics.compareExchange(this.claims!, id % CLAIM_SLOTS, claimToken(id), 0) !== claimToken(id)) continue;
        this.waiting.get(id)?.({ id, ok: false, message: `taken back from the ${this.name}` });
        this.waiting.delete(id);
        break;
      }
      this.scheduleTakeBack();
    });
  }

  async terminate(): Promise<void> {
    this.closing = true;
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
  }
}
