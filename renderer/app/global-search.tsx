import { useLocation } from 'wouter';
import { useAccountsView } from '../state/accounts-view-store';
import { GLOBAL_SEARCH_ID } from './use-global-shortcuts';
import { modKeyLabel } from './platform';
import { Icon } from '../components/icons';
import { useTextSearch } from '../search/search-store';

/** Focuses the accounts grid, so arrow keys continue where typing stopped. */
function focusAccountsGrid(): void {
  document.querySelector<HTMLElement>('[data-accounts-grid]')?.focus();
}

/** One search for the whole app; today it filters accounts, wherever the person typed it. */
export function GlobalSearch() {
  const search = useAccountsView((s) => s.search);
  const setSearch = useAccountsView((s) => s.setSearch);
  const [location, navigate] = useLocation();

  return (
    <div className="global-search" role="search">
      <Icon name="search" size={16} />
      <input
        id={GLOBAL_SEARCH_ID}
        type="search"
        className="global-search__input"
        placeholder="Search accounts by name, owner, industry…"
        aria-label="Search accounts"
        title="Enter: accounts · Shift+Enter: search interviews, notes and outcomes"
        aria-keyshortcuts={modKeyLabel === '⌘' ? 'Meta+K' : 'Control+K'}
        autoComplete="off"
        spellCheck={false}
        value={search}
        onChange={(event) => {
          setSearch(event.target.value);
          if (location !== '/accounts') navigate('/accounts');
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && event.shiftKey && search.trim()) {
            // Shift+Enter searches what people said (verbatims, notes, outcomes) instead of account names.
            event.preventDefault();
            useTextSearch.getState().setText(search);
            navigate('/interviews/search');
          } else if (event.key === 'Escape' && search) {
            event.preventDefault();
            setSearch('');
          } else if (event.key === 'ArrowDown' || event.key === 'Enter') {
            event.preventDefault();
            if (location !== '/accounts') navigate('/accounts');
            setTimeout(focusAccountsGrid, 0);
          }
        }}
      />
      {search ? (
        <button type="button" className="icon-button global-search__clear" aria-label="Clear search" onClick={() => setSearch('')} style={{ width: 26, height: 26 }}>
          <Icon name="close" size={14} />
        </button>
      ) : (
        <span className="global-search__hint" aria-hidden="true">
          <kbd>{modKeyLabel}</kbd>
          <kbd>K</kbd>
        </span>
      )}
    </div>
  );
}
