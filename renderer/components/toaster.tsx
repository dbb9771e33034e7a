import { useEffect } from 'react';
import { latestUndoToast, useToasts } from '../state/toast-store';
import type { Toast } from '../state/toast-store';
import { hasModKey, isTypingTarget, modKeyLabel } from '../app/platform';
import { Icon } from './icons';

async function runUndo(toast: Toast): Promise<void> {
  const { dismiss, show } = useToasts.getState();
  dismiss(toast.id);
  try {
    await toast.undo?.();
  } catch (err) {
    show({ message: `Could not undo: ${err instanceof Error ? err.message : String(err)}`, tone: 'error' });
  }
}

/** Notifications at the bottom of the window, read out politely by screen readers. */
export function Toaster() {
  const toasts = useToasts((s) => s.toasts);
  const dismiss = useToasts((s) => s.dismiss);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      // In a text field Ctrl/Cmd+Z undoes typing, as everywhere else.
      if (event.key.toLowerCase() !== 'z' || !hasModKey(event) || event.shiftKey || isTypingTarget(event.target)) return;
      const toast = latestUndoToast();
      if (!toast) return;
      event.preventDefault();
      void runUndo(toast);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  return (
    <div className="toaster" role="region" aria-label="Notifications">
      <div aria-live="polite" className="toaster__list">
        {toasts.map((toast) => (
          <div key={toast.id} className={`toast toast--${toast.tone}`}>
            <span className="toast__message">{toast.message}</span>
            {toast.undo ? (
              <button type="button" className="toast__action" onClick={() => void runUndo(toast)} aria-keyshortcuts={modKeyLabel === '⌘' ? 'Meta+Z' : 'Control+Z'}>
                Undo <kbd>{modKeyLabel === '⌘' ? '⌘Z' : 'Ctrl+Z'}</kbd>
              </button>
            ) : null}
            <button type="button" className="toast__close" onClick={() => dismiss(toast.id)} aria-label="Dismiss notification">
              <Icon name="close" size={16} />
            </button>
          </div>
        ))}
      </div>
    </div>
  );
}
