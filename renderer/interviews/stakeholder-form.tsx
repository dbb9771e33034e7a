import { useLayoutEffect, useRef, useState } from 'react';
import type { CompleteResult, GuideDetail, InterviewDraft, TagSubject } from '../../shared/contract';
import { ApiError } from '../../shared/contract/errors';
import { LEVEL_LABELS, ROLE_LABELS } from '../../shared/domain/people';
import { api } from '../api';
import { hasModKey, modKeyLabel } from '../app/platform';
import { useFormat } from '../app/use-format';
import { Icon } from '../components/icons';
import { showToast } from '../state/toast-store';
import { MarkFollowUpDialog } from '../actions/mark-follow-up-dialog';
import { CorrectScoreDialog } from './correct-score-dialog';
import type { ScoreTarget } from './correct-score-dialog';
import { CorrectionsHistory } from './corrections-history';
import { draftFromInterview, tagsOf } from './draft-model';
import type { DraftState } from './draft-model';
import { QuestionBlock, isScoreQuestion, tagSubjectOf } from './question-block';
import { focusFirstQuestion } from './question-focus';
import { SaveIndicator } from './save-indicator';
import { SentimentControl } from './sentiment-control';
import { TagPicker } from './tag-picker';
import type { TagValue } from './tag-picker';
import { TextAnswer } from './text-answer';
import { useDraftAutosave } from './use-draft-autosave';
import { touchpointLabel } from './use-vocabulary';
import type { Vocabulary } from './use-vocabulary';

interface StakeholderFormProps {
  interview: InterviewDraft;
  guide: GuideDetail | null;
  vocabulary: Vocabulary;
  position: string;
  onCompleted(result: CompleteResult): void;
  onStep(direction: 'next' | 'previous'): void;
  /** Filled with this form's flush, so the session saves what was typed before it changes person. */
  flushRef: { current: (() => Promise<boolean>) | null };
}

function dialogOpen(): boolean {
  return document.querySelector('dialog[open]') !== null;
}

/**
 * One stakeholder's interview: the guide's questions, notes, tags and sentiment, saved as typed. Keyboard
 * first: the first question has focus on arrival, Enter moves on, Ctrl/Cmd+Enter completes and goes to the
 * next person, Alt+↓/↑ change person, Ctrl/Cmd+Shift+F marks a follow-up.
 */
export function StakeholderForm({ interview, guide, vocabulary, position, onCompleted, onStep, flushRef }: StakeholderFormProps) {
  const fmt = useFormat();
  const autosave = useDraftAutosave(interview.id, draftFromInterview(interview), interview.missingRequired, interview.updatedAt);
  const { draft, update, status } = autosave;
  flushRef.current = autosave.flush;
  const [completeErrors, setCompleteErrors] = useState<Record<string, string>>({});
  const [followUpId, setFollowUpId] = useState(interview.followUpActionId);
  const [marking, setMarking] = useState(false);
  const [correcting, setCorrecting] = useState<ScoreTarget | null>(null);
  const [current, setCurrent] = useState(interview);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLDivElement>(null);
  const complete = current.status === 'complete';
  const questions = guide?.questions ?? [];
  const name = current.contactName ?? 'Unknown stakeholder';

  // Layout effects: focus and shortcuts are in place before the person is shown, so no key is lost.
  useLayoutEffect(() => {
    focusFirstQuestion(formRef.current);
  }, []);

  const setAnswer = (questionId: string, value: DraftState['answers'][string]) => {
    setCompleteErrors((e) => {
      if (!(questionId in e)) return e;
      const { [questionId]: _gone, ...rest } = e;
      return rest;
    });
    update((d) => ({ ...d, answers: { ...d.answers, [questionId]: value } }));
  };
  const setTags = (subject: TagSubject, value: TagValue) => update((d) => ({ ...d, tags: { ...d.tags, [subject]: value } }));

  const completeAndNext = async () => {
    if (busy) return;
    setBusy(true);
    try {
      if (!(await autosave.flush())) {
        showToast('The latest answers are not saved yet; fix the problem shown, then complete.', 'error');
        return;
      }
      const result = await api.interviews.complete({ interviewId: current.id, advance: true });
      setCurrent(result.interview);
      if (result.followUp && result.followUp.id !== followUpId) {
        setFollowUpId(result.followUp.id);
        showToast(`${name} completed. Follow-up opened: ${result.followUp.title}.`, 'success');
      } else showToast(`${name} completed.`, 'success');
      onCompleted(result);
    } catch (err) {
      if (err instanceof ApiError && err.fields) {
        const errors: Record<string, string> = {};
        for (const [path, message] of Object.entries(err.fields)) errors[path.replace(/^answers\./, '')] = message;
        setCompleteErrors(errors);
        showToast(err.message, 'error');
        const first = questions.find((q) => errors[q.id]);
        if (first) formRef.current?.querySelector<HTMLElement>(`[data-question-id="${first.id}"] [data-focus-target]`)?.focus();
      } else showToast(`Could not complete: ${err instanceof Error ? err.message : String(err)}`, 'error');
    } finally {
      setBusy(false);
    }
  };

  // Read through a ref so the key handler is attached once and always calls the latest closures.
  const handlers = useRef({ completeAndNext, onStep, mark: () => setMarking(true) });
  handlers.current = { completeAndNext, onStep, mark: () => setMarking(true) };
  useLayoutEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (dialogOpen()) return;
      if (event.key === 'Enter' && hasModKey(event) && !event.shiftKey && !event.altKey) {
        event.preventDefault();
        void handlers.current.completeAndNext();
      } else if (event.altKey && !event.ctrlKey && !event.metaKey && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
        event.preventDefault();
        handlers.current.onStep(event.key === 'ArrowDown' ? 'next' : 'previous');
      } else if (hasModKey(event) && event.shiftKey && event.key.toLowerCase() === 'f') {
        event.preventDefault();
        handlers.current.mark();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  const missing = complete ? [] : autosave.missingRequired;
  const who = [current.contactRole ? ROLE_LABELS[current.contactRole] : null, current.contactLevel ? LEVEL_LABELS[current.contactLevel] : null].filter(Boolean).join(' · ');

  return (
    <div className="interview-form" data-interview-form="" ref={formRef}>
      <header className="interview-form__head">
        <div>
          <p className="interview-form__position">{position}</p>
          <h2 className="interview-form__name">{name}</h2>
          <p className="interview-form__meta">{who || 'Role and level not known'}</p>
        </div>
        <div className="interview-form__status">
          {complete ? (
            <span className="badge badge--success">
              <Icon name="check" size={12} /> Complete
            </span>
          ) : (
            <span className="badge">Draft</span>
          )}
          {followUpId ? (
            <span className="badge badge--warning">
              <Icon name="flag" size={12} /> Follow-up marked
            </span>
          ) : null}
          <SaveIndicator status={status} locale={fmt.locale} onRetry={() => void autosave.flush()} />
        </div>
      </header>

      <div className="interview-form__context">
        {vocabulary.touchpoints.length > 0 ? (
          <label className="context-field">
            <span className="context-field__label">Touchpoint</span>
            <select className="select" value={draft.touchpointId ?? ''} onChange={(e) => update((d) => ({ ...d, touchpointId: e.target.value || null }))}>
              <option value="">None (relationship)</option>
              {vocabulary.touchpoints.map((t) => (
                <option key={t.id} value={t.id}>
                  {touchpointLabel(t)}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <SentimentControl value={draft.sentimentOverride} computed={current.sentiment} onChange={(v) => update((d) => ({ ...d, sentimentOverride: v }))} />
      </div>

      {questions.length === 0 ? <p className="muted">This interview has no guide: use the notes below.</p> : null}
      {questions.map((q, i) => (
        <div key={q.id} data-question-id={q.id}>
          <QuestionBlock
            question={q}
            number={i + 1}
            value={draft.answers[q.id]}
            onChange={(v) => setAnswer(q.id, v)}
            tags={tagsOf(draft, tagSubjectOf(q))}
            onTags={(t) => setTags(tagSubjectOf(q), t)}
            vocabulary={vocabulary}
            error={completeErrors[q.id] ?? status.fieldErrors[q.id]}
            locked={complete}
            onCorrect={() => setCorrecting(q.field === 'nps' || q.field === 'csat' || q.field === 'ces' ? { field: q.field } : { field: 'driver_rating', driverId: q.drivers?.[0]?.id })}
          />
        </div>
      ))}

      <section className="question question--notes" data-question="" aria-labelledby={`notes-${current.id}`}>
        <div className="question__head">
          <span className="question__number" aria-hidden="true">
            <Icon name="edit" size={14} />
          </span>
          <h3 className="question__prompt" id={`notes-${current.id}`}>
            Interviewer notes
          </h3>
        </div>
        <TextAnswer value={draft.notes} onChange={(notes) => update((d) => ({ ...d, notes }))} labelledBy={`notes-${current.id}`} label="Interviewer notes" placeholder="Context, observations, what to do next…" enterMovesOn={false} rows={3} />
        <div className="question__foot">
          <span />
          <TagPicker what="the notes" value={tagsOf(draft, 'notes')} vocabulary={vocabulary} onChange={(t) => setTags('notes', t)} />
        </div>
      </section>

      {complete || current.correctionCount > 0 ? <CorrectionsHistory key={current.updatedAt} interviewId={current.id} driverName={vocabulary.driverName} /> : null}

      <footer className="interview-form__actions">
        <button type="button" className="button button--secondary" onClick={() => setMarking(true)} disabled={followUpId !== null} aria-keyshortcuts={modKeyLabel === '⌘' ? 'Meta+Shift+F' : 'Control+Shift+F'}>
          <Icon name="flag" size={14} />
          {followUpId ? 'Follow-up marked' : 'Mark follow-up'}
          {followUpId ? null : (
            <span className="kbd-group" aria-hidden="true">
              <kbd>{modKeyLabel}</kbd>
              <kbd>⇧</kbd>
              <kbd>F</kbd>
            </span>
          )}
        </button>
        <span className="interview-form__missing" role="status">
          {missing.length > 0 ? `${missing.length} required question${missing.length > 1 ? 's' : ''} left` : complete ? '' : 'All required questions answered'}
        </span>
        {complete ? (
          <button type="button" className="button button--primary" data-complete-button="" onClick={() => onStep('next')}>
            Next stakeholder
            <span className="kbd-group" aria-hidden="true">
              <kbd>Alt</kbd>
              <kbd>↓</kbd>
            </span>
          </button>
        ) : (
          <button type="button" className="button button--primary" data-complete-button="" onClick={() => void completeAndNext()} disabled={busy} aria-keyshortcuts={modKeyLabel === '⌘' ? 'Meta+Enter' : 'Control+Enter'}>
            <Icon name="check" size={14} />
            Complete and next
            <span className="kbd-group" aria-hidden="true">
              <kbd>{modKeyLabel}</kbd>
              <kbd>Enter</kbd>
            </span>
          </button>
        )}
      </footer>

      {marking ? (
        <MarkFollowUpDialog
          accountId={current.accountId}
          interviewId={current.id}
          contactName={current.contactName}
          level={current.contactLevel}
          onClose={() => setMarking(false)}
          onCreated={(action) => {
            setMarking(false);
            setFollowUpId(action.id);
            showToast(`Follow-up added to the queue: ${action.title}`, 'success');
          }}
        />
      ) : null}
      {correcting ? (
        <CorrectScoreDialog
          interview={current}
          drivers={questions.flatMap((q) => q.drivers ?? [])}
          initial={correcting}
          onClose={() => setCorrecting(null)}
          onCorrected={(result) => {
            setCorrecting(null);
            setCurrent(result.interview);
            const scores = Object.fromEntries(questions.filter(isScoreQuestion).map((q) => [q.id, result.interview.answers[q.id] ?? null]));
            autosave.rebase((d) => ({ ...d, answers: { ...d.answers, ...scores } }));
            showToast(result.followUp ? `Score corrected. Follow-up opened: ${result.followUp.title}.` : 'Score corrected.', 'success');
          }}
        />
      ) : null}
    </div>
  );
}
