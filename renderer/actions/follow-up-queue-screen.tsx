import { useState } from 'react';
import type { ActionRow, ActionStatus } from '../../shared/contract';
import { api } from '../api';
import { useFormat } from '../app/use-format';
import { useQuery } from '../app/use-query';
import { EmptyState } from '../components/empty-state';
import { InlineError } from '../components/inline-error';
import { Loading } from '../components/loading';
import { showToast } from '../state/toast-store';
import { InterviewsNav } from '../interviews/interviews-nav';
import { ActionDialog } from './action-dialog';
import { ActionsTable } from './actions-table';
import { LoopKpis } from './loop-kpis';

type DueFilter = 'all' | 'overdue' | 'due_soon';
type StatusFilter = 'active' | 'closed';
/** undefined: everyone; null: nobody owns it yet. */
type OwnerFilter = string | null | undefined;

const PAGE = 100;

/** Close the loop: every follow-up not closed, most urgent first, by owner, with its status changed in place. */
export function FollowUpQueueScreen() {
  const fmt = useFormat();
  const [due, setDue] = useState<DueFilter>('all');
  const [statusFilter, setStatusFilter] = useState<StatusFilter>('active');
  const [owner, setOwner] = useState<OwnerFilter>(undefined);
  const [limit, setLimit] = useState(PAGE);
  const [editing, setEditing] = useState<{ action: ActionRow; status?: ActionStatus } | null>(null);
  const statuses: ActionStatus[] = statusFilter === 'active' ? ['open', 'contacted'] : ['closed'];
  const queue = useQuery(
    () => api.actions.queue({ statuses, due: due === 'all' || statusFilter === 'closed' ? undefined : due, owner, limit }),
    [due, statusFilter, owner, limit],
  );
  const kpis = useQuery(() => api.actions.kpis(owner ? { owner } : {}), [owner]);

  const quick = async (action: ActionRow, status: ActionStatus) => {
    if (status === 'closed' && !action.outcome) {
      setEditing({ action, status });
      return;
    }
    try {
      const saved = await api.actions.update({ id: action.id, patch: { status } });
      showToast(`${saved.title}: ${status === 'contacted' ? 'marked contacted' : status === 'open' ? 'reopened' : 'closed'}.`, 'success');
      queue.reload();
    } catch (err) {
      showToast(err instanceof Error ? err.message : String(err), 'error');
    }
  };

  const data = queue.data;
  const owners = data?.byOwner ?? [];
  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1 className="page-header__title">Follow-ups</h1>
          <p className="page-header__subtitle">Close the loop: first contact within the target, done within the close target.</p>
        </div>
      </header>
      <InterviewsNav />
      {queue.error ? <InlineError error={queue.error} onRetry={queue.reload} what="the follow-up queue" /> : null}
      {!data && !queue.error ? <Loading label="Loading the queue…" /> : null}
      {data ? (
        <>
          <LoopKpis queue={data} kpis={kpis.data} locale={fmt.locale} />
          <div className="queue-filters">
            <div className="filter-chips" role="group" aria-label="Status">
              <button type="button" className="filter-chip" aria-pressed={statusFilter === 'active'} onClick={() => setStatusFilter('active')}>
                Not closed
              </button>
              <button type="button" className="filter-chip" aria-pressed={statusFilter === 'closed'} onClick={() => setStatusFilter('closed')}>
                Closed
              </button>
            </div>
            {statusFilter === 'active' ? (
              <div className="filter-chips" role="group" aria-label="Due">
                <button type="button" className="filter-chip" aria-pressed={due === 'all'} onClick={() => setDue('all')}>
                  Any due date
                </button>
                <button type="button" className="filter-chip" aria-pressed={due === 'overdue'} onClick={() => setDue('overdue')}>
                  Overdue <span className="filter-chip__count">{data.summary.overdue}</span>
                </button>
                <button type="button" className="filter-chip" aria-pressed={due === 'due_soon'} onClick={() => setDue('due_soon')}>
                  Due soon <span className="filter-chip__count">{data.summary.dueSoon}</span>
                </button>
              </div>
            ) : null}
            <span className="queue-filters__count" role="status">
              {data.total} follow-up{data.total === 1 ? '' : 's'}
            </span>
          </div>
          {owners.length > 0 ? (
            <div className="owner-strip" role="group" aria-label="By owner">
              <span className="owner-strip__label" aria-hidden="true">
                By owner
              </span>
              {owners.map((o) => (
                <button key={o.owner ?? '__none'} type="button" className="owner-chip" aria-pressed={owner === o.owner} onClick={() => setOwner(owner === o.owner ? undefined : o.owner)}>
                  <span className="owner-chip__name">{o.owner ?? 'Nobody yet'}</span>
                  <span className="owner-chip__count">{o.open} open</span>
                  {o.overdue > 0 ? <span className="badge badge--danger">{o.overdue} overdue</span> : null}
                  {o.dueSoon > 0 ? <span className="badge badge--warning">{o.dueSoon} soon</span> : null}
                </button>
              ))}
              {owner !== undefined && !owners.some((o) => o.owner === owner) ? (
                <button type="button" className="owner-chip" aria-pressed onClick={() => setOwner(undefined)}>
                  <span className="owner-chip__name">{owner ?? 'Nobody yet'}</span>
                </button>
              ) : null}
            </div>
          ) : null}
          <section className="card" aria-label="Follow-up queue">
            {data.rows.length === 0 ? (
              <EmptyState icon="checkCircle" title={statusFilter === 'closed' ? 'No closed follow-ups yet' : due === 'all' ? 'Nothing waiting' : 'Nothing in this group'} headingLevel={2}>
                <p>
                  {statusFilter === 'closed'
                    ? 'Follow-ups closed with an outcome appear here.'
                    : 'Completing an interview with a detractor score opens a follow-up here. You can also mark one during an interview.'}
                </p>
              </EmptyState>
            ) : (
              <ActionsTable rows={data.rows} asOf={data.asOf} onOpen={(action) => setEditing({ action })} onQuick={(a, s) => void quick(a, s)} />
            )}
            {data.total > data.rows.length ? (
              <div className="queue-more">
                <button type="button" className="button button--secondary" onClick={() => setLimit((l) => l + PAGE)}>
                  Show more ({data.total - data.rows.length} left)
                </button>
              </div>
            ) : null}
          </section>
        </>
      ) : null}
      {editing ? (
        <ActionDialog
          action={editing.action}
          initialStatus={editing.status}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            showToast(`Saved: ${saved.title}`, 'success');
            queue.reload();
          }}
        />
      ) : null}
    </div>
  );
}
