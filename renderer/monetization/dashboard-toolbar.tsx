import { useId } from 'react';
import type { AccountFacets } from '../../shared/contract';
import { MSP_SEGMENTS } from '../../shared/domain/metrics-types';
import { Icon } from '../components/icons';
import { activeFilters, NO_DASHBOARD_FILTERS, PERIOD_KIND_LABELS, quarterOptions, SEGMENT_LABELS } from './period-model';
import type { DashboardFilters, FilterKey, PeriodDraft, PeriodKind } from './period-model';

interface ToolbarProps {
  draft: PeriodDraft;
  onDraft: (draft: PeriodDraft) => void;
  /** The quarter the engine resolved, shown as selected while the person has not picked one. */
  resolvedQuarter: string;
  fiscalYearStartMonth: number;
  today: string;
  problem: string | null;
  filters: DashboardFilters;
  onFilters: (filters: DashboardFilters) => void;
  facets: AccountFacets | undefined;
}

function FilterSelect({ label, allLabel, value, options, onChange }: { label: string; allLabel: string; value: string; options: readonly { value: string; label: string }[]; onChange: (v: string) => void }) {
  return (
    <label className={`filter-select${value ? ' filter-select--active' : ''}`}>
      <span className="visually-hidden">{label}</span>
      <select className="select select--compact" value={value} onChange={(e) => onChange(e.target.value)} aria-label={label}>
        <option value="">{allLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

const plain = (values: readonly string[] | undefined) => (values ?? []).map((v) => ({ value: v, label: v }));

/** Period (quarter, trailing twelve months, custom dates) and filters; every change goes to the engine. */
export function DashboardToolbar(props: ToolbarProps) {
  const { draft, onDraft, filters, onFilters, facets } = props;
  const problemId = useId();
  const quarters = quarterOptions(props.today, props.fiscalYearStartMonth, 12);
  const setKind = (kind: PeriodKind) => onDraft({ ...draft, kind });
  const setFilter = (key: FilterKey) => (value: string) => onFilters({ ...filters, [key]: value });
  const count = activeFilters(filters);
  const invalid = props.problem ? true : undefined;

  return (
    <div className="monet-toolbar" role="group" aria-label="Period and filters">
      <div className="monet-toolbar__period">
        <fieldset className="segmented">
          <legend className="visually-hidden">Period</legend>
          {(Object.keys(PERIOD_KIND_LABELS) as PeriodKind[]).map((kind) => (
            <label key={kind} className={`segmented__option${draft.kind === kind ? ' segmented__option--on' : ''}`}>
              <input type="radio" name="monet-period-kind" value={kind} checked={draft.kind === kind} onChange={() => setKind(kind)} />
              {PERIOD_KIND_LABELS[kind]}
            </label>
          ))}
        </fieldset>
        {draft.kind === 'quarter' ? (
          <select
            className="select select--compact"
            aria-label="Quarter"
            value={draft.quarter || props.resolvedQuarter}
            onChange={(e) => onDraft({ ...draft, quarter: e.target.value })}
          >
            {!draft.quarter && !props.resolvedQuarter ? <option value="">Latest complete quarter</option> : null}
            {props.resolvedQuarter && !quarters.some((q) => q.value === props.resolvedQuarter) ? <option value={props.resolvedQuarter}>{props.resolvedQuarter}</option> : null}
            {quarters.map((q) => (
              <option key={q.value} value={q.value}>
                {q.label}
                {q.partial ? ' (to date)' : ''}
              </option>
            ))}
          </select>
        ) : null}
        {draft.kind === 'trailing12' ? (
          <label className="monet-toolbar__date">
            <span>Ending</span>
            <input
              type="date"
              className="input input--compact"
              value={draft.endDate}
              onChange={(e) => onDraft({ ...draft, endDate: e.target.value })}
              aria-invalid={invalid}
              aria-describedby={props.problem ? problemId : undefined}
            />
          </label>
        ) : null}
        {draft.kind === 'custom' ? (
          <>
            <label className="monet-toolbar__date">
              <span>From</span>
              <input type="date" className="input input--compact" value={draft.from} onChange={(e) => onDraft({ ...draft, from: e.target.value })} aria-invalid={invalid} aria-describedby={props.problem ? problemId : undefined} />
            </label>
            <label className="monet-toolbar__date">
              <span>To</span>
              <input type="date" className="input input--compact" value={draft.to} onChange={(e) => onDraft({ ...draft, to: e.target.value })} aria-invalid={invalid} aria-describedby={props.problem ? problemId : undefined} />
            </label>
          </>
        ) : null}
        {props.problem ? (
          <p id={problemId} className="monet-toolbar__problem" role="status">
            {props.problem}
          </p>
        ) : null}
      </div>
      <div className="filter-bar monet-toolbar__filters">
        <span className="filter-bar__label" aria-hidden="true">
          <Icon name="filter" size={14} />
          Filter
        </span>
        <FilterSelect label="Segment" allLabel="All segments" value={filters.segment} options={MSP_SEGMENTS.map((s) => ({ value: s, label: SEGMENT_LABELS[s] }))} onChange={setFilter('segment')} />
        <FilterSelect label="Tier" allLabel="All tiers" value={filters.tier} options={plain(facets?.tiers)} onChange={setFilter('tier')} />
        <FilterSelect label="Industry" allLabel="All industries" value={filters.industry} options={plain(facets?.industries)} onChange={setFilter('industry')} />
        <FilterSelect label="Region" allLabel="All regions" value={filters.region} options={plain(facets?.regions)} onChange={setFilter('region')} />
        <FilterSelect label="Owner" allLabel="All owners" value={filters.owner} options={plain(facets?.owners)} onChange={setFilter('owner')} />
        {count > 0 ? (
          <button type="button" className="button button--ghost button--small" onClick={() => onFilters(NO_DASHBOARD_FILTERS)}>
            <Icon name="close" size={14} />
            Clear {count === 1 ? 'filter' : 'filters'}
          </button>
        ) : null}
      </div>
    </div>
  );
}
