import { useEffect, useState } from 'react';
import { Link, useLocation } from 'wouter';
import type { GuideDetail, QuestionKind } from '../../shared/contract';
import { ApiError } from '../../shared/contract/errors';
import { GUIDE_KINDS, QUESTION_KINDS } from '../../shared/contract/guides';
import { api } from '../api';
import { formatDateTime } from '../app/format-extra';
import { modKeyLabel, hasModKey } from '../app/platform';
import { useFormat } from '../app/use-format';
import { useQuery } from '../app/use-query';
import { Field } from '../components/field';
import { Icon } from '../components/icons';
import { InlineError } from '../components/inline-error';
import { Loading } from '../components/loading';
import { showToast } from '../state/toast-store';
import { GUIDE_KIND_NAMES, QUESTION_KIND_NAMES } from './guide-labels';
import { checkGuideForm, emptyGuideForm, guideFormFrom, moveQuestion, newQuestion, toGuideInput } from './guide-model';
import type { GuideForm } from './guide-model';
import { QuestionEditor } from './question-editor';
import { touchpointLabel, useVocabulary } from './use-vocabulary';

function errorsOfQuestion(errors: Record<string, string>, index: number): string[] {
  const prefix = `questions.${index}`;
  return Object.entries(errors)
    .filter(([path]) => path === prefix || path.startsWith(`${prefix}.`))
    .map(([, message]) => message);
}

function VersionNote({ guide, locale }: { guide: GuideDetail; locale: string }) {
  return (
    <section className="card version-card" aria-labelledby="versions-title">
      <div className="card__header">
        <h2 className="card__title" id="versions-title">
          Version {guide.version}
        </h2>
      </div>
      <div className="card__body stack">
        <p className="muted">
          {guide.interviewCount > 0
            ? `${guide.interviewCount} interview${guide.interviewCount > 1 ? 's use' : ' uses'} this version: saving changed questions creates version ${guide.version + 1}, and those interviews keep the questions they were asked.`
            : 'No interview uses this version yet: changes are saved in place.'}
        </p>
        <ol className="versions">
          {[...guide.versions].reverse().map((v) => (
            <li key={v.id} className="versions__item">
              <span className="versions__name">
                Version {v.version}
                {v.id === guide.id ? <span className="badge badge--accent">This one</span> : null}
              </span>
              <span className="versions__meta">
                {formatDateTime(v.createdAt, locale)} · {v.interviewCount} interview{v.interviewCount === 1 ? '' : 's'}
                {v.supersededAt ? ' · replaced' : ''}
              </span>
            </li>
          ))}
        </ol>
      </div>
    </section>
  );
}

/** Creates or edits a guide: ordered questions of every kind, required or optional, a touchpoint for transactional ones. */
export function GuideEditorScreen({ id }: { id?: string | undefined }) {
  const fmt = useFormat();
  const [, navigate] = useLocation();
  const vocabulary = useVocabulary();
  const existing = useQuery(() => (id ? api.guides.get({ id }) : Promise.resolve(null)), [id]);
  const [form, setForm] = useState<GuideForm | null>(id ? null : emptyGuideForm());
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [adding, setAdding] = useState<QuestionKind>('text');

  useEffect(() => {
    if (existing.data && !form) setForm(guideFormFrom(existing.data));
  }, [existing.data, form]);

  const save = async () => {
    if (!form || busy) return;
    const problems = checkGuideForm(form);
    setErrors(problems);
    setFormError(Object.keys(problems).length > 0 ? 'Some questions need attention: see the messages below.' : null);
    if (Object.keys(problems).length > 0) return;
    setBusy(true);
    try {
      const input = toGuideInput(form);
      const saved = id ? await api.guides.update({ id, patch: input }) : await api.guides.create(input);
      const newVersion = id && existing.data && saved.id !== existing.data.id;
      showToast(newVersion ? `Saved as version ${saved.version} of ${saved.name}; earlier interviews keep version ${existing.data!.version}.` : `Saved ${saved.name}.`, 'success');
      setForm(guideFormFrom(saved));
      setErrors({});
      setFormError(null);
      navigate(`/interviews/guides/${saved.id}`, { replace: true });
    } catch (err) {
      if (err instanceof ApiError && err.fields) {
        const fields: Record<string, string> = {};
        for (const [path, message] of Object.entries(err.fields)) fields[path.replace(/^patch\./, '')] = message;
        setErrors(fields);
      }
      setFormError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Enter' && hasModKey(event) && !document.querySelector('dialog[open]')) {
        event.preventDefault();
        void save();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  });

  const back = (
    <Link href="/interviews/guides" className="back-link">
      <Icon name="arrowLeft" size={16} />
      Guides
    </Link>
  );
  if (!form) return <div className="page">{back}{existing.error ? <InlineError error={existing.error} onRetry={existing.reload} what="the guide" /> : <Loading label="Loading the guide…" />}</div>;

  const set = (patch: Partial<GuideForm>) => setForm({ ...form, ...patch });
  const setQuestions = (questions: GuideForm['questions']) => setForm({ ...form, questions });
  return (
    <div className="page guide-editor">
      {back}
      <header className="page-header">
        <div>
          <h1 className="page-header__title">{id ? form.name || 'Untitled guide' : 'New guide'}</h1>
          <p className="page-header__subtitle">{form.questions.length} question{form.questions.length === 1 ? '' : 's'}, asked in this order.</p>
        </div>
        <div className="page-header__actions">
          <Link href="/interviews/guides" className="button button--ghost">
            Cancel
          </Link>
          <button type="button" className="button button--primary" onClick={() => void save()} disabled={busy}>
            Save guide
            <span className="kbd-group" aria-hidden="true">
              <kbd>{modKeyLabel}</kbd>
              <kbd>Enter</kbd>
            </span>
          </button>
        </div>
      </header>
      {formError ? <p className="form-alert" role="alert">{formError}</p> : null}
      <div className="guide-editor__grid">
        <div className="stack-lg">
          <section className="card" aria-labelledby="guide-about">
            <div className="card__header">
              <h2 className="card__title" id="guide-about">
                About the guide
              </h2>
            </div>
            <div className="card__body form-grid">
              <Field label="Name" error={errors.name} required>
                {(props) => <input {...props} className="input" value={form.name} onChange={(e) => set({ name: e.target.value })} />}
              </Field>
              <Field label="Kind" error={errors.kind}>
                {(props) => (
                  <select {...props} className="select" value={form.kind} onChange={(e) => set({ kind: e.target.value as GuideForm['kind'] })}>
                    {GUIDE_KINDS.map((k) => (
                      <option key={k} value={k}>
                        {GUIDE_KIND_NAMES[k]}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              {form.kind === 'transactional' ? (
                <Field label="Touchpoint" error={errors.touchpointId} hint="Interviews with this guide are about this touchpoint." wide>
                  {(props) => (
                    <select {...props} className="select" value={form.touchpointId} onChange={(e) => set({ touchpointId: e.target.value })}>
                      <option value="">None</option>
                      {vocabulary.touchpoints.map((t) => (
                        <option key={t.id} value={t.id}>
                          {touchpointLabel(t)}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
              ) : null}
              <Field label="Description" error={errors.description} wide>
                {(props) => <textarea {...props} className="textarea" rows={2} value={form.description} onChange={(e) => set({ description: e.target.value })} />}
              </Field>
            </div>
          </section>
          {errors.questions ? <p className="form-alert" role="alert">{errors.questions}</p> : null}
          <ol className="question-editors" aria-label="Questions">
            {form.questions.map((q, i) => (
              <QuestionEditor
                key={q.key}
                question={q}
                index={i}
                count={form.questions.length}
                drivers={vocabulary.drivers}
                errors={errorsOfQuestion(errors, i)}
                onChange={(next) => setQuestions(form.questions.map((x, j) => (j === i ? next : x)))}
                onMove={(step) => setQuestions(moveQuestion(form.questions, i, step))}
                onRemove={() => setQuestions(form.questions.filter((_, j) => j !== i))}
              />
            ))}
          </ol>
          <div className="add-question">
            <label className="add-question__label" htmlFor="add-question-kind">
              Add a question
            </label>
            <select id="add-question-kind" className="select" value={adding} onChange={(e) => setAdding(e.target.value as QuestionKind)}>
              {QUESTION_KINDS.map((k) => (
                <option key={k} value={k}>
                  {QUESTION_KIND_NAMES[k]}
                </option>
              ))}
            </select>
            <button type="button" className="button button--secondary" onClick={() => setQuestions([...form.questions, newQuestion(adding)])}>
              <Icon name="plus" size={14} />
              Add
            </button>
          </div>
        </div>
        <div className="stack-lg guide-editor__side">
          <div className="guide-editor__save">
            <button type="button" className="button button--primary" onClick={() => void save()} disabled={busy}>
              Save guide
            </button>
            <span className="muted">
              or <kbd>{modKeyLabel}</kbd>
              <kbd>Enter</kbd> anywhere
            </span>
          </div>
          {existing.data ? <VersionNote guide={existing.data} locale={fmt.locale} /> : null}
          <section className="card">
            <div className="card__body stack guide-editor__help">
              <p>
                <strong>NPS</strong> uses the standard wording unless you change it. <strong>CSAT</strong> is asked 1–5, <strong>CES</strong> 1–7.
              </p>
              <p>One open question can capture the <strong>verbatim</strong>: the customer’s own words that search and follow-ups show.</p>
            </div>
          </section>
        </div>
      </div>
    </div>
  );
}
