import { useState } from 'react';
import { Link } from 'wouter';
import type { AnswerValue, GuideQuestion, InterviewDraft } from '../../shared/contract';
import { ApiError } from '../../shared/contract/errors';
import { LEVEL_LABELS, ROLE_LABELS } from '../../shared/domain/people';
import { api } from '../api';
import { formatDateTime } from '../app/format-extra';
import { useFormat } from '../app/use-format';
import { useQuery } from '../app/use-query';
import { EmptyState } from '../components/empty-state';
import { Icon } from '../components/icons';
import { InlineError } from '../components/inline-error';
import { Loading } from '../components/loading';
import { NpsChip } from '../components/nps-chip';
import { showToast } from '../state/toast-store';
import { CorrectScoreDialog } from './correct-score-dialog';
import { CorrectionsHistory } from './corrections-history';
import { sentimentWords } from './sentiment-control';
import { useVocabulary } from './use-vocabulary';
import type { Vocabulary } from './use-vocabulary';

function answerText(q: GuideQuestion, value: AnswerValue | undefined, vocabulary: Vocabulary): string {
  if (value === undefined || value === null) return 'No answer';
  if (Array.isArray(value)) return value.join(', ');
  if (typeof value === 'object') {
    const rated = Object.entries(value).filter(([, r]) => r !== null);
    return rated.length === 0 ? 'No answer' : rated.map(([id, r]) => `${vocabulary.driverName(id)}: ${r}`).join(' · ');
  }
  if (typeof value === 'number' && q.scale) return `${value} (on ${q.scale.min}–${q.scale.max})`;
  return String(value);
}

function TagList({ interview, vocabulary }: { interview: InterviewDraft; vocabulary: Vocabulary }) {
  const tags = interview.tags.filter((t) => t.driverIds.length + t.touchpointIds.length > 0);
  if (tags.length === 0) return null;
  return (
    <div className="tags">
      {tags.flatMap((t) => [
        ...t.driverIds.map((id) => (
          <span key={`${t.subject}d${id}`} className="tag tag--driver">
            <span className="visually-hidden">Driver: </span>
            {vocabulary.driverName(id)}
          </span>
        )),
        ...t.touchpointIds.map((id) => (
          <span key={`${t.subject}t${id}`} className="tag tag--touchpoint">
            <span className="visually-hidden">Touchpoint: </span>
            {vocabulary.touchpointName(id)}
          </span>
        )),
      ])}
    </div>
  );
}

/** One interview as recorded: what was asked and answered, tags, notes, follow-up and score corrections. */
export function InterviewRecordScreen({ id }: { id: string }) {
  const fmt = useFormat();
  const vocabulary = useVocabulary();
  const interview = useQuery(() => api.interviews.get({ interviewId: id }), [id]);
  const guideId = interview.data?.guideId ?? null;
  const guide = useQuery(() => (guideId ? api.guides.get({ id: guideId }) : Promise.resolve(null)), [guideId]);
  const [correcting, setCorrecting] = useState(false);
  const accountId = interview.data?.accountId ?? null;
  const account = useQuery(() => (accountId ? api.accounts.get({ id: accountId }) : Promise.resolve(null)), [accountId]);

  const back = (
    <Link href="/interviews/search" className="back-link">
      <Icon name="arrowLeft" size={16} />
      Search
    </Link>
  );
  if (!interview.data) {
    if (interview.error instanceof ApiError && interview.error.code === 'not_found') {
      return (
        <div className="page">
          {back}
          <EmptyState icon="message" title="This interview is not here any more">
            <p>It may have been removed, here or in another window.</p>
          </EmptyState>
        </div>
      );
    }
    return <div className="page">{back}{interview.error ? <InlineError error={interview.error} onRetry={interview.reload} what="the interview" /> : <Loading label="Loading the interview…" />}</div>;
  }

  const i = interview.data;
  const questions = guide.data?.questions ?? [];
  const who = [i.contactRole ? ROLE_LABELS[i.contactRole] : null, i.contactLevel ? LEVEL_LABELS[i.contactLevel] : null].filter(Boolean).join(' · ');
  const answered = new Set(questions.map((q) => q.id));
  return (
    <div className="page interview-record">
      {back}
      <header className="page-header">
        <div>
          <h1 className="page-header__title">
            {i.contactName ?? 'Unknown stakeholder'} <NpsChip score={i.nps} showLabel />
          </h1>
          <p className="page-header__subtitle">
            <Link href={`/accounts/${i.accountId}`}>{account.data?.name ?? 'Account page'}</Link>
            {who ? ` · ${who}` : ''} · {i.status === 'complete' ? `interviewed ${formatDateTime(i.interviewedAt, fmt.locale)}` : 'draft'}
            {i.interviewer ? ` · by ${i.interviewer}` : ''}
            {guide.data ? ` · ${guide.data.name}, version ${guide.data.version}` : ''}
          </p>
        </div>
        <div className="page-header__actions">
          {i.sessionId && i.status === 'draft' ? (
            <Link href={`/interviews/session/${i.sessionId}`} className="button button--primary">
              Continue in the session
            </Link>
          ) : null}
          {i.status === 'complete' ? (
            <button type="button" className="button button--secondary" onClick={() => setCorrecting(true)}>
              Correct a score
            </button>
          ) : null}
          {i.followUpActionId ? (
            <Link href="/interviews/follow-ups" className="button button--secondary">
              <Icon name="flag" size={14} />
              Follow-up in queue
            </Link>
          ) : null}
        </div>
      </header>
      <div className="interview-record__grid">
        <section className="card" aria-labelledby="record-answers">
          <div className="card__header">
            <h2 className="card__title" id="record-answers">
              Answers
            </h2>
          </div>
          <div className="card__body">
            {i.verbatim ? <blockquote className="record-verbatim">“{i.verbatim}”</blockquote> : null}
            <dl className="record-answers">
              {questions.filter((q) => !(q.field === 'verbatim' && i.verbatim)).map((q) => (
                <div key={q.id} className="record-answers__row">
                  <dt>{q.prompt}</dt>
                  <dd className={i.answers[q.id] === undefined ? 'muted' : undefined}>{answerText(q, i.answers[q.id], vocabulary)}</dd>
                </div>
              ))}
              {(guide.data || !guideId ? Object.keys(i.answers) : [])
                .filter((k) => !answered.has(k))
                .map((k) => (
                  <div key={k} className="record-answers__row">
                    <dt>Question no longer in the guide</dt>
                    <dd>{JSON.stringify(i.answers[k])}</dd>
                  </div>
                ))}
              {i.csat !== null && !questions.some((q) => q.field === 'csat') ? (
                <div className="record-answers__row">
                  <dt>CSAT</dt>
                  <dd>{i.csat}</dd>
                </div>
              ) : null}
              {i.driverRatings.length > 0 && !questions.some((q) => q.kind === 'driver_ratings') ? (
                <div className="record-answers__row">
                  <dt>Driver ratings</dt>
                  <dd>{i.driverRatings.map((r) => `${vocabulary.driverName(r.driverId)}: ${r.rating}`).join(' · ')}</dd>
                </div>
              ) : null}
            </dl>
          </div>
        </section>
        <div className="stack-lg">
          <section className="card" aria-labelledby="record-context">
            <div className="card__header">
              <h2 className="card__title" id="record-context">
                Context
              </h2>
            </div>
            <div className="card__body stack">
              <dl className="definition-list">
                <dt>Touchpoint</dt>
                <dd>{i.touchpointId ? vocabulary.touchpointName(i.touchpointId) : 'None (relationship)'}</dd>
                <dt>Sentiment</dt>
                <dd>
                  {sentimentWords(i.effectiveSentiment)}
                  {i.sentimentOverride !== null ? ' · set by the interviewer' : ''}
                </dd>
              </dl>
              <TagList interview={i} vocabulary={vocabulary} />
              {i.notes ? <p className="record-notes">{i.notes}</p> : <p className="muted">No interviewer notes.</p>}
              {i.correctionCount > 0 ? <CorrectionsHistory key={i.updatedAt} interviewId={i.id} driverName={vocabulary.driverName} /> : i.status === 'complete' ? <p className="muted">No score was corrected.</p> : null}
            </div>
          </section>
        </div>
      </div>
      {correcting ? (
        <CorrectScoreDialog
          interview={i}
          drivers={vocabulary.drivers}
          onClose={() => setCorrecting(false)}
          onCorrected={(result) => {
            setCorrecting(false);
            interview.reload();
            showToast(result.followUp ? `Score corrected. Follow-up opened: ${result.followUp.title}.` : 'Score corrected.', 'success');
          }}
        />
      ) : null}
    </div>
  );
}
