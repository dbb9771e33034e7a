import { formatDateTime } from '../app/format-extra';
import type { AutosaveStatus } from './use-draft-autosave';

/** Says where the typing stands: saved (and when), about to save, saving, or not saved with a retry. */
export function SaveIndicator({ status, locale, onRetry }: { status: AutosaveStatus; locale: string; onRetry(): void }) {
  const time = status.savedAt ? formatDateTime(status.savedAt, locale) : null;
  return (
    <div className={`save-indicator save-indicator--${status.state}`} role="status" aria-live="polite">
      {status.state === 'error' ? (
        <>
          <span>Not saved: {status.error}</span>
          <button type="button" className="link-button" onClick={onRetry}>
            Try again
          </button>
        </>
      ) : status.state === 'saved' ? (
        <span>Saved{time ? ` · ${time}` : ''}</span>
      ) : (
        <span>Saving…</span>
      )}
    </div>
  );
}
