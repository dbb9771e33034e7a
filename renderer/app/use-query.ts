import { useCallback, useEffect, useRef, useState } from 'react';
import { onCoreEvent, isDataEvent } from './core-events';

export interface QueryState<T> {
  data: T | undefined;
  error: Error | null;
  /** True while a request is in flight, including refetches that keep the previous data on screen. */
  loading: boolean;
  reload: () => void;
}

/** Bursts of core events (an import, a multi-row save) collapse into one refetch. */
const REFETCH_DELAY_MS = 60;

/**
 * Calls the API and keeps the answer fresh: it refetches when `deps` change and whenever the core
 * reports a change or a workspace switch. Previous data stays visible while a refetch runs, so
 * screens never flash empty.
 */
export function useQuery<T>(fetcher: () => Promise<T>, deps: readonly unknown[]): QueryState<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<Error | null>(null);
  const [loading, setLoading] = useState(true);
  const generation = useRef(0);
  const fetcherRef = useRef(fetcher);
  fetcherRef.current = fetcher;

  const run = useCallback(() => {
    const mine = ++generation.current;
    setLoading(true);
    fetcherRef.current().then(
      (value) => {
        if (mine !== generation.current) return;
        setData(value);
        setError(null);
        setLoading(false);
      },
      (err: unknown) => {
        if (mine !== generation.current) return;
        setError(err instanceof Error ? err : new Error(String(err)));
        setLoading(false);
      },
    );
  }, []);

  useEffect(() => {
    run();
  }, deps);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = onCoreEvent((event) => {
      if (!isDataEvent(event)) return;
      clearTimeout(timer);
      timer = setTimeout(run, REFETCH_DELAY_MS);
    });
    return () => {
      clearTimeout(timer);
      off();
      // Answers arriving after unmount are dropped.
      generation.current++;
    };
  }, [run]);

  return { data, error, loading, reload: run };
}
