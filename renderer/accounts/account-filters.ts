import type { AccountTier } from '../../shared/domain/accounts';
import type { InputOf } from '../../shared/contract';
import type { AccountSort } from './account-sort';

export interface AccountFilters {
  industry: string;
  tier: AccountTier | '';
  region: string;
  owner: string;
}

export const NO_FILTERS: AccountFilters = { industry: '', tier: '', region: '', owner: '' };

export function activeFilterCount(filters: AccountFilters): number {
  return Object.values(filters).filter((v) => v !== '').length;
}

/** The list request for one page: empty filters are left out rather than sent as "". */
export function listInput(search: string, filters: AccountFilters, sort: AccountSort, offset: number, limit: number): InputOf<'accounts.list'> {
  const input: InputOf<'accounts.list'> = { offset, limit, sort: sort.field, direction: sort.direction };
  const trimmed = search.trim();
  if (trimmed) input.search = trimmed.slice(0, 200);
  if (filters.industry) input.industry = filters.industry;
  if (filters.tier) input.tier = filters.tier;
  if (filters.region) input.region = filters.region;
  if (filters.owner) input.owner = filters.owner;
  return input;
}
