import { useCallback, useEffect, useRef, useState } from 'react';
import type { SaveDraftResult } from '../../shared/contract';
import { ApiError } from '../../shared/contract/errors';
import { api } from '../api';
import { diffDraft } from './draft-model';
import type { DraftState } from './draft-model';

/** Quiet time after the last keystroke before saving… */
export const SAVE_IDLE_MS = 600;
/** …but never later than this after the first unsaved change, so steady typing is saved too. */
export const SAVE_MAX_WAIT_MS = 1000;

export type SaveState = 'saved' | 'pending' | 'saving' | 'error';

export interface AutosaveStatus {
  state: SaveState;
  savedAt: string | null;
  error: string | null;
  /** Server messages by question id ("answers.<id>" in the error), shown next to the question. */
  fieldErrors: Record<string, string>;
}

export interface DraftAutosave {
  draft: DraftState;
  status: AutosaveStatus;
  missingRequired: readonly string[];
  update(change: (draft: DraftState) => DraftState): void;
  /** Saves what is not saved yet, now; resolves true once everything typed is stored. */
  flush(): Promise<boolean>;
  /** Applies a change the core already stored (a score correction) to both the screen and the saved state. */
  rebase(change: (draft: DraftState) => DraftState): void;
}

/**
 * Holds one stakeholder's draft and keeps the database in step: each change schedules a save of only what
 * differs from the last stored state (≤ 1 s after typing), one save at a time; leaving the screen, hiding
 * the window or unmounting saves at once.
 */
export function useDraftAutosave(interviewId: string, initial: DraftState, initialMissing: readonly string[], savedAt: string): DraftAutosave {
  const [draft, setDraft] = useState(initial);
  const [status, setStatus] = useState<AutosaveStatus>({ state: 'saved', savedAt, error: null, fieldErrors: {} });
  const [missingRequired, setMissing] = useState(initialMissing);
  const current = useRef(initial);
  const stored = useRef(initial);
  const inFlight = useRef<Promise<boolean> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const firstPendingAt = useRef<number | null>(null);
  const mounted = useRef(true);

  const saveOnce = useCallback(async (): Promise<boolean> => {
    const snapshot = current.current;
    const patch = diffDraft(stored.current, snapshot);
    if (!patch) {
      if (mounted.current) setStatus((s) => (s.state === 'error' ? s : { ...s, state: 'saved' }));
      return true;
    }
    if (mounted.current) setStatus((s) => ({ ...s, state: 'saving' }));
    try {
      const result: SaveDraftResult = await api.interviews.saveDraft({ interviewId, ...patch });
      stored.current = snapshot;
      if (mounted.current) {
        setMissing(result.missingRequired);
        const more = diffDraft(stored.current, current.current) !== null;
        setStatus({ state: more ? 'pending' : 'saved', savedAt: result.savedAt, error: null, fieldErrors: {} });
      }
      return true;
    } catch (err) {
      const fieldErrors: Record<string, string> = {};
      if (err instanceof ApiError) for (const [path, message] of Object.entries(err.fields ?? {})) fieldErrors[path.replace(/^answers\./, '')] = message;
      if (mounted.current) setStatus((s) => ({ ...s, state: 'error', error: err instanceof Error ? err.message : String(err), fieldErrors }));
      return false;
    }
  }, [interviewId]);

  const flush = useCallback(async (): Promise<boolean> => {
    clearTimeout(timer.current);
    timer.current = undefined;
    firstPendingAt.current = null;
    // One save at a time, in order: the next one starts from what the previous one stored.
    while (inFlight.current) await inFlight.current;
    const run = saveOnce().finally(() => {
      inFlight.current = null;
    });
    inFlight.current = run;
    const ok = await run;
    if (ok && diffDraft(stored.current, current.current)) return flush();
    return ok;
  }, [saveOnce]);

  const schedule = useCallback(() => {
    const now = Date.now();
    firstPendingAt.current ??= now;
    const at = Math.min(now + SAVE_IDLE_MS, firstPendingAt.current + SAVE_MAX_WAIT_MS);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), Math.max(0, at - now));
  }, [flush]);

  const update = useCallback(
    (change: (draft: DraftState) => DraftState) => {
      const next = change(current.current);
      if (next === current.current) return;
      current.current = next;
      setDraft(next);
      setStatus((s) => ({ ...s, state: s.state === 'saving' ? 'saving' : 'pending' }));
      schedule();
    },
    [schedule],
  );

  const rebase = useCallback((change: (draft: DraftState) => DraftState) => {
    stored.current = change(stored.current);
    current.current = change(current.current);
    setDraft(current.current);
  }, []);

  useEffect(() => {
    mounted.current = true;
    const onHide = () => {
      if (document.visibilityState === 'hidden') void flush();
    };
    const onPageHide = () => void flush();
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', onPageHide);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', onPageHide);
      mounted.current = false;
      // Moving to another stakeholder: what was typed last is saved on the way out.
      void flush();
    };
  }, [flush]);

  return { draft, status, missingRequired, update, flush, rebase };
}
