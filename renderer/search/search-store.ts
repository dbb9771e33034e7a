import { create } from 'zustand';
import type { SearchSource } from '../../shared/contract';
import type { NpsCategory } from '../../shared/domain/metrics-types';

export interface SearchFilters {
  accountId: string;
  from: string;
  to: string;
  driverId: string;
  touchpointId: string;
  category: NpsCategory | '';
  sources: readonly SearchSource[];
}

export const NO_SEARCH_FILTERS: SearchFilters = { accountId: '', from: '', to: '', driverId: '', touchpointId: '', category: '', sources: [] };

/**
 * What the person searched for, kept while they open a result and come back (UI state only; the hits are
 * fetched). The top bar hands its text over here with Shift+Enter.
 */
interface SearchState {
  text: string;
  filters: SearchFilters;
  setText(text: string): void;
  setFilter<K extends keyof SearchFilters>(key: K, value: SearchFilters[K]): void;
  clearFilters(): void;
}

export const useTextSearch = create<SearchState>()((set) => ({
  text: '',
  filters: NO_SEARCH_FILTERS,
  setText: (text) => set({ text }),
  setFilter: (key, value) => set((s) => ({ filters: { ...s.filters, [key]: value } })),
  clearFilters: () => set({ filters: NO_SEARCH_FILTERS }),
}));

/** The search.query input for the current text and filters (empty filters left out). */
export function searchInput(text: string, f: SearchFilters, limit: number) {
  return {
    text,
    accountId: f.accountId || undefined,
    from: f.from || undefined,
    to: f.to || undefined,
    driverId: f.driverId || undefined,
    touchpointId: f.touchpointId || undefined,
    category: f.category || undefined,
    sources: f.sources.length > 0 ? [...f.sources] : undefined,
    limit,
  };
}

export function activeFilterCount(f: SearchFilters): number {
  return [f.accountId, f.from, f.to, f.driverId, f.touchpointId, f.category].filter(Boolean).length + (f.sources.length > 0 ? 1 : 0);
}
