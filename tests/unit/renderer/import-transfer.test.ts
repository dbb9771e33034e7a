import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CoreEvent } from '../../../shared/contract';
import type { JobState } from '../../../shared/contract/workbook';

// transfer.ts talks to the core through renderer/api and renderer/app/core-events; both are replaced
// by recorders so the upload, job-following and download logic runs in Node.
const fake = vi.hoisted(() => ({
  listeners: new Set<(event: CoreEvent) => void>(),
  upload: vi.fn(),
  job: vi.fn(),
  cancel: vi.fn(),
  download: vi.fn(),
}));

vi.mock('../../../renderer/api', () => ({
  api: { workbook: { upload: fake.upload, job: fake.job, cancel: fake.cancel, download: fake.download } },
}));
vi.mock('../../../renderer/app/core-events', () => ({
  onCoreEvent: (listener: (event: CoreEvent) => void) => {
    fake.listeners.add(listener);
    return () => fake.listeners.delete(listener);
  },
}));

const { downloadExport, followJob, isCancelled, jobFailure, uploadFile } = await import('../../../renderer/import-export/transfer');

const running = (over: Partial<JobState> = {}): JobState => ({ jobId: 'job-1', kind: 'preview', state: 'running', label: 'Reading rows', done: 10, total: 100, result: null, error: null, ...over });

beforeEach(() => {
  fake.upload.mockReset();
  fake.job.mockReset();
  fake.cancel.mockReset();
  fake.download.mockReset();
  fake.listeners.clear();
});

describe('uploadFile', () => {
  it('sends the bytes as base64 chunks at their offsets and returns the upload id', async () => {
    const bytes = new Uint8Array([1, 2, 3, 4, 5]);
    fake.upload.mockImplementation(async (input: { offset: number; chunkBase64: string }) => ({
      uploadId: 'upload-1234',
      receivedBytes: input.offset + Buffer.from(input.chunkBase64, 'base64').length,
      complete: true,
    }));
    const progress: number[] = [];
    const id = await uploadFile(new Blob([bytes]), 'a.csv', (p) => progress.push(p.done));
    expect(id).toBe('upload-1234');
    expect(fake.upload).toHaveBeenCalledWith({ fileName: 'a.csv', offset: 0, chunkBase64: Buffer.from(bytes).toString('base64'), last: true });
    expect(progress).toEqual([5]);
  });

  it('stops before sending when cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(uploadFile(new Blob([new Uint8Array(3)]), 'a.csv', () => undefined, controller.signal)).rejects.toSatisfy(isCancelled);
    expect(fake.upload).not.toHaveBeenCalled();
  });
});

describe('followJob', () => {
  it('reports progress from events and polls until the job ends', async () => {
    const states = [running(), running({ done: 50 }), running({ state: 'done', label: 'Done', done: 100 })];
    fake.job.mockImplementation(async () => {
      // An event arrives between polls, as the core sends them while it works.
      for (const l of fake.listeners) l({ type: 'progress', jobId: 'job-1', label: 'Reading rows', done: 42, total: 100 });
      for (const l of fake.listeners) l({ type: 'progress', jobId: 'other', label: 'Other', done: 1, total: 1 });
      return states.shift()!;
    });
    const seen: string[] = [];
    const final = await followJob('job-1', (p) => seen.push(`${p.label}:${p.done}`));
    expect(final.state).toBe('done');
    expect(seen).toContain('Reading rows:42');
    expect(seen).toContain('Reading rows:50');
    expect(seen.some((s) => s.startsWith('Other'))).toBe(false);
    // The event listener is let go once the job ended.
    expect(fake.listeners.size).toBe(0);
  });

  it('asks the core to cancel once when aborted, and returns the cancelled state', async () => {
    const controller = new AbortController();
    let polls = 0;
    fake.cancel.mockResolvedValue({ cancelled: true });
    fake.job.mockImplementation(async () => {
      polls++;
      if (polls === 1) {
        controller.abort();
        return running();
      }
      return running({ state: polls >= 3 ? 'cancelled' : 'running' });
    });
    const final = await followJob('job-1', () => undefined, controller.signal);
    expect(final.state).toBe('cancelled');
    expect(fake.cancel).toHaveBeenCalledTimes(1);
    expect(fake.cancel).toHaveBeenCalledWith({ jobId: 'job-1' });
    expect(isCancelled(jobFailure(final))).toBe(true);
  });

  it('turns a refusal into the core’s own message', () => {
    const failed = running({ state: 'failed', error: { code: 'invalid_input', message: 'This file is a PNG image, not a spreadsheet.' } });
    const error = jobFailure(failed);
    expect(error.message).toBe('This file is a PNG image, not a spreadsheet.');
    expect(isCancelled(error)).toBe(false);
  });
});

describe('downloadExport', () => {
  it('fetches chunks until the core says done and joins them', async () => {
    const whole = Buffer.from('PK\u0003\u0004 hello workbook');
    fake.download.mockImplementation(async ({ offset }: { offset: number }) => {
      const part = whole.subarray(offset, offset + 8);
      return { base64: part.toString('base64'), offset, sizeBytes: whole.length, done: offset + part.length >= whole.length };
    });
    const progress: number[] = [];
    const blob = await downloadExport('export-1234', 'application/octet-stream', whole.length, (p) => progress.push(p.done));
    expect(Buffer.from(await blob.arrayBuffer()).equals(whole)).toBe(true);
    expect(progress.at(-1)).toBe(whole.length);
    expect(fake.download).toHaveBeenCalledTimes(Math.ceil(whole.length / 8));
  });
});
