import { useEffect, useId, useRef, useState } from 'react';
import { Link } from 'wouter';
import type { SearchHit, SearchSource } from '../../shared/contract';
import { SEARCH_SOURCES } from '../../shared/contract/search';
import { NPS_CATEGORIES } from '../../shared/domain/metrics-types';
import { api } from '../api';
import { useDebounced } from '../accounts/use-debounced';
import { useFormat } from '../app/use-format';
import { useQuery } from '../app/use-query';
import { EmptyState } from '../components/empty-state';
import { Icon } from '../components/icons';
import { InlineError } from '../components/inline-error';
import { NpsChip } from '../components/nps-chip';
import { NPS_CATEGORY_LABELS } from '../components/nps';
import { InterviewsNav } from '../interviews/interviews-nav';
import { touchpointLabel, useVocabulary } from '../interviews/use-vocabulary';
import { HighlightedSnippet } from './highlighted-snippet';
import { SOURCE_NAMES, hitHref } from './search-result-link';
import { activeFilterCount, searchInput, useTextSearch } from './search-store';

const PAGE = 50;

function HitItem({ hit, date }: { hit: SearchHit; date: string }) {
  const title = hit.contactName ?? hit.title ?? SOURCE_NAMES[hit.source];
  return (
    <li className="hit">
      <Link href={hitHref(hit)} className="hit__link">
        <span className="hit__head">
          <span className="hit__title">{title}</span>
          {hit.nps !== null ? <NpsChip score={hit.nps} /> : null}
          <span className="badge">{SOURCE_NAMES[hit.source]}</span>
          {hit.interviewStatus === 'draft' ? <span className="badge badge--warning">Draft</span> : null}
        </span>
        <span className="hit__snippet">
          <HighlightedSnippet snippet={hit.snippet} />
        </span>
        <span className="hit__meta">
          {hit.accountName} · <time dateTime={hit.at}>{date}</time>
        </span>
      </Link>
    </li>
  );
}

/** Full-text search over verbatims, interview notes, QBR notes and action outcomes, with filters. */
export function SearchScreen() {
  const fmt = useFormat();
  const vocabulary = useVocabulary();
  const { text, filters, setText, setFilter, clearFilters } = useTextSearch();
  const [limit, setLimit] = useState(PAGE);
  const words = useDebounced(text.trim(), 200);
  const inputRef = useRef<HTMLInputElement>(null);
  const ids = useId();
  const accounts = useQuery(() => api.accounts.list({ sort: 'name', direction: 'asc', limit: 1000 }), []);
  const results = useQuery(() => (words ? api.search.query(searchInput(words, filters, limit)) : Promise.resolve(null)), [words, filters, limit]);

  useEffect(() => {
    inputRef.current?.focus();
  }, []);
  useEffect(() => setLimit(PAGE), [words, filters]);

  // No source picked means all of them; unticking one from "all" keeps the other three.
  const toggleSource = (source: SearchSource) => {
    const shown = filters.sources.length === 0 ? [...SEARCH_SOURCES] : filters.sources;
    const next = shown.includes(source) ? shown.filter((s) => s !== source) : [...shown, source];
    if (next.length === 0) return;
    setFilter('sources', next.length === SEARCH_SOURCES.length ? [] : next);
  };
  const data = results.data;
  const filterCount = activeFilterCount(filters);

  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1 className="page-header__title">Search</h1>
          <p className="page-header__subtitle">Everything people said and wrote: verbatims, interview notes, QBR notes and follow-up outcomes.</p>
        </div>
      </header>
      <InterviewsNav />
      <div className="search-layout">
        <div className="search-main">
          <div className="search-box" role="search">
            <Icon name="search" size={18} />
            <input
              ref={inputRef}
              type="search"
              className="search-box__input"
              aria-label="Search text"
              aria-describedby={`${ids}-hint`}
              placeholder="Words or a “quoted phrase”…"
              value={text}
              onChange={(e) => setText(e.target.value)}
            />
          </div>
          <p id={`${ids}-hint`} className="search-hint">
            All words must appear (“tickets” finds “ticket”); put a phrase in double quotes.
          </p>
          {results.error ? <InlineError error={results.error} onRetry={results.reload} what="search results" /> : null}
          {!words ? (
            <EmptyState icon="search" title="Search what customers said">
              <p>Type a few words, like “response time” or “renewal”. Filters on the right narrow the results to an account, a period, a driver, a touchpoint or an NPS category.</p>
            </EmptyState>
          ) : data ? (
            <>
              <p className="search-count" role="status">
                {data.total === 0 ? 'No matches' : `${fmt.number(data.total)} match${data.total === 1 ? '' : 'es'}`}
                {data.rankedNewest ? ` · ranked among the ${fmt.number(data.rankedNewest)} most recent` : ''}
              </p>
              {data.hits.length === 0 ? (
                <EmptyState icon="search" title={`Nothing matches “${words}”`} headingLevel={2} actions={filterCount > 0 ? <button type="button" className="button button--secondary" onClick={clearFilters}>Clear filters</button> : undefined}>
                  <p>{filterCount > 0 ? 'The filters may hide matches.' : 'Try fewer or shorter words.'}</p>
                </EmptyState>
              ) : (
                <ol className="hits" aria-label="Search results">
                  {data.hits.map((hit) => (
                    <HitItem key={hit.id} hit={hit} date={fmt.date(hit.at.slice(0, 10))} />
                  ))}
                </ol>
              )}
              {data.hasMore ? (
                <button type="button" className="button button--secondary search-more" onClick={() => setLimit((l) => Math.min(200, l + PAGE))} disabled={limit >= 200}>
                  Show more
                </button>
              ) : null}
            </>
          ) : null}
        </div>
        <aside className="card search-filters" aria-labelledby={`${ids}-filters`}>
          <div className="card__header">
            <h2 className="card__title" id={`${ids}-filters`}>
              Filters
            </h2>
            {filterCount > 0 ? (
              <button type="button" className="button button--ghost button--small" onClick={clearFilters}>
                Clear {filterCount}
              </button>
            ) : null}
          </div>
          <div className="card__body stack">
            <fieldset className="search-filters__sources">
              <legend className="field__label">In</legend>
              {SEARCH_SOURCES.map((s) => (
                <label key={s} className="checkbox">
                  <input type="checkbox" checked={filters.sources.length === 0 || filters.sources.includes(s)} onChange={() => toggleSource(s)} />
                  {SOURCE_NAMES[s]}
                </label>
              ))}
            </fieldset>
            <label className="field">
              <span className="field__label">Account</span>
              <select className="select" value={filters.accountId} onChange={(e) => setFilter('accountId', e.target.value)}>
                <option value="">All accounts</option>
                {(accounts.data?.rows ?? []).map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.name}
                  </option>
                ))}
              </select>
            </label>
            <div className="search-filters__dates">
              <label className="field">
                <span className="field__label">From</span>
                <input type="date" className="input" value={filters.from} onChange={(e) => setFilter('from', e.target.value)} />
              </label>
              <label className="field">
                <span className="field__label">To</span>
                <input type="date" className="input" value={filters.to} onChange={(e) => setFilter('to', e.target.value)} />
              </label>
            </div>
            <label className="field">
              <span className="field__label">Driver</span>
              <select className="select" value={filters.driverId} onChange={(e) => setFilter('driverId', e.target.value)}>
                <option value="">Any driver</option>
                {vocabulary.drivers.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.name}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span className="field__label">Touchpoint</span>
              <select className="select" value={filters.touchpointId} onChange={(e) => setFilter('touchpointId', e.target.value)}>
                <option value="">Any touchpoint</option>
                {vocabulary.touchpoints.map((t) => (
                  <option key={t.id} value={t.id}>
                    {touchpointLabel(t)}
                  </option>
                ))}
              </select>
            </label>
            <label className="field">
              <span className="field__label">NPS category</span>
              <select className="select" value={filters.category} onChange={(e) => setFilter('category', e.target.value as typeof filters.category)}>
                <option value="">Any</option>
                {NPS_CATEGORIES.map((c) => (
                  <option key={c} value={c}>
                    {NPS_CATEGORY_LABELS[c]}s
                  </option>
                ))}
              </select>
            </label>
          </div>
        </aside>
      </div>
    </div>
  );
}
