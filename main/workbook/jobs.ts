import crypto from 'node:crypto';
import { ApiError } from '../../shared/contract/errors';
import type { CoreEvent } from '../../shared/contract';
import type { JobResult, JobState } from '../../shared/contract/workbook';
import { toWorkbookApiError } from './refusal';

export interface JobContext {
  signal: AbortSignal;
  progress(label: string, done: number, total: number | null): void;
}

interface Job {
  state: JobState;
  controller: AbortController;
  finished: Promise<void>;
  endedAt: number | null;
}

const KEEP_FINISHED_MS = 30 * 60 * 1000;
const PROGRESS_EVERY_MS = 200;

/**
 * Long work (reading a big file, writing an export) runs beside the core's one-at-a-time call queue,
 * so `workbook.cancel` and `workbook.job` are answered while it runs. Jobs only read files and, for
 * exports, read the database in synchronous slices; every write stays in ordinary calls.
 */
export class JobRegistry {
  private readonly jobs = new Map<string, Job>();

  constructor(private readonly emit: (event: CoreEvent) => void) {}

  start<K extends JobResult['kind']>(kind: K, label: string, work: (ctx: JobContext) => Promise<Extract<JobResult, { kind: K }>['value']>): string {
    this.prune();
    const jobId = crypto.randomUUID();
    const controller = new AbortController();
    const state: JobState = { jobId, kind, state: 'running', label, done: 0, total: null, result: null, error: null };
    let lastEmit = 0;
    const ctx: JobContext = {
      signal: controller.signal,
      progress: (nextLabel, done, total) => {
        state.label = nextLabel;
        state.done = done;
        state.total = total;
        const now = Date.now();
        if (now - lastEmit >= PROGRESS_EVERY_MS) {
          lastEmit = now;
          this.emit({ type: 'progress', jobId, label: nextLabel, done, total });
        }
      },
    };
    const job: Job = { state, controller, finished: Promise.resolve(), endedAt: null };
    this.jobs.set(jobId, job);
    // Started on the next turn: the call that started it answers with the id first.
    job.finished = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => work(ctx))
      .then(
        (value) => {
          state.result = { kind, value } as JobResult;
          state.state = 'done';
          state.label = 'Done';
        },
        (err: unknown) => {
          if (controller.signal.aborted) {
            state.state = 'cancelled';
            state.label = 'Cancelled';
          } else {
            state.state = 'failed';
            state.label = 'Failed';
            state.error = toWorkbookApiError(err).toData();
          }
        },
      )
      .finally(() => {
        job.endedAt = Date.now();
        const total = state.total ?? 1;
        this.emit({ type: 'progress', jobId, label: state.label, done: total, total });
      });
    return jobId;
  }

  get(jobId: string): JobState {
    const job = this.jobs.get(jobId);
    if (!job) throw new ApiError({ code: 'not_found', message: 'That job is not known (it may have finished long ago).' });
    return { ...job.state };
  }

  cancel(jobId: string): boolean {
    const job = this.jobs.get(jobId);
    if (!job || job.state.state !== 'running') return false;
    job.controller.abort();
    return true;
  }

  /** For tests and callers inside the core: waits for the job to end. */
  async wait(jobId: string): Promise<JobState> {
    const job = this.jobs.get(jobId);
    if (!job) throw new ApiError({ code: 'not_found', message: 'That job is not known.' });
    await job.finished;
    return this.get(jobId);
  }

  cancelAll(): void {
    for (const job of this.jobs.values()) job.controller.abort();
  }

  private prune(): void {
    const now = Date.now();
    for (const [id, job] of this.jobs) if (job.endedAt !== null && now - job.endedAt > KEEP_FINISHED_MS) this.jobs.delete(id);
  }
}
