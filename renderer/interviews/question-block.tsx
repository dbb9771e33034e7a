import { useId } from 'react';
import type { AnswerValue, GuideQuestion, TagSubject } from '../../shared/contract';
import { ScaleInput } from './scale-input';
import { ChoiceInput } from './choice-input';
import { TextAnswer } from './text-answer';
import { TagPicker } from './tag-picker';
import type { TagValue } from './tag-picker';
import type { Vocabulary } from './use-vocabulary';

/** The tag subject of a question: the verbatim question tags "the verbatim", others tag themselves. */
export function tagSubjectOf(q: GuideQuestion): TagSubject {
  return q.field === 'verbatim' ? 'verbatim' : q.id;
}

/** Scores that a completed interview changes only through a correction (with its history). */
export function isScoreQuestion(q: GuideQuestion): boolean {
  return q.kind === 'driver_ratings' || q.field === 'nps' || q.field === 'csat' || q.field === 'ces';
}

const KIND_HINT: Partial<Record<GuideQuestion['kind'], string>> = {
  nps: 'Type the score: 0–9, or 1 then 0 for 10',
  single_choice: 'Type the option’s number',
  multiple_choice: 'Type an option’s number to tick or untick it',
  text: 'Enter moves on · Shift+Enter for a new line',
};

interface QuestionBlockProps {
  question: GuideQuestion;
  number: number;
  value: AnswerValue | null | undefined;
  onChange(value: AnswerValue | null): void;
  tags: TagValue;
  onTags(value: TagValue): void;
  vocabulary: Vocabulary;
  error?: string | undefined;
  /** A completed interview: scores are corrected, not edited. */
  locked?: boolean;
  onCorrect?: (() => void) | undefined;
}

/** One question of the guide, answered with the control its kind calls for. */
export function QuestionBlock({ question: q, number, value, onChange, tags, onTags, vocabulary, error, locked = false, onCorrect }: QuestionBlockProps) {
  const promptId = useId();
  const hintId = useId();
  const errorId = useId();
  const scoreLocked = locked && isScoreQuestion(q);
  const hint = q.kind === 'rating' && q.scale ? `Type a score from ${q.scale.min} to ${q.scale.max}` : q.kind === 'driver_ratings' && q.scale ? `Rate each from ${q.scale.min} to ${q.scale.max}; Enter moves on` : KIND_HINT[q.kind];
  const describedBy = [error ? errorId : null, hint ? hintId : null].filter(Boolean).join(' ') || undefined;

  let control: React.ReactNode;
  switch (q.kind) {
    case 'nps':
    case 'rating':
      control = (
        <ScaleInput
          value={typeof value === 'number' ? value : null}
          scale={q.scale ?? { min: 0, max: 10 }}
          labels={q.labels ?? (q.kind === 'nps' ? { min: 'Not at all likely', max: 'Extremely likely' } : null)}
          nps={q.kind === 'nps'}
          labelledBy={promptId}
          onChange={onChange}
          disabled={scoreLocked}
        />
      );
      break;
    case 'driver_ratings': {
      const ratings = value && typeof value === 'object' && !Array.isArray(value) ? value : {};
      control = (
        <div className="driver-ratings">
          {(q.drivers ?? []).length === 0 ? (
            <p className="muted">This workspace has no drivers yet, so there is nothing to rate here.</p>
          ) : (
            (q.drivers ?? []).map((d) => (
              <div key={d.id} className="driver-ratings__row" data-question="">
                <span className="driver-ratings__name" id={`${promptId}-${d.id}`}>
                  {d.name}
                </span>
                <ScaleInput
                  value={ratings[d.id] ?? null}
                  scale={q.scale ?? { min: 1, max: 7 }}
                  labelledBy={`${promptId}-${d.id}`}
                  size="compact"
                  disabled={scoreLocked}
                  onChange={(rating) => onChange({ ...ratings, [d.id]: rating })}
                />
              </div>
            ))
          )}
        </div>
      );
      break;
    }
    case 'single_choice':
    case 'multiple_choice':
      control = (
        <ChoiceInput
          options={q.options ?? []}
          value={typeof value === 'string' || Array.isArray(value) ? value : null}
          multiple={q.kind === 'multiple_choice'}
          labelledBy={promptId}
          onChange={onChange}
        />
      );
      break;
    case 'text':
      control = <TextAnswer value={typeof value === 'string' ? value : ''} onChange={onChange} labelledBy={promptId} label={q.prompt} describedBy={describedBy} placeholder={q.field === 'verbatim' ? 'Their words, as they said them…' : 'Type the answer…'} />;
      break;
  }

  const isDriverRatings = q.kind === 'driver_ratings';
  return (
    <section className={`question${error ? ' question--invalid' : ''}`} data-question={isDriverRatings ? undefined : ''} aria-labelledby={promptId}>
      <div className="question__head">
        <span className="question__number" aria-hidden="true">
          {number}
        </span>
        <h3 className="question__prompt" id={promptId}>
          {q.prompt}
          {q.required ? <span className="question__required"> (required)</span> : null}
          {q.field === 'verbatim' ? <span className="badge badge--accent question__badge">Verbatim</span> : null}
        </h3>
        {scoreLocked && onCorrect ? (
          <button type="button" className="button button--secondary button--small" onClick={onCorrect}>
            Correct score
          </button>
        ) : null}
      </div>
      <div className="question__control">{control}</div>
      {error ? (
        <p id={errorId} className="field__error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="question__foot">
        {hint && !scoreLocked ? (
          <p id={hintId} className="question__hint">
            {hint}
          </p>
        ) : (
          <span />
        )}
        <TagPicker what={q.field === 'verbatim' ? 'the verbatim' : `question ${number}`} value={tags} vocabulary={vocabulary} onChange={onTags} />
      </div>
    </section>
  );
}
