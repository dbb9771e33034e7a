import { useId } from 'react';
import { QUESTION_KINDS } from '../../shared/contract/guides';
import type { QuestionKind, VocabularyDriver } from '../../shared/contract';
import { Icon } from '../components/icons';
import { QUESTION_KIND_NAMES } from './guide-labels';
import { newQuestion, withRatingField } from './guide-model';
import type { EditableQuestion } from './guide-model';

interface QuestionEditorProps {
  question: EditableQuestion;
  index: number;
  count: number;
  drivers: readonly VocabularyDriver[];
  errors: readonly string[];
  onChange(q: EditableQuestion): void;
  onMove(step: -1 | 1): void;
  onRemove(): void;
}

/** One question of a guide: its kind, wording, whether it is required, and what its kind needs. */
export function QuestionEditor({ question: q, index, count, drivers, errors, onChange, onMove, onRemove }: QuestionEditorProps) {
  const id = useId();
  const set = (patch: Partial<EditableQuestion>) => onChange({ ...q, ...patch });
  const changeKind = (kind: QuestionKind) => {
    const fresh = newQuestion(kind);
    onChange({ ...fresh, key: q.key, id: q.id, prompt: kind === 'nps' ? fresh.prompt : q.kind === 'nps' ? '' : q.prompt, required: q.required });
  };
  const scale = q.kind === 'rating' || q.kind === 'driver_ratings';
  const fixedScale = q.kind === 'rating' && q.ratingField !== 'custom';

  return (
    <li className={`card question-editor${errors.length > 0 ? ' question-editor--invalid' : ''}`} aria-labelledby={`${id}-title`}>
      <div className="question-editor__head">
        <h3 className="question-editor__title" id={`${id}-title`}>
          Question {index + 1}
        </h3>
        <select className="select question-editor__kind" aria-label={`Kind of question ${index + 1}`} value={q.kind} onChange={(e) => changeKind(e.target.value as QuestionKind)}>
          {QUESTION_KINDS.map((k) => (
            <option key={k} value={k}>
              {QUESTION_KIND_NAMES[k]}
            </option>
          ))}
        </select>
        <label className="checkbox question-editor__required">
          <input type="checkbox" checked={q.required} onChange={(e) => set({ required: e.target.checked })} />
          Required
        </label>
        <span className="question-editor__tools">
          <button type="button" className="icon-button" aria-label={`Move question ${index + 1} up`} disabled={index === 0} onClick={() => onMove(-1)}>
            <Icon name="arrowUp" size={16} />
          </button>
          <button type="button" className="icon-button" aria-label={`Move question ${index + 1} down`} disabled={index === count - 1} onClick={() => onMove(1)}>
            <Icon name="arrowDown" size={16} />
          </button>
          <button type="button" className="icon-button icon-button--danger" aria-label={`Remove question ${index + 1}`} onClick={onRemove}>
            <Icon name="trash" size={16} />
          </button>
        </span>
      </div>
      <div className="question-editor__body">
        <label className="field field--wide">
          <span className="field__label">Prompt</span>
          <input className="input" value={q.prompt} aria-invalid={errors.length > 0 && !q.prompt.trim() ? true : undefined} placeholder={q.kind === 'nps' ? 'Standard NPS wording' : 'What do you ask?'} onChange={(e) => set({ prompt: e.target.value })} />
        </label>
        {q.kind === 'rating' ? (
          <label className="field">
            <span className="field__label">Measures</span>
            <select className="select" value={q.ratingField} onChange={(e) => onChange(withRatingField(q, e.target.value as EditableQuestion['ratingField']))}>
              <option value="csat">CSAT (1–5)</option>
              <option value="ces">CES (1–7)</option>
              <option value="custom">A custom scale</option>
            </select>
          </label>
        ) : null}
        {scale ? (
          <div className="question-editor__scale">
            <label className="field">
              <span className="field__label">From</span>
              <input className="input" type="number" value={q.scaleMin} min={q.kind === 'driver_ratings' ? 1 : 0} max={9} disabled={fixedScale} onChange={(e) => set({ scaleMin: Number(e.target.value) })} />
            </label>
            <label className="field">
              <span className="field__label">To</span>
              <input className="input" type="number" value={q.scaleMax} min={1} max={q.kind === 'driver_ratings' ? 7 : 10} disabled={fixedScale} onChange={(e) => set({ scaleMax: Number(e.target.value) })} />
            </label>
            <label className="field">
              <span className="field__label">Low end says</span>
              <input className="input" value={q.labelMin} placeholder="e.g. Not at all" onChange={(e) => set({ labelMin: e.target.value })} />
            </label>
            <label className="field">
              <span className="field__label">High end says</span>
              <input className="input" value={q.labelMax} placeholder="e.g. Completely" onChange={(e) => set({ labelMax: e.target.value })} />
            </label>
          </div>
        ) : null}
        {q.kind === 'driver_ratings' ? (
          <fieldset className="question-editor__drivers">
            <legend className="field__label">Drivers</legend>
            <label className="checkbox">
              <input type="checkbox" checked={q.allDrivers} onChange={(e) => set({ allDrivers: e.target.checked })} />
              Every driver of the workspace, as it is on the day
            </label>
            {!q.allDrivers ? (
              drivers.length === 0 ? (
                <p className="muted">The workspace has no drivers yet.</p>
              ) : (
                <div className="question-editor__driver-list">
                  {drivers.map((d) => (
                    <label key={d.id} className="checkbox">
                      <input type="checkbox" checked={q.driverIds.includes(d.id)} onChange={() => set({ driverIds: q.driverIds.includes(d.id) ? q.driverIds.filter((x) => x !== d.id) : [...q.driverIds, d.id] })} />
                      {d.name}
                    </label>
                  ))}
                </div>
              )
            ) : null}
          </fieldset>
        ) : null}
        {q.kind === 'single_choice' || q.kind === 'multiple_choice' ? (
          <fieldset className="question-editor__options">
            <legend className="field__label">Options</legend>
            {q.options.map((option, i) => (
              <div key={i} className="question-editor__option">
                <span className="choice__key" aria-hidden="true">
                  {i + 1}
                </span>
                <input className="input" aria-label={`Option ${i + 1}`} value={option} onChange={(e) => set({ options: q.options.map((o, j) => (j === i ? e.target.value : o)) })} />
                <button type="button" className="icon-button" aria-label={`Remove option ${i + 1}`} disabled={q.options.length <= 2} onClick={() => set({ options: q.options.filter((_, j) => j !== i) })}>
                  <Icon name="close" size={14} />
                </button>
              </div>
            ))}
            <button type="button" className="button button--ghost button--small" onClick={() => set({ options: [...q.options, ''] })}>
              <Icon name="plus" size={14} />
              Add option
            </button>
          </fieldset>
        ) : null}
        {q.kind === 'text' ? (
          <label className="checkbox">
            <input type="checkbox" checked={q.isVerbatim} onChange={(e) => set({ isVerbatim: e.target.checked })} />
            <span>
              This answer is the verbatim
              <span className="checkbox__hint">The customer’s own words: searched, shown on the account and with follow-ups.</span>
            </span>
          </label>
        ) : null}
        {errors.length > 0 ? (
          <ul className="question-editor__errors" role="alert">
            {errors.map((e) => (
              <li key={e} className="field__error">
                {e}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </li>
  );
}
