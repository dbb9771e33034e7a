import { useId, useState } from 'react';
import type { CorrectableField, CorrectScoreResult, InterviewDraft } from '../../shared/contract';
import { CES_SCALE, CSAT_SCALE, DRIVER_RATING_LIMITS } from '../../shared/contract/guides';
import { api } from '../api';
import { modKeyLabel } from '../app/platform';
import { Dialog } from '../components/dialog';
import { Field } from '../components/field';
import { formFailureFrom } from '../components/form-errors';
import type { FieldErrors } from '../components/form-errors';
import { ScaleInput } from './scale-input';
import { rememberInterviewer, rememberedInterviewer } from './interviewer-name';

/** A score that can be corrected: the field, and for a driver rating which driver. */
export interface ScoreTarget {
  field: CorrectableField;
  driverId?: string;
}

interface Choice extends ScoreTarget {
  key: string;
  label: string;
  current: number | null;
  scale: { min: number; max: number };
}

function choicesFor(interview: InterviewDraft, drivers: readonly { id: string; name: string }[]): Choice[] {
  const names = new Map(drivers.map((d) => [d.id, d.name]));
  const choices: Choice[] = [
    { key: 'nps', field: 'nps', label: 'NPS', current: interview.nps, scale: { min: 0, max: 10 } },
    { key: 'csat', field: 'csat', label: 'CSAT (1–5)', current: interview.csat, scale: CSAT_SCALE },
    { key: 'ces', field: 'ces', label: 'CES (1–7)', current: interview.ces, scale: CES_SCALE },
  ];
  const rated = new Map(interview.driverRatings.map((r) => [r.driverId, r.rating]));
  for (const id of new Set([...rated.keys(), ...drivers.map((d) => d.id)])) {
    choices.push({ key: `driver:${id}`, field: 'driver_rating', driverId: id, label: `Driver: ${names.get(id) ?? 'removed driver'}`, current: rated.get(id) ?? null, scale: DRIVER_RATING_LIMITS });
  }
  return choices;
}

interface CorrectScoreProps {
  interview: InterviewDraft;
  drivers: readonly { id: string; name: string }[];
  initial?: ScoreTarget | undefined;
  onClose(): void;
  onCorrected(result: CorrectScoreResult): void;
}

/**
 * Corrects a score of a completed interview (a mis-heard 6 that was a 9): the old and new value, why, and
 * who are kept in the history shown under the interview.
 */
export function CorrectScoreDialog({ interview, drivers, initial, onClose, onCorrected }: CorrectScoreProps) {
  const choices = choicesFor(interview, drivers);
  const initialKey = initial ? (initial.field === 'driver_rating' ? `driver:${initial.driverId}` : initial.field) : 'nps';
  const [key, setKey] = useState(choices.some((c) => c.key === initialKey) ? initialKey : 'nps');
  const choice = choices.find((c) => c.key === key)!;
  const [value, setValue] = useState<number | null>(choice.current);
  const [reason, setReason] = useState('');
  const [by, setBy] = useState(rememberedInterviewer() || interview.interviewer || '');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const scaleLabel = useId();

  const pick = (next: string) => {
    setKey(next);
    setValue(choices.find((c) => c.key === next)?.current ?? null);
  };

  const save = async () => {
    const problems: FieldErrors = {};
    if (!reason.trim()) problems.reason = 'Say why the score is corrected';
    if (!by.trim()) problems.by = 'Say who corrects the score';
    if (value === choice.current) problems.value = 'Pick a different score (or no answer)';
    setErrors(problems);
    if (Object.keys(problems).length > 0) return;
    setBusy(true);
    try {
      const result = await api.interviews.correctScore({ interviewId: interview.id, field: choice.field, driverId: choice.driverId, value, reason, by });
      rememberInterviewer(by);
      onCorrected(result);
    } catch (err) {
      const failure = formFailureFrom(err, ['value', 'reason', 'by', 'field']);
      setErrors(failure.fields);
      setFormError(failure.formError);
      setBusy(false);
    }
  };

  return (
    <Dialog
      title="Correct a score"
      description="The interview keeps both values: the history shows who changed what, when and why."
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
            Save correction
          </button>
        </>
      }
    >
      <div className="stack">
        {formError ? <p className="form-alert" role="alert">{formError}</p> : null}
        <Field label="Score" error={errors.field}>
          {(props) => (
            <select {...props} className="select" value={key} onChange={(e) => pick(e.target.value)}>
              {choices.map((c) => (
                <option key={c.key} value={c.key}>
                  {c.label} — now {c.current ?? 'no answer'}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="field">
          <span className="field__label" id={scaleLabel}>
            Corrected score
          </span>
          <ScaleInput value={value} scale={choice.scale} nps={choice.field === 'nps'} labelledBy={scaleLabel} size="compact" onChange={setValue} />
          <label className="checkbox">
            <input type="checkbox" checked={value === null} onChange={(e) => setValue(e.target.checked ? null : choice.current)} />
            No answer after all
          </label>
          {errors.value ? <p className="field__error">{errors.value}</p> : null}
        </div>
        <Field label="Why" error={errors.reason} required>
          {(props) => <textarea {...props} className="textarea" rows={2} value={reason} data-autofocus onChange={(e) => setReason(e.target.value)} placeholder="e.g. Misheard on the call; confirmed 9 by email" />}
        </Field>
        <Field label="Corrected by" error={errors.by} required>
          {(props) => <input {...props} className="input" value={by} onChange={(e) => setBy(e.target.value)} />}
        </Field>
      </div>
    </Dialog>
  );
}
