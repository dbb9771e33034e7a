import type { AccountSortField } from '../../shared/domain/accounts';

export type SortDirection = 'asc' | 'desc';

export interface AccountSort {
  field: AccountSortField;
  direction: SortDirection;
}

export const DEFAULT_ACCOUNT_SORT: AccountSort = { field: 'name', direction: 'asc' };

/** The direction a column starts in: the biggest ARR and the most recent change are what people look for first. */
const FIRST_DIRECTION: Partial<Record<AccountSortField, SortDirection>> = {
  arr: 'desc',
  updatedAt: 'desc',
};

/** Clicking a column header: the same column flips direction, another column starts in its natural direction. */
export function toggleSort(current: AccountSort, field: AccountSortField): AccountSort {
  if (current.field === field) return { field, direction: current.direction === 'asc' ? 'desc' : 'asc' };
  return { field, direction: FIRST_DIRECTION[field] ?? 'asc' };
}

/** The value of aria-sort on a column header. */
export function ariaSortFor(current: AccountSort, field: AccountSortField): 'ascending' | 'descending' | 'none' {
  if (current.field !== field) return 'none';
  return current.direction === 'asc' ? 'ascending' : 'descending';
}
