import { useState } from 'react';
import { Link } from 'wouter';
import type { ActionRow, ActionStatus } from '../../shared/contract';
import { ACTION_STATUSES } from '../../shared/contract/actions';
import { ACTION_LEVELS } from '../../shared/domain/metrics-types';
import type { ActionLevel } from '../../shared/domain/metrics-types';
import { api } from '../api';
import { formatDateTime } from '../app/format-extra';
import { modKeyLabel } from '../app/platform';
import { useFormat } from '../app/use-format';
import { Dialog } from '../components/dialog';
import { Field } from '../components/field';
import { formFailureFrom } from '../components/form-errors';
import type { FieldErrors } from '../components/form-errors';
import { NpsChip } from '../components/nps-chip';
import { LEVEL_NAMES, STATUS_NAMES } from './action-labels';

/**
 * Works one follow-up: who owns it, at what level, where it stands (open → contacted → closed), and how it
 * ended. Closing needs an outcome: closing the loop means saying what happened.
 */
export function ActionDialog({ action, initialStatus, onClose, onSaved }: { action: ActionRow; initialStatus?: ActionStatus; onClose(): void; onSaved(action: ActionRow): void }) {
  const fmt = useFormat();
  const [status, setStatus] = useState<ActionStatus>(initialStatus ?? action.status);
  const [owner, setOwner] = useState(action.owner ?? '');
  const [level, setLevel] = useState<ActionLevel>(action.level ?? 'frontline');
  const [outcome, setOutcome] = useState(action.outcome ?? '');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async () => {
    if (status === 'closed' && !outcome.trim()) {
      setErrors({ outcome: 'Say how it ended before closing' });
      return;
    }
    setBusy(true);
    try {
      const saved = await api.actions.update({ id: action.id, patch: { status, owner: owner.trim() || null, level, outcome: outcome.trim() || null } });
      onSaved(saved);
    } catch (err) {
      const failure = formFailureFrom(err, ['status', 'owner', 'level', 'outcome']);
      setErrors(failure.fields);
      setFormError(failure.formError);
      setBusy(false);
    }
  };

  return (
    <Dialog
      title={action.title}
      description={
        <>
          {action.accountName}
          {action.contactName ? ` · ${action.contactName}` : ''} · opened {formatDateTime(action.openedAt, fmt.locale)}
        </>
      }
      onClose={onClose}
      onSubmitShortcut={() => void save()}
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
            Save
          </button>
        </>
      }
    >
      <div className="stack">
        {formError ? <p className="form-alert" role="alert">{formError}</p> : null}
        {action.nps !== null || action.verbatim ? (
          <div className="action-context">
            <NpsChip score={action.nps} showLabel />
            {action.verbatim ? <blockquote className="action-context__verbatim">“{action.verbatim}”</blockquote> : null}
            {action.interviewId ? <Link href={`/interviews/record/${action.interviewId}`}>Open the interview</Link> : null}
          </div>
        ) : null}
        <fieldset className="status-choice">
          <legend className="field__label">Status</legend>
          <div className="segmented">
            {ACTION_STATUSES.map((s) => (
              <label key={s} className="segmented__item segmented__item--radio">
                <input type="radio" name="action-status" value={s} checked={status === s} onChange={() => setStatus(s)} data-autofocus={status === s ? '' : undefined} />
                {STATUS_NAMES[s]}
              </label>
            ))}
          </div>
        </fieldset>
        <Field label="Outcome" error={errors.outcome} required={status === 'closed'} hint="What was agreed or done; needed to close.">
          {(props) => <textarea {...props} className="textarea" rows={3} value={outcome} onChange={(e) => {
                setOutcome(e.target.value);
                if (errors.outcome && e.target.value.trim()) setErrors(({ outcome: _fixed, ...rest }) => rest);
              }} />}
        </Field>
        <div className="form-grid">
          <Field label="Owner" error={errors.owner}>
            {(props) => <input {...props} className="input" value={owner} onChange={(e) => setOwner(e.target.value)} />}
          </Field>
          <Field label="Level" error={errors.level}>
            {(props) => (
              <select {...props} className="select" value={level} onChange={(e) => setLevel(e.target.value as ActionLevel)}>
                {ACTION_LEVELS.map((l) => (
                  <option key={l} value={l}>
                    {LEVEL_NAMES[l]}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
      </div>
    </Dialog>
  );
}
