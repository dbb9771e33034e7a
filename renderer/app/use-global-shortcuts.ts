import { useEffect } from 'react';
import { useLocation } from 'wouter';
import { AREAS, resolveRoute } from './areas';
import { hasModKey } from './platform';

export const GLOBAL_SEARCH_ID = 'global-search';

function dialogOpen(): boolean {
  return document.querySelector('dialog[open]') !== null;
}

/**
 * Shortcuts that work on every screen: Ctrl/Cmd+1..8 go to an area, Ctrl/Cmd+K focuses search.
 * In Electron the Go menu also navigates, through the bridge.
 */
export function useGlobalShortcuts(): void {
  const [, navigate] = useLocation();

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!hasModKey(event) || event.altKey || event.shiftKey || dialogOpen()) return;
      if (event.key.toLowerCase() === 'k') {
        event.preventDefault();
        const search = document.getElementById(GLOBAL_SEARCH_ID) as HTMLInputElement | null;
        search?.focus();
        search?.select();
        return;
      }
      const digit = Number(event.key);
      const area = Number.isInteger(digit) && digit >= 1 ? AREAS[digit - 1] : undefined;
      if (area) {
        event.preventDefault();
        navigate(area.path);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [navigate]);

  useEffect(() => {
    const off = window.axBridge?.onNavigate?.((route) => navigate(resolveRoute(route)));
    return () => off?.();
  }, [navigate]);
}
