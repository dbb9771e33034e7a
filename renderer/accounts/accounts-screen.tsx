import { useCallback, useEffect, useState } from 'react';
import { useLocation } from 'wouter';
import type { AccountRow } from '../../shared/contract';
import { api } from '../api';
import { useQuery } from '../app/use-query';
import { useFormat } from '../app/use-format';
import { hasModKey, isTypingTarget, modKeyLabel } from '../app/platform';
import { useAccountsView } from '../state/accounts-view-store';
import { EmptyState } from '../components/empty-state';
import { Icon } from '../components/icons';
import { InlineError } from '../components/inline-error';
import { Loading } from '../components/loading';
import { AccountsFilterBar } from './accounts-filter-bar';
import { AccountsGrid } from './accounts-grid';
import { AccountFormDialog } from './account-form-dialog';
import { activeFilterCount } from './account-filters';
import { useAccountPages } from './use-account-pages';
import { useDebounced } from './use-debounced';

const SEARCH_DEBOUNCE_MS = 150;

export function AccountsScreen() {
  const fmt = useFormat();
  const [, navigate] = useLocation();
  const rawSearch = useAccountsView((s) => s.search);
  const filters = useAccountsView((s) => s.filters);
  const sort = useAccountsView((s) => s.sort);
  const activeIndex = useAccountsView((s) => s.activeIndex);
  const { sortBy, setActiveIndex, setScrollTop, clearFilters } = useAccountsView.getState();
  const search = useDebounced(rawSearch, SEARCH_DEBOUNCE_MS);
  const facets = useQuery(() => api.accounts.facets(), []);
  const pages = useAccountPages(search, filters, sort, activeIndex);
  const [creating, setCreating] = useState(false);
  // Read once, not subscribed: scrolling must not re-render the screen, and coming back from an
  // account page puts the scroll position and the keyboard back where they were.
  const [arrival] = useState(() => ({ returnFocus: useAccountsView.getState().returnFocus }));

  useEffect(() => {
    useAccountsView.getState().setReturnFocus(false);
  }, []);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (document.querySelector('dialog[open]')) return;
      const plainN = event.key === 'n' && !event.ctrlKey && !event.metaKey && !event.altKey && !isTypingTarget(event.target);
      const modN = event.key.toLowerCase() === 'n' && hasModKey(event) && !event.shiftKey && !event.altKey;
      if (plainN || modN) {
        event.preventDefault();
        setCreating(true);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  const openAccount = useCallback(
    (row: AccountRow) => {
      useAccountsView.getState().setReturnFocus(true);
      navigate(`/accounts/${row.id}`);
    },
    [navigate],
  );

  const filtered = activeFilterCount(filters) > 0 || search.trim() !== '';
  const totalAccounts = facets.data?.totalAccounts;
  const countText =
    pages.total === null
      ? 'Loading accounts…'
      : filtered && totalAccounts !== undefined
        ? `${fmt.number(pages.total)} of ${fmt.number(totalAccounts)} accounts`
        : `${fmt.number(pages.total)} ${pages.total === 1 ? 'account' : 'accounts'}`;

  let body;
  if (pages.error && pages.total === null) {
    body = (
      <div className="accounts-screen__message">
        <InlineError error={pages.error} onRetry={pages.retry} what="the accounts" />
      </div>
    );
  } else if (pages.total === null) {
    body = <Loading label="Loading accounts…" />;
  } else if (pages.total === 0 && !filtered) {
    body = (
      <EmptyState
        icon="accounts"
        title="No accounts yet"
        actions={
          <button type="button" className="button button--primary" onClick={() => setCreating(true)}>
            <Icon name="plus" size={16} />
            New account
          </button>
        }
      >
        <p>Accounts are the companies you serve. Add one with its ARR and renewal date, then the people you talk to there.</p>
        <p>Importing a list from your CRM arrives with Import/Export in a later release.</p>
      </EmptyState>
    );
  } else if (pages.total === 0) {
    body = (
      <EmptyState
        icon="search"
        title={search.trim() ? `No accounts match “${search.trim()}”` : 'No accounts match these filters'}
        actions={
          <button type="button" className="button button--secondary" onClick={clearFilters}>
            Show all accounts
          </button>
        }
      >
        <p>Search looks at account names, owners, industries, regions and external ids. Try fewer letters or another filter.</p>
      </EmptyState>
    );
  } else {
    body = (
      <AccountsGrid
        total={pages.total}
        rowAt={pages.rowAt}
        ensureRange={pages.ensureRange}
        sort={sort}
        onSort={sortBy}
        activeIndex={activeIndex}
        onActiveIndex={setActiveIndex}
        onOpen={openAccount}
        initialScrollTop={useAccountsView.getState().scrollTop}
        resultKey={JSON.stringify([search, filters, sort])}
        stale={pages.stale}
        onScrollTop={setScrollTop}
        autoFocus={arrival.returnFocus}
        label={`Accounts, ${countText}`}
      />
    );
  }

  return (
    <div className="accounts-screen">
      <header className="page-header accounts-screen__header">
        <div>
          <h1 className="page-header__title">Accounts</h1>
          <p className="page-header__subtitle" role="status" aria-live="polite">
            {countText}
          </p>
        </div>
        <div className="page-header__actions">
          <button type="button" className="button button--primary" onClick={() => setCreating(true)} aria-keyshortcuts="N">
            <Icon name="plus" size={16} />
            New account
            <kbd aria-hidden="true">N</kbd>
          </button>
        </div>
      </header>
      {facets.data?.totalAccounts === 0 && !filtered ? null : <AccountsFilterBar facets={facets.data} />}
      {pages.error && pages.total !== null ? (
        <div className="accounts-screen__message">
          <InlineError error={pages.error} onRetry={pages.retry} what="some accounts" />
        </div>
      ) : null}
      <div className="accounts-screen__body">{body}</div>
      <p className="accounts-screen__hint" aria-hidden="true" hidden={!pages.total}>
        <kbd>↑</kbd>
        <kbd>↓</kbd> move <kbd>Enter</kbd> open <kbd>N</kbd> new account <kbd>{modKeyLabel}</kbd>
        <kbd>K</kbd> search
      </p>
      {creating ? (
        <AccountFormDialog
          onClose={() => setCreating(false)}
          onSaved={(account) => {
            setCreating(false);
            navigate(`/accounts/${account.id}`);
          }}
        />
      ) : null}
    </div>
  );
}
