import { useCallback, useEffect, useRef, useState } from 'react';
import type { Progress } from './transfer';

export interface TaskState {
  progress: Progress | null;
  /** True while a task runs; the screen disables what would start another. */
  busy: boolean;
  cancellable: boolean;
  run<T>(first: Progress, work: (report: (p: Progress) => void, signal: AbortSignal) => Promise<T>, options?: { cancellable?: boolean }): Promise<T>;
  cancel(): void;
}

/**
 * One long task at a time (upload, inspect, preview, commit, export), with its progress and a Cancel.
 * Leaving the screen cancels what is running: nobody is left to see its result.
 */
export function useTask(): TaskState {
  const [progress, setProgress] = useState<Progress | null>(null);
  const [cancellable, setCancellable] = useState(false);
  const controller = useRef<AbortController | null>(null);

  useEffect(() => () => controller.current?.abort(), []);

  const run = useCallback(async <T,>(first: Progress, work: (report: (p: Progress) => void, signal: AbortSignal) => Promise<T>, options: { cancellable?: boolean } = {}) => {
    const mine = new AbortController();
    controller.current?.abort();
    controller.current = mine;
    setCancellable(options.cancellable ?? true);
    setProgress(first);
    try {
      return await work((p) => {
        if (!mine.signal.aborted) setProgress(p);
      }, mine.signal);
    } finally {
      if (controller.current === mine) {
        controller.current = null;
        setProgress(null);
      }
    }
  }, []);

  const cancel = useCallback(() => controller.current?.abort(), []);

  return { progress, busy: progress !== null, cancellable, run, cancel };
}
