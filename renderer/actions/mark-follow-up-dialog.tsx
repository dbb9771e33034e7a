import { useState } from 'react';
import type { ActionRow } from '../../shared/contract';
import { ACTION_LEVELS } from '../../shared/domain/metrics-types';
import type { ActionLevel } from '../../shared/domain/metrics-types';
import { api } from '../api';
import { Dialog } from '../components/dialog';
import { Field } from '../components/field';
import { formFailureFrom } from '../components/form-errors';
import type { FieldErrors } from '../components/form-errors';
import { modKeyLabel } from '../app/platform';
import { LEVEL_NAMES } from './action-labels';

interface MarkFollowUpProps {
  accountId: string;
  interviewId: string;
  contactName: string | null;
  level: ActionLevel | null;
  onClose(): void;
  onCreated(action: ActionRow): void;
}

/**
 * Marks a follow-up during or after an interview: a follow-up action tied to the interview, due by the
 * workspace's loop targets; owner left empty means the account owner. Completing the interview later
 * never opens a second one.
 */
export function MarkFollowUpDialog({ accountId, interviewId, contactName, level, onClose, onCreated }: MarkFollowUpProps) {
  const [title, setTitle] = useState(`Follow up with ${contactName ?? 'the stakeholder'}`);
  const [owner, setOwner] = useState('');
  const [actionLevel, setLevel] = useState<ActionLevel>(level ?? 'frontline');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async () => {
    if (!title.trim()) {
      setErrors({ title: 'Title is required' });
      return;
    }
    setBusy(true);
    try {
      const action = await api.actions.create({ accountId, interviewId, kind: 'follow_up', title, owner: owner.trim() || null, level: actionLevel });
      onCreated(action);
    } catch (err) {
      const failure = formFailureFrom(err, ['title', 'owner', 'level']);
      setErrors(failure.fields);
      setFormError(failure.formError);
      setBusy(false);
    }
  };

  return (
    <Dialog
      title="Mark a follow-up"
      description="It goes to the follow-up queue, due by your workspace’s close-the-loop targets."
      onClose={onClose}
      onSubmitShortcut={() => void save()}
      size="sm"
      footer={
        <>
          <span className="dialog__footer-hint">
            <kbd>{modKeyLabel}</kbd>
            <kbd>Enter</kbd> to save
          </span>
          <button type="button" className="button button--ghost" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="button button--primary" onClick={() => void save()} disabled={busy}>
            Add follow-up
          </button>
        </>
      }
    >
      <form
        className="stack"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        {formError ? <p className="form-alert" role="alert">{formError}</p> : null}
        <Field label="What to follow up" error={errors.title} required>
          {(props) => <input {...props} className="input" value={title} data-autofocus onChange={(e) => setTitle(e.target.value)} />}
        </Field>
        <Field label="Owner" error={errors.owner} hint="Leave empty for the account owner.">
          {(props) => <input {...props} className="input" value={owner} onChange={(e) => setOwner(e.target.value)} />}
        </Field>
        <Field label="Level" error={errors.level} hint="Answer at the stakeholder’s own level.">
          {(props) => (
            <select {...props} className="select" value={actionLevel} onChange={(e) => setLevel(e.target.value as ActionLevel)}>
              {ACTION_LEVELS.map((l) => (
                <option key={l} value={l}>
                  {LEVEL_NAMES[l]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <button type="submit" hidden />
      </form>
    </Dialog>
  );
}
