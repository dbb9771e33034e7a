import { useState } from 'react';
import type { FinishSessionResult, SessionView } from '../../shared/contract';
import { api } from '../api';
import { Dialog } from '../components/dialog';

/** Ends the day: drafts with answers stay on the account to finish later; untouched ones go away. */
export function FinishSessionDialog({ view, onClose, onFinished }: { view: SessionView; onClose(): void; onFinished(result: FinishSessionResult): void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const drafts = view.stakeholders.filter((s) => s.status === 'draft');
  const started = drafts.filter((s) => s.answered > 0);
  const untouched = drafts.length - started.length;

  const finish = async () => {
    setBusy(true);
    try {
      onFinished(await api.interviews.finishSession({ sessionId: view.session.id }));
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      setBusy(false);
    }
  };

  return (
    <Dialog
      title="Finish the session?"
      onClose={onClose}
      size="sm"
      footer={
        <>
          <button type="button" className="button button--ghost" onClick={onClose}>
            Keep interviewing
          </button>
          <button type="button" className="button button--primary" onClick={() => void finish()} disabled={busy} data-autofocus>
            Finish session
          </button>
        </>
      }
    >
      <div className="stack">
        {error ? <p className="form-alert" role="alert">{error}</p> : null}
        <p>
          {view.session.completedCount} of {view.stakeholders.length} interviews are complete.
        </p>
        {started.length > 0 ? <p>{started.map((s) => s.name).join(', ')} stay as drafts on the account, with everything typed so far.</p> : null}
        {untouched > 0 ? <p>{untouched} stakeholder{untouched > 1 ? 's' : ''} without any answer will be removed from the session.</p> : null}
      </div>
    </Dialog>
  );
}
