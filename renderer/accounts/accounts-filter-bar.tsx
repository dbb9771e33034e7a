import type { AccountFacets } from '../../shared/contract';
import { useAccountsView } from '../state/accounts-view-store';
import { activeFilterCount } from './account-filters';
import type { AccountFilters } from './account-filters';
import { Icon } from '../components/icons';

function FilterSelect({ label, allLabel, value, options, onChange }: { label: string; allLabel: string; value: string; options: readonly string[]; onChange: (v: string) => void }) {
  return (
    <label className={`filter-select${value ? ' filter-select--active' : ''}`}>
      <span className="visually-hidden">{label}</span>
      <select className="select select--compact" value={value} onChange={(e) => onChange(e.target.value)} aria-label={label}>
        <option value="">{allLabel}</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Industry, tier, region and owner: the values come from the workspace (facets), never a fixed list. */
export function AccountsFilterBar({ facets }: { facets: AccountFacets | undefined }) {
  const filters = useAccountsView((s) => s.filters);
  const search = useAccountsView((s) => s.search);
  const setFilter = useAccountsView((s) => s.setFilter);
  const clearFilters = useAccountsView((s) => s.clearFilters);
  const active = activeFilterCount(filters) + (search.trim() ? 1 : 0);
  const set = (key: keyof AccountFilters) => (value: string) => setFilter(key, value as never);

  return (
    <div className="filter-bar" role="group" aria-label="Filter accounts">
      <span className="filter-bar__label" aria-hidden="true">
        <Icon name="filter" size={14} />
        Filter
      </span>
      <FilterSelect label="Industry" allLabel="All industries" value={filters.industry} options={facets?.industries ?? []} onChange={set('industry')} />
      <FilterSelect label="Tier" allLabel="All tiers" value={filters.tier} options={facets?.tiers ?? []} onChange={set('tier')} />
      <FilterSelect label="Region" allLabel="All regions" value={filters.region} options={facets?.regions ?? []} onChange={set('region')} />
      <FilterSelect label="Owner" allLabel="All owners" value={filters.owner} options={facets?.owners ?? []} onChange={set('owner')} />
      {active > 0 ? (
        <button type="button" className="button button--ghost button--small" onClick={clearFilters}>
          <Icon name="close" size={14} />
          Clear {search.trim() ? 'search and filters' : active === 1 ? 'filter' : 'filters'}
        </button>
      ) : null}
    </div>
  );
}
