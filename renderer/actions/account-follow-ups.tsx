import { useState } from 'react';
import { Link } from 'wouter';
import type { ActionRow, ActionStatus } from '../../shared/contract';
import { api } from '../api';
import { useQuery } from '../app/use-query';
import { EmptyState } from '../components/empty-state';
import { Icon } from '../components/icons';
import { InlineError } from '../components/inline-error';
import { showToast } from '../state/toast-store';
import { ActionDialog } from './action-dialog';
import { ActionsTable } from './actions-table';

/** The account page's open follow-ups: what the account is still owed, most urgent first. */
export function AccountFollowUps({ accountId }: { accountId: string }) {
  const queue = useQuery(() => api.actions.queue({ accountId, limit: 20 }), [accountId]);
  const [editing, setEditing] = useState<{ action: ActionRow; status?: ActionStatus } | null>(null);

  const quick = async (action: ActionRow, status: ActionStatus) => {
    if (status === 'closed' && !action.outcome) {
      setEditing({ action, status });
      return;
    }
    try {
      await api.actions.update({ id: action.id, patch: { status } });
      queue.reload();
    } catch (err) {
      showToast(err instanceof Error ? err.message : String(err), 'error');
    }
  };

  const data = queue.data;
  return (
    <section className="card" aria-labelledby="account-follow-ups-title">
      <div className="card__header">
        <h2 id="account-follow-ups-title" className="card__title">
          Open follow-ups <span className="card__count">{data?.total ?? ''}</span>
          {data && data.summary.overdue > 0 ? <span className="badge badge--danger">{data.summary.overdue} overdue</span> : null}
        </h2>
        <div className="page-header__actions">
          <Link href={`/interviews/start/${accountId}`} className="button button--secondary button--small">
            <Icon name="interviews" size={14} />
            Start interviews
          </Link>
          <Link href="/interviews/follow-ups" className="button button--ghost button--small">
            All follow-ups
          </Link>
        </div>
      </div>
      <div className="card__body card__body--flush">
        {queue.error ? <InlineError error={queue.error} onRetry={queue.reload} what="follow-ups" /> : null}
        {data && data.rows.length === 0 ? (
          <EmptyState icon="checkCircle" title="No open follow-ups" headingLevel={3}>
            <p>Detractors interviewed at this account get a follow-up here, due by your close-the-loop targets.</p>
          </EmptyState>
        ) : null}
        {data && data.rows.length > 0 ? <ActionsTable rows={data.rows} asOf={data.asOf} hideAccount onOpen={(action) => setEditing({ action })} onQuick={(a, s) => void quick(a, s)} /> : null}
      </div>
      {editing ? (
        <ActionDialog
          action={editing.action}
          initialStatus={editing.status}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            queue.reload();
          }}
        />
      ) : null}
    </section>
  );
}
