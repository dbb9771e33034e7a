import { useEffect, useRef, useState } from 'react';
import { Link, useLocation } from 'wouter';
import type { SessionStakeholder, SessionView } from '../../shared/contract';
import { ApiError } from '../../shared/contract/errors';
import { api } from '../api';
import { useFormat } from '../app/use-format';
import { useQuery } from '../app/use-query';
import { EmptyState } from '../components/empty-state';
import { Icon } from '../components/icons';
import { InlineError } from '../components/inline-error';
import { Loading } from '../components/loading';
import { showToast } from '../state/toast-store';
import { AddStakeholdersDialog } from './add-stakeholders-dialog';
import { FinishSessionDialog } from './finish-session-dialog';
import { SessionRail } from './session-rail';
import { StakeholderForm } from './stakeholder-form';
import { useVocabulary } from './use-vocabulary';

function BackLink() {
  return (
    <Link href="/interviews" className="back-link">
      <Icon name="arrowLeft" size={16} />
      Interviews
    </Link>
  );
}

/**
 * Interview mode: one account, today's stakeholders one after another. The session (who is current) lives in
 * the database, so a reload or a restart comes back to the same person with what was typed.
 */
export function SessionScreen({ id }: { id: string }) {
  const fmt = useFormat();
  const [, navigate] = useLocation();
  const query = useQuery(() => api.interviews.session({ sessionId: id }), [id]);
  const vocabulary = useVocabulary();
  const [view, setView] = useState<SessionView | null>(null);
  const [dialog, setDialog] = useState<'add' | 'finish' | null>(null);
  const flushRef = useRef<(() => Promise<boolean>) | null>(null);

  // A refetch that started before a step was taken must not move the screen back to the previous person.
  useEffect(() => {
    const fresh = query.data;
    if (fresh) setView((shown) => (!shown || shown.session.id !== fresh.session.id || fresh.session.updatedAt >= shown.session.updatedAt ? fresh : shown));
  }, [query.data]);

  if (!view) {
    if (query.error instanceof ApiError && query.error.code === 'not_found') {
      return (
        <div className="page">
          <BackLink />
          <EmptyState icon="interviews" title="This session is not here any more" actions={<Link href="/interviews" className="button button--primary">Back to interviews</Link>}>
            <p>It may have been removed in another window.</p>
          </EmptyState>
        </div>
      );
    }
    return <div className="page">{query.error ? <InlineError error={query.error} onRetry={query.reload} what="the session" /> : <Loading label="Opening the session…" />}</div>;
  }

  const { session, stakeholders, currentIndex, current } = view;
  const step = async (change: () => Promise<SessionView>) => {
    try {
      // What was typed for the person on screen is stored before the screen moves on.
      await flushRef.current?.();
      setView(await change());
    } catch (err) {
      showToast(err instanceof Error ? err.message : String(err), 'error');
    }
  };
  const goTo = (interviewId: string) => void step(() => api.interviews.goTo({ sessionId: session.id, interviewId }));
  const move = (direction: 'next' | 'previous') => {
    const atEdge = direction === 'next' ? currentIndex === stakeholders.length - 1 : currentIndex === 0;
    if (atEdge) showToast(direction === 'next' ? 'That was the last stakeholder of the day.' : 'This is the first stakeholder of the day.');
    else void step(() => api.interviews.navigate({ sessionId: session.id, direction }));
  };
  const remove = (s: SessionStakeholder) => void step(() => api.interviews.removeStakeholder({ sessionId: session.id, interviewId: s.interviewId }));
  const allDone = stakeholders.length > 0 && stakeholders.every((s) => s.status === 'complete');
  const progress = stakeholders.length > 0 ? session.completedCount / stakeholders.length : 0;

  return (
    <div className="session-screen">
      <header className="session-head">
        <div className="session-head__title">
          <BackLink />
          <h1 className="session-head__account">
            <Link href={`/accounts/${session.accountId}`}>{session.accountName}</Link>
          </h1>
          <p className="session-head__meta">
            {session.guideName ?? 'No guide'}
            {session.guideVersion ? ` · version ${session.guideVersion}` : ''}
            {session.interviewer ? ` · ${session.interviewer}` : ''} · started {fmt.date(session.startedAt.slice(0, 10))}
          </p>
        </div>
        <div className="session-head__progress">
          <span>
            {session.completedCount} of {stakeholders.length} complete
          </span>
          <progress max={1} value={progress} aria-label="Interviews complete" />
        </div>
        <div className="session-head__actions">
          {session.status === 'open' ? (
            <button type="button" className={`button ${allDone ? 'button--primary' : 'button--secondary'}`} onClick={() => setDialog('finish')}>
              Finish session
            </button>
          ) : (
            <span className="badge">Finished {fmt.date(session.finishedAt?.slice(0, 10))}</span>
          )}
        </div>
      </header>
      {query.error ? <InlineError error={query.error} onRetry={query.reload} what="the latest session changes" /> : null}
      <div className="session-body">
        <SessionRail stakeholders={stakeholders} currentIndex={currentIndex} onGoTo={goTo} onRemove={remove} onAdd={() => setDialog('add')} />
        <div className="session-main">
          {allDone && session.status === 'open' ? (
            <div className="callout session-done" role="status">
              <Icon name="checkCircle" />
              <span>Everyone on today’s list is done. Finish the session when you are ready, or add someone else.</span>
            </div>
          ) : null}
          {current ? (
            <StakeholderForm
              key={current.id}
              interview={current}
              guide={view.guide}
              vocabulary={vocabulary}
              position={`Stakeholder ${(currentIndex ?? 0) + 1} of ${stakeholders.length}`}
              onStep={move}
              flushRef={flushRef}
              onCompleted={(result) => {
                if (result.session) setView(result.session);
              }}
            />
          ) : (
            <EmptyState icon="users" title="Nobody on today’s list" actions={<button type="button" className="button button--primary" onClick={() => setDialog('add')}>Add a stakeholder</button>}>
              <p>Add the people you will see, or someone you just met.</p>
            </EmptyState>
          )}
        </div>
      </div>
      {dialog === 'add' ? (
        <AddStakeholdersDialog
          view={view}
          onClose={() => setDialog(null)}
          onAdded={(next) => {
            setDialog(null);
            setView(next);
          }}
        />
      ) : null}
      {dialog === 'finish' ? (
        <FinishSessionDialog
          view={view}
          onClose={() => setDialog(null)}
          onFinished={(result) => {
            setDialog(null);
            showToast(`Session finished: ${result.completed} complete${result.draftsKept ? `, ${result.draftsKept} kept as draft` : ''}.`, 'success');
            navigate('/interviews');
          }}
        />
      ) : null}
    </div>
  );
}
