import { useState } from 'react';
import type { SessionView } from '../../shared/contract';
import { api } from '../api';
import { useQuery } from '../app/use-query';
import { Dialog } from '../components/dialog';
import { InlineError } from '../components/inline-error';
import { Loading } from '../components/loading';
import { StakeholderPicker } from './stakeholder-picker';
import type { NewPerson } from './stakeholder-picker';

/** Someone else joins the day: a contact of the account, or a person met on the spot. */
export function AddStakeholdersDialog({ view, onClose, onAdded }: { view: SessionView; onClose(): void; onAdded(view: SessionView): void }) {
  const account = useQuery(() => api.accounts.get({ id: view.session.accountId }), [view.session.accountId]);
  const [picked, setPicked] = useState<string[]>([]);
  const [newPeople, setNewPeople] = useState<NewPerson[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const already = new Set(view.stakeholders.map((s) => s.contactId).filter((id): id is string => id !== null));

  const save = async () => {
    if (picked.length + newPeople.length === 0) {
      setError('Tick a contact or add someone new');
      return;
    }
    setBusy(true);
    try {
      onAdded(await api.interviews.addStakeholders({ sessionId: view.session.id, contactIds: picked, newContacts: newPeople }));
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      setBusy(false);
    }
  };

  return (
    <Dialog
      title="Add stakeholders"
      description={`They join today’s session at ${view.session.accountName}, after the people already listed.`}
      onClose={onClose}
      onSubmitShortcut={() => void save()}
      size="lg"
      footer={
        <>
          <button type="button" className="button button--ghost" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="button button--primary" onClick={() => void save()} disabled={busy}>
            Add to today
          </button>
        </>
      }
    >
      {account.error ? <InlineError error={account.error} onRetry={account.reload} what="the contacts" /> : null}
      {account.data ? (
        <StakeholderPicker contacts={account.data.contacts} already={already} picked={picked} onPicked={setPicked} newPeople={newPeople} onNewPeople={setNewPeople} error={error ?? undefined} />
      ) : account.error ? null : (
        <Loading label="Loading contacts…" />
      )}
    </Dialog>
  );
}
