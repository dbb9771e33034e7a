import { describe, expect, it } from 'vitest';
import { ariaSortFor, DEFAULT_ACCOUNT_SORT, toggleSort } from '../../../renderer/accounts/account-sort';
import { activeFilterCount, listInput, NO_FILTERS } from '../../../renderer/accounts/account-filters';
import { clampIndex, PAGE_SIZE, pagesForRange } from '../../../renderer/accounts/account-pages';
import { useAccountsView } from '../../../renderer/state/accounts-view-store';

describe('toggleSort', () => {
  it('flips the direction of the current column', () => {
    expect(toggleSort({ field: 'name', direction: 'asc' }, 'name')).toEqual({ field: 'name', direction: 'desc' });
    expect(toggleSort({ field: 'name', direction: 'desc' }, 'name')).toEqual({ field: 'name', direction: 'asc' });
  });

  it('starts a new column in its natural direction: largest ARR first, names A to Z', () => {
    expect(toggleSort(DEFAULT_ACCOUNT_SORT, 'arr')).toEqual({ field: 'arr', direction: 'desc' });
    expect(toggleSort({ field: 'arr', direction: 'desc' }, 'renewalDate')).toEqual({ field: 'renewalDate', direction: 'asc' });
  });

  it('reports aria-sort only on the sorted column', () => {
    expect(ariaSortFor({ field: 'arr', direction: 'desc' }, 'arr')).toBe('descending');
    expect(ariaSortFor({ field: 'arr', direction: 'asc' }, 'arr')).toBe('ascending');
    expect(ariaSortFor({ field: 'arr', direction: 'asc' }, 'name')).toBe('none');
  });
});

describe('listInput', () => {
  it('leaves out empty filters and a blank search', () => {
    expect(listInput('  ', NO_FILTERS, DEFAULT_ACCOUNT_SORT, 0, 200)).toEqual({ offset: 0, limit: 200, sort: 'name', direction: 'asc' });
  });

  it('sends the filters that are set, and the trimmed search', () => {
    expect(listInput(' acme ', { ...NO_FILTERS, tier: 'Strategic', owner: 'Ana' }, { field: 'arr', direction: 'desc' }, 400, 200)).toEqual({
      offset: 400,
      limit: 200,
      sort: 'arr',
      direction: 'desc',
      search: 'acme',
      tier: 'Strategic',
      owner: 'Ana',
    });
    expect(activeFilterCount({ ...NO_FILTERS, tier: 'Strategic', owner: 'Ana' })).toBe(2);
  });
});

describe('pagesForRange', () => {
  it('lists the pages that hold the visible rows, clipped to the list', () => {
    expect(pagesForRange(0, 20, 60)).toEqual([0]);
    expect(pagesForRange(190, 215, 10_000)).toEqual([0, 1]);
    expect(pagesForRange(9_990, 10_020, 10_000)).toEqual([49]);
    expect(pagesForRange(0, 10, 0)).toEqual([]);
    expect(PAGE_SIZE).toBe(200);
  });

  it('clamps a remembered row to the list', () => {
    expect(clampIndex(70, 60)).toBe(59);
    expect(clampIndex(-1, 60)).toBe(0);
    expect(clampIndex(5, 0)).toBe(0);
  });
});

describe('accounts view store (UI state only)', () => {
  it('starts a new result set at the top when search, filters or sort change', () => {
    const store = useAccountsView;
    store.getState().reset();
    store.getState().setScrollTop(4400);
    store.getState().setActiveIndex(100);
    store.getState().setFilter('region', 'EMEA');
    expect(store.getState()).toMatchObject({ scrollTop: 0, activeIndex: 0, filters: { ...NO_FILTERS, region: 'EMEA' } });
    store.getState().setActiveIndex(7);
    store.getState().sortBy('arr');
    expect(store.getState()).toMatchObject({ activeIndex: 0, sort: { field: 'arr', direction: 'desc' } });
    store.getState().setSearch('acme');
    store.getState().clearFilters();
    expect(store.getState()).toMatchObject({ search: '', filters: NO_FILTERS, sort: { field: 'arr', direction: 'desc' } });
  });
});
