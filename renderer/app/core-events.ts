import type { CoreEvent } from '../../shared/contract';
import { subscribeToCore } from '../api';

type Listener = (event: CoreEvent) => void;

const listeners = new Set<Listener>();
let connected = false;

/**
 * One connection to the core's event stream for the whole window, fanned out to every listener.
 * In browser mode each subscription is a long-lived HTTP request, and a browser allows only a few
 * per host: one per query would starve the API calls themselves.
 */
export function onCoreEvent(listener: Listener): () => void {
  listeners.add(listener);
  if (!connected) {
    connected = true;
    subscribeToCore((event) => {
      for (const l of [...listeners]) l(event);
    });
  }
  return () => {
    listeners.delete(listener);
  };
}

/** Events after which data on screen may be stale: any saved change, or another workspace opened. */
export function isDataEvent(event: CoreEvent): boolean {
  return event.type === 'changed' || event.type === 'workspace';
}

/**
 * Tells every query on this window that the workspace changed, without waiting for the core's
 * event to travel back (it also arrives, and the refetch it causes is harmless).
 */
export function announceWorkspaceChange(): void {
  for (const l of [...listeners]) l({ type: 'workspace', state: 'opened' });
}
