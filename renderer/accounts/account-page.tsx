import { useEffect, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { ApiError } from '../../shared/contract/errors';
import { api } from '../api';
import { useQuery } from '../app/use-query';
import { useFormat } from '../app/use-format';
import { isTypingTarget } from '../app/platform';
import { showToast } from '../state/toast-store';
import { EmptyState } from '../components/empty-state';
import { Icon } from '../components/icons';
import { InlineError } from '../components/inline-error';
import { Loading } from '../components/loading';
import { AccountHeader } from './account-header';
import { AccountFormDialog } from './account-form-dialog';
import { AccountTimeline } from './account-timeline';
import { ArrHistoryCard } from './arr-history-card';
import { ContactsSection } from './contacts-section';
import { deleteAccountWithUndo } from './soft-delete';
import { AccountFollowUps } from '../actions/account-follow-ups';
import { AccountMetricsSection } from '../monetization/account-metrics-section';

function BackLink() {
  return (
    <Link href="/accounts" className="back-link">
      <Icon name="arrowLeft" size={16} />
      Accounts
    </Link>
  );
}

/** Account 360: who, worth, when it renews, who we talk to, and what happened. */
export function AccountPage({ id }: { id: string }) {
  const fmt = useFormat();
  const [, navigate] = useLocation();
  const account = useQuery(() => api.accounts.get({ id }), [id]);
  const [editing, setEditing] = useState(false);

  // Escape goes back to the list (where the list's search, filters and scroll are kept).
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented || document.querySelector('dialog[open]') || isTypingTarget(event.target)) return;
      navigate('/accounts');
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [navigate]);

  if (!account.data) {
    if (account.error instanceof ApiError && account.error.code === 'not_found') {
      return (
        <div className="page">
          <BackLink />
          <EmptyState
            icon="accounts"
            title="This account is not here any more"
            actions={
              <Link href="/accounts" className="button button--primary">
                Back to accounts
              </Link>
            }
          >
            <p>It may have been deleted, here or in another window.</p>
          </EmptyState>
        </div>
      );
    }
    return (
      <div className="page">
        <BackLink />
        {account.error ? <InlineError error={account.error} onRetry={account.reload} what="this account" /> : <Loading label="Loading the account…" />}
      </div>
    );
  }

  const detail = account.data;

  const remove = async () => {
    try {
      await deleteAccountWithUndo(detail, () => navigate(`/accounts/${detail.id}`));
      navigate('/accounts');
    } catch (err) {
      showToast(`Could not delete ${detail.name}: ${err instanceof Error ? err.message : String(err)}`, 'error');
    }
  };

  return (
    <div className="page account-page">
      <nav aria-label="Breadcrumb" className="account-page__crumbs">
        <BackLink />
      </nav>
      {account.error ? <InlineError error={account.error} onRetry={account.reload} what="the latest changes" /> : null}
      <AccountHeader account={detail} onEdit={() => setEditing(true)} onDelete={() => void remove()} />
      <ContactsSection account={detail} onChanged={account.reload} />
      <AccountFollowUps accountId={detail.id} />
      <AccountMetricsSection accountId={detail.id} />
      <div className="account-page__columns">
        <AccountTimeline items={detail.timeline} />
        <div className="stack-lg">
          <ArrHistoryCard account={detail} />
          {detail.notes ? (
            <section className="card" aria-labelledby="notes-title">
              <div className="card__header">
                <h2 id="notes-title" className="card__title">
                  Notes
                </h2>
              </div>
              <p className="card__body account-page__notes">{detail.notes}</p>
            </section>
          ) : null}
          <p className="account-page__stamp">
            Added {fmt.date(detail.createdAt.slice(0, 10))} · last changed {fmt.date(detail.updatedAt.slice(0, 10))}
          </p>
        </div>
      </div>
      {editing ? (
        <AccountFormDialog
          account={detail}
          onClose={() => setEditing(false)}
          onSaved={(saved) => {
            setEditing(false);
            showToast(`Saved ${saved.name}`, 'success');
            account.reload();
          }}
        />
      ) : null}
    </div>
  );
}
