import { useCallback, useEffect, useRef, useState } from 'react';
import type { AccountRow } from '../../shared/contract';
import { api } from '../api';
import { isDataEvent, onCoreEvent } from '../app/core-events';
import type { AccountFilters } from './account-filters';
import { listInput } from './account-filters';
import type { AccountSort } from './account-sort';
import { PAGE_SIZE, pagesForRange } from './account-pages';

export interface AccountPages {
  /** null until the first page answered. */
  total: number | null;
  rowAt(index: number): AccountRow | undefined;
  /** Asks for the pages that hold rows first..last; pages already there or on their way are not asked again. */
  ensureRange(first: number, last: number): void;
  error: Error | null;
  /** A new search, filter or sort is on its way; the previous rows stay on screen meanwhile. */
  stale: boolean;
  retry(): void;
}

/**
 * The accounts list as sparse pages, fetched as they scroll into view. A new search, filter or sort
 * starts over; a change in the core refetches the pages already shown, keeping them on screen meanwhile.
 */
export function useAccountPages(search: string, filters: AccountFilters, sort: AccountSort, firstIndex: number): AccountPages {
  const [pages, setPages] = useState<ReadonlyMap<number, AccountRow[]>>(() => new Map());
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [stale, setStale] = useState(false);
  const resetPending = useRef(false);
  const inFlight = useRef(new Set<number>());
  const generation = useRef(0);
  const totalRef = useRef<number | null>(null);
  const pagesRef = useRef(pages);
  pagesRef.current = pages;
  const key = JSON.stringify([search, filters, sort]);

  const fetchPage = useCallback(
    (page: number, gen: number) => {
      inFlight.current.add(page);
      api.accounts.list(listInput(search, filters, sort, page * PAGE_SIZE, PAGE_SIZE)).then(
        (result) => {
          if (gen !== generation.current) return;
          inFlight.current.delete(page);
          totalRef.current = result.total;
          setTotal(result.total);
          setError(null);
          const reset = resetPending.current;
          resetPending.current = false;
          setStale(false);
          setPages((prev) => {
            // The first answer of a new result set replaces the old rows, which stayed visible until now.
            const next = new Map(reset ? [] : prev);
            next.set(page, result.rows);
            // Rows deleted elsewhere can leave pages past the end.
            for (const p of next.keys()) if (p * PAGE_SIZE >= result.total && p !== 0) next.delete(p);
            return next;
          });
        },
        (err: unknown) => {
          if (gen !== generation.current) return;
          inFlight.current.delete(page);
          setStale(false);
          setError(err instanceof Error ? err : new Error(String(err)));
        },
      );
    },
    // The key stands for search, filters and sort.
    [key],
  );

  // A new result set: start from the page the person will see; the old rows go when it arrives.
  useEffect(() => {
    const gen = ++generation.current;
    inFlight.current.clear();
    resetPending.current = true;
    setStale(true);
    setError(null);
    fetchPage(0, gen);
    const restored = Math.floor(firstIndex / PAGE_SIZE);
    if (restored > 0) fetchPage(restored, gen);
    // firstIndex only matters when the set starts over.
  }, [fetchPage]);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = onCoreEvent((event) => {
      if (!isDataEvent(event)) return;
      clearTimeout(timer);
      timer = setTimeout(() => {
        const gen = generation.current;
        const loaded = [...pagesRef.current.keys()];
        for (const page of loaded.length > 0 ? loaded : [0]) fetchPage(page, gen);
      }, 60);
    });
    return () => {
      clearTimeout(timer);
      off();
    };
  }, [fetchPage]);

  const ensureRange = useCallback(
    (first: number, last: number) => {
      const t = totalRef.current;
      // Until the new result set answers, row numbers belong to the old one.
      if (t === null || resetPending.current) return;
      for (const page of pagesForRange(first, last, t)) {
        if (!pagesRef.current.has(page) && !inFlight.current.has(page)) fetchPage(page, generation.current);
      }
    },
    [fetchPage],
  );

  const rowAt = useCallback((index: number) => pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE], [pages]);

  const retry = useCallback(() => {
    setError(null);
    const gen = generation.current;
    const wanted = [...pagesRef.current.keys()];
    for (const page of wanted.length > 0 ? wanted : [0]) if (!inFlight.current.has(page)) fetchPage(page, gen);
  }, [fetchPage]);

  return { total, rowAt, ensureRange, error, stale, retry };
}
