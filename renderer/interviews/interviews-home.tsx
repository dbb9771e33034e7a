import { Link } from 'wouter';
import type { SessionSummary } from '../../shared/contract';
import { api } from '../api';
import { formatDateTime } from '../app/format-extra';
import { useFormat } from '../app/use-format';
import { useQuery } from '../app/use-query';
import { EmptyState } from '../components/empty-state';
import { Icon } from '../components/icons';
import { InlineError } from '../components/inline-error';
import { Loading } from '../components/loading';
import { InterviewsNav } from './interviews-nav';

function OpenSessionCard({ s, locale }: { s: SessionSummary; locale: string }) {
  const left = s.stakeholderCount - s.completedCount;
  return (
    <li className="card resume-card">
      <div className="resume-card__body">
        <h3 className="resume-card__account">{s.accountName}</h3>
        <p className="resume-card__meta">
          {s.guideName ?? 'No guide'} · {s.completedCount} of {s.stakeholderCount} complete{left > 0 ? `, ${left} to go` : ''}
        </p>
        <p className="resume-card__meta">Last typed {formatDateTime(s.updatedAt, locale)}</p>
      </div>
      <Link href={`/interviews/session/${s.id}`} className="button button--primary" aria-label={`Resume the session at ${s.accountName}`}>
        Resume
        <Icon name="chevronRight" size={16} />
      </Link>
    </li>
  );
}

/** The Interviews area: sessions still open (resume where you left off), then the ones already finished. */
export function InterviewsHome() {
  const fmt = useFormat();
  const open = useQuery(() => api.interviews.sessions({ status: 'open', limit: 20 }), []);
  const finished = useQuery(() => api.interviews.sessions({ status: 'finished', limit: 30 }), []);

  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1 className="page-header__title">Interviews</h1>
          <p className="page-header__subtitle">Stakeholder interviews, on site and offline: every word is saved as you type.</p>
        </div>
        <div className="page-header__actions">
          <Link href="/interviews/start" className="button button--primary">
            <Icon name="plus" size={16} />
            Start a session
          </Link>
        </div>
      </header>
      <InterviewsNav />

      {open.error ? <InlineError error={open.error} onRetry={open.reload} what="open sessions" /> : null}
      {!open.data && !open.error ? <Loading label="Loading sessions…" /> : null}
      {open.data && open.data.length > 0 ? (
        <section aria-labelledby="open-sessions" className="stack">
          <h2 id="open-sessions" className="section-title">
            Open sessions <span className="card__count">{open.data.length}</span>
          </h2>
          <ul className="resume-list">
            {open.data.map((s) => (
              <OpenSessionCard key={s.id} s={s} locale={fmt.locale} />
            ))}
          </ul>
        </section>
      ) : null}
      {open.data && open.data.length === 0 && finished.data && finished.data.length === 0 ? (
        <EmptyState
          icon="interviews"
          title="No interview sessions yet"
          actions={
            <Link href="/interviews/start" className="button button--primary">
              Start a session
            </Link>
          }
        >
          <p>A session is a day of interviews at one account: pick the stakeholders you will see, then go through them one after another with the keyboard.</p>
          <p>Answers are saved as you type, so closing the laptop loses nothing.</p>
        </EmptyState>
      ) : null}

      {finished.data && finished.data.length > 0 ? (
        <section aria-labelledby="finished-sessions" className="card finished-sessions">
          <div className="card__header">
            <h2 id="finished-sessions" className="card__title">
              Finished sessions <span className="card__count">{finished.data.length}</span>
            </h2>
          </div>
          <div className="card__body card__body--flush table-scroll">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">Account</th>
                  <th scope="col">Guide</th>
                  <th scope="col">Interviewer</th>
                  <th scope="col" className="align-end">
                    Complete
                  </th>
                  <th scope="col">Finished</th>
                </tr>
              </thead>
              <tbody>
                {finished.data.map((s) => (
                  <tr key={s.id}>
                    <td className="cell-primary">
                      <Link href={`/interviews/session/${s.id}`}>{s.accountName}</Link>
                    </td>
                    <td>{s.guideName ?? '—'}</td>
                    <td>{s.interviewer ?? '—'}</td>
                    <td className="align-end">
                      {s.completedCount} of {s.stakeholderCount}
                    </td>
                    <td>{fmt.date(s.finishedAt?.slice(0, 10))}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
      {finished.error ? <InlineError error={finished.error} onRetry={finished.reload} what="finished sessions" /> : null}
    </div>
  );
}
