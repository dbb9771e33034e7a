import { ApiError } from '../../shared/contract';
import type { JobState } from '../../shared/contract/workbook';
import { api } from '../api';
import { onCoreEvent } from '../app/core-events';
import { base64ToBytes, bytesToBase64 } from './base64';
import { uploadChunks } from './wizard-model';

// The three long-running exchanges with the core: sending a file, waiting on a job, fetching an export.
// Each reports progress and stops when its AbortSignal fires.

export interface Progress {
  label: string;
  done: number;
  total: number | null;
}

export const CANCELLED = 'cancelled';

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new ApiError({ code: 'cancelled', message: 'Cancelled.' });
}

export function isCancelled(error: unknown): boolean {
  return ApiError.is(error) && error.code === CANCELLED;
}

/** Sends the file in 4 MiB chunks (one HTTP body or IPC message each) and returns the upload's id. */
export async function uploadFile(file: Blob, fileName: string, onProgress: (p: Progress) => void, signal?: AbortSignal): Promise<string> {
  let uploadId: string | undefined;
  for (const chunk of uploadChunks(file.size)) {
    throwIfAborted(signal);
    const bytes = new Uint8Array(await file.slice(chunk.offset, chunk.end).arrayBuffer());
    const state = await api.workbook.upload({ ...(uploadId ? { uploadId } : {}), fileName, offset: chunk.offset, chunkBase64: bytesToBase64(bytes), last: chunk.last });
    uploadId = state.uploadId;
    onProgress({ label: 'Sending the file', done: state.receivedBytes, total: file.size });
  }
  return uploadId!;
}

const POLL_MS = 250;

/**
 * Follows a job to its end. Progress events arrive from the core at most every 200 ms and may be
 * missed (a reconnecting event stream), so the job's state is also polled; whichever is newer wins.
 * Aborting asks the core to cancel and then waits for the job to say it stopped.
 */
export async function followJob(jobId: string, onProgress: (p: Progress) => void, signal?: AbortSignal): Promise<JobState> {
  const off = onCoreEvent((event) => {
    if (event.type === 'progress' && event.jobId === jobId) onProgress({ label: event.label, done: event.done, total: event.total });
  });
  let cancelAsked = false;
  const askCancel = () => {
    if (cancelAsked) return;
    cancelAsked = true;
    void api.workbook.cancel({ jobId }).catch(() => undefined);
  };
  signal?.addEventListener('abort', askCancel);
  try {
    for (;;) {
      if (signal?.aborted) askCancel();
      const state = await api.workbook.job({ jobId });
      if (state.state !== 'running') return state;
      onProgress({ label: state.label, done: state.done, total: state.total });
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  } finally {
    off();
    signal?.removeEventListener('abort', askCancel);
  }
}

/** The job's error as an ApiError (a refusal keeps the core's own words), or a cancellation. */
export function jobFailure(state: JobState): ApiError {
  if (state.state === 'cancelled') return new ApiError({ code: CANCELLED, message: 'Cancelled.' });
  return new ApiError(state.error ?? { code: 'internal', message: 'The job failed without saying why.' });
}

/** Fetches a finished export in chunks and returns it as a Blob of its type. */
export async function downloadExport(exportId: string, mimeType: string, sizeBytes: number, onProgress: (p: Progress) => void, signal?: AbortSignal): Promise<Blob> {
  const parts: Uint8Array[] = [];
  let offset = 0;
  for (;;) {
    throwIfAborted(signal);
    const chunk = await api.workbook.download({ exportId, offset });
    const bytes = base64ToBytes(chunk.base64);
    parts.push(bytes);
    offset += bytes.length;
    onProgress({ label: 'Downloading', done: offset, total: chunk.sizeBytes || sizeBytes });
    if (chunk.done || bytes.length === 0) break;
  }
  return new Blob(parts as BlobPart[], { type: mimeType });
}

/** Hands a Blob to the browser (or Electron's download handling) as a file to save. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: Chromium reads the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
