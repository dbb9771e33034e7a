import { useMemo, useRef, useState } from 'react';
import type { MetricsPeriodInput } from '../../shared/contract/metrics';
import { api } from '../api';
import { useFormat } from '../app/use-format';
import { useQuery } from '../app/use-query';
import { todayIsoLocal } from '../app/format-extra';
import { InlineError } from '../components/inline-error';
import { DashboardToolbar } from './dashboard-toolbar';
import { DriverRankingPanel, NpsWaterfallPanel } from './driver-panels';
import { ExplainProvider } from './explain-context';
import { HeadlineCards, HeadlineSkeleton } from './headline-cards';
import { headlineCards } from './headline-model';
import { MethodPanel, ValueOfPointPanel } from './method-value-panels';
import { PanelSkeleton } from './panel';
import { dashboardInput, filtersInput, fiscalQuarterOf, initialPeriodDraft, NO_DASHBOARD_FILTERS, periodInput, quarterOption, quarterValue, shiftQuarter } from './period-model';
import type { DashboardFilters, FiscalQuarter, PeriodDraft } from './period-model';
import { SimulatorPanel } from './simulator-panel';
import { SnapshotsPanel } from './snapshots-panel';
import { NpsTrendPanel, RetentionTrendPanel } from './trend-panels';

/** The monetization dashboard: what each score is worth in revenue, with the formula behind every number. */
export function MonetizationScreen() {
  const fmt = useFormat();
  const today = useMemo(() => todayIsoLocal(), []);
  const [draft, setDraft] = useState<PeriodDraft>(() => initialPeriodDraft(today));
  const [filters, setFilters] = useState<DashboardFilters>(NO_DASHBOARD_FILTERS);

  // An incomplete custom range keeps the last complete period on screen, with the reason shown.
  const { input: draftInput, problem } = periodInput(draft);
  const lastGood = useRef<MetricsPeriodInput | undefined>(undefined);
  if (!problem) lastGood.current = draftInput;
  const period = problem ? lastGood.current : draftInput;
  const engineFilters = filtersInput(filters);
  const input = dashboardInput(period, filters);
  const key = JSON.stringify(input);

  const dashboard = useQuery(() => api.metrics.dashboard(input), [key]);
  const facets = useQuery(() => api.accounts.facets(), []);
  const d = dashboard.data;
  const ctx = { currency: fmt.currency, locale: fmt.locale };
  const cards = useMemo(() => (d ? headlineCards(d, ctx) : []), [d, ctx.currency, ctx.locale]);

  const fiscalStart = d?.period.fiscalYearStartMonth ?? 1;
  const resolvedQuarter = d && d.period.kind === 'quarter' && d.period.fiscalYear !== null && d.period.quarter !== null ? quarterValue({ year: d.period.fiscalYear, quarter: d.period.quarter }) : '';
  // Only a complete quarter can be frozen: the one shown if it is over, else the latest complete one.
  const freezeQuarter: FiscalQuarter = d && d.period.kind === 'quarter' && !d.period.partial && d.period.fiscalYear !== null && d.period.quarter !== null ? { year: d.period.fiscalYear, quarter: d.period.quarter } : shiftQuarter(fiscalQuarterOf(today, fiscalStart), -1);
  const freezeLabel = quarterOption(freezeQuarter, fiscalStart, today).label;
  const stale = dashboard.loading && d !== undefined;

  return (
    <ExplainProvider>
      <div className="page monet-page" aria-busy={dashboard.loading}>
        <header className="page-header monet-header">
          <div>
            <h1 className="page-header__title">Monetization</h1>
            <p className="page-header__subtitle" data-testid="monet-scope">
              {d ? (
                <>
                  {d.period.label}
                  {d.period.partial ? ' (to date)' : ''} · {d.scope.activeAccounts} of {d.scope.accounts} accounts active · {fmt.money(d.scope.activeArr.value, { compact: true })} ARR
                </>
              ) : (
                'What each score is worth in revenue'
              )}
            </p>
          </div>
        </header>

        <DashboardToolbar
          draft={draft}
          onDraft={setDraft}
          resolvedQuarter={resolvedQuarter}
          fiscalYearStartMonth={fiscalStart}
          today={today}
          problem={problem}
          filters={filters}
          onFilters={setFilters}
          facets={facets.data}
        />
        <div className={`monet-progress${stale ? ' monet-progress--on' : ''}`} aria-hidden="true" />
        <p className="visually-hidden" role="status">
          {dashboard.loading ? 'Updating the figures…' : d ? `Figures for ${d.period.label}` : ''}
        </p>

        {dashboard.error ? <InlineError error={dashboard.error} onRetry={dashboard.reload} what="the dashboard" /> : null}

        <div className={`monet-body${stale ? ' monet-body--stale' : ''}`}>
          {d ? <HeadlineCards cards={cards} /> : <HeadlineSkeleton />}

          <div className="monet-row monet-row--wide-narrow">
            {d ? <NpsTrendPanel points={d.npsTrend} /> : <PanelSkeleton title="NPS by quarter" />}
            {d ? <MethodPanel panel={d.methodPanel} /> : <PanelSkeleton title="Method panel" />}
          </div>
          <div className="monet-row">
            {d ? <DriverRankingPanel drivers={d.drivers} /> : <PanelSkeleton title="Drivers by ARR at risk" />}
            {d ? <NpsWaterfallPanel drivers={d.drivers} /> : <PanelSkeleton title="NPS waterfall by driver" />}
          </div>
          <div className="monet-row">
            {d ? <RetentionTrendPanel points={d.retentionTrend} /> : <PanelSkeleton title="NRR and GRR" />}
            {d ? <ValueOfPointPanel value={d.valueOfOnePoint} settings={d.settings} /> : <PanelSkeleton title="Value of one NPS point" />}
          </div>
          {d ? <SimulatorPanel period={period} filters={engineFilters} periodLabel={d.period.label} arrByCategory={d.valueOfOnePoint.arrByCategory} /> : <PanelSkeleton title="Simulator" height={160} />}
          <SnapshotsPanel freezeQuarter={freezeQuarter} freezeLabel={freezeLabel} filters={engineFilters} />
        </div>
      </div>
    </ExplainProvider>
  );
}
