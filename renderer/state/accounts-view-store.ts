import { create } from 'zustand';
import type { AccountSortField } from '../../shared/domain/accounts';
import { DEFAULT_ACCOUNT_SORT, toggleSort } from '../accounts/account-sort';
import type { AccountSort } from '../accounts/account-sort';
import { NO_FILTERS } from '../accounts/account-filters';
import type { AccountFilters } from '../accounts/account-filters';

/**
 * How the person left the accounts list: search, filters, sort, scroll and the active row survive
 * a visit to an account page. UI state only; the rows themselves are always fetched.
 */
interface AccountsViewState {
  search: string;
  filters: AccountFilters;
  sort: AccountSort;
  scrollTop: number;
  activeIndex: number;
  /** Set when an account was opened from the list, so coming back puts the keyboard where it was. */
  returnFocus: boolean;
  setSearch(search: string): void;
  setFilter<K extends keyof AccountFilters>(key: K, value: AccountFilters[K]): void;
  clearFilters(): void;
  sortBy(field: AccountSortField): void;
  setScrollTop(scrollTop: number): void;
  setActiveIndex(index: number): void;
  setReturnFocus(value: boolean): void;
  reset(): void;
}

const initial = {
  search: '',
  filters: NO_FILTERS,
  sort: DEFAULT_ACCOUNT_SORT,
  scrollTop: 0,
  activeIndex: 0,
  returnFocus: false,
};

/** A new result set starts at the top. */
const freshList = { scrollTop: 0, activeIndex: 0 };

export const useAccountsView = create<AccountsViewState>()((set) => ({
  ...initial,
  setSearch: (search) => set({ search, ...freshList }),
  setFilter: (key, value) => set((s) => ({ filters: { ...s.filters, [key]: value }, ...freshList })),
  clearFilters: () => set({ filters: NO_FILTERS, search: '', ...freshList }),
  sortBy: (field) => set((s) => ({ sort: toggleSort(s.sort, field), ...freshList })),
  setScrollTop: (scrollTop) => set({ scrollTop }),
  setActiveIndex: (activeIndex) => set({ activeIndex }),
  setReturnFocus: (returnFocus) => set({ returnFocus }),
  reset: () => set(initial),
}));
