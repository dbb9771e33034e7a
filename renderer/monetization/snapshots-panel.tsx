import { api } from '../api';
import { useState } from 'react';
import type { MetricsFilters, SnapshotComparison, SnapshotSummary } from '../../shared/contract/metrics';
import { useFormat } from '../app/use-format';
import { useQuery } from '../app/use-query';
import { formatDateTime } from '../app/format-extra';
import { Icon } from '../components/icons';
import { InlineError } from '../components/inline-error';
import { showToast } from '../state/toast-store';
import { ExplainButton } from './explain-context';
import { formatFigure } from './figure-format';
import type { FormatContext } from './figure-format';
import { Panel } from './panel';
import { SimulationTable } from './simulator-panel';
import type { FiscalQuarter } from './period-model';

function Comparison({ comparison, ctx }: { comparison: SnapshotComparison; ctx: FormatContext }) {
  const c = comparison;
  const next = c.nextPeriod.label;
  return (
    <div className="snapshot-compare" aria-label={`${c.snapshot.label} against ${next}`} role="region">
      <h3 className="snapshot-compare__title">
        {c.snapshot.label} as frozen, against what happened in {next}
      </h3>
      {!c.nextPeriodComplete ? <p className="snapshot-compare__pending">{next} has not ended yet: the actual side fills in once it has.</p> : null}
      <table className="data-table data-table--compact">
        <caption className="visually-hidden">Expected, scenario and actual</caption>
        <thead>
          <tr>
            <th scope="col">Figure</th>
            <th scope="col" className="align-end">
              Expected (model)
            </th>
            {c.scenario ? (
              <th scope="col" className="align-end">
                Scenario
              </th>
            ) : null}
            <th scope="col" className="align-end">
              Actual, {next}
            </th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">Revenue</th>
            <td className="align-end">
              <ExplainButton explanation={{ title: 'Expected revenue from the frozen quarter', figures: [{ label: 'Expected revenue', figure: c.expected.revenue }] }}>{formatFigure(c.expected.revenue, ctx)}</ExplainButton>
            </td>
            {c.scenario ? <td className="align-end">{formatFigure(c.scenario.after.expectedRevenue, ctx)}</td> : null}
            <td className="align-end">
              <ExplainButton
                explanation={{
                  title: `Actual revenue, ${next}`,
                  figures: [
                    { label: 'Actual', figure: c.actual.revenue },
                    { label: 'Actual − expected', figure: c.differences.actualVsExpectedRevenue },
                    ...(c.scenario ? [{ label: 'Actual − scenario', figure: c.differences.actualVsScenarioRevenue }] : []),
                  ],
                }}
              >
                {formatFigure(c.actual.revenue, ctx)}
              </ExplainButton>
            </td>
          </tr>
          <tr>
            <th scope="row">Revenue-weighted NPS</th>
            <td className="align-end">{formatFigure(c.expected.revenueWeightedNps, ctx)}</td>
            {c.scenario ? <td className="align-end">{formatFigure(c.scenario.after.revenueWeightedNps, ctx)}</td> : null}
            <td className="align-end">
              <ExplainButton
                explanation={{
                  title: `Actual revenue-weighted NPS, ${next}`,
                  figures: [{ label: 'Actual', figure: c.actual.revenueWeightedNps }, ...(c.scenario ? [{ label: 'Actual − scenario', figure: c.differences.actualVsScenarioNps }] : [])],
                }}
              >
                {formatFigure(c.actual.revenueWeightedNps, ctx)}
              </ExplainButton>
            </td>
          </tr>
          {c.nextPeriodComplete ? (
            <tr>
              <th scope="row">Actual − expected revenue</th>
              <td />
              {c.scenario ? <td /> : null}
              <td className="align-end">{formatFigure(c.differences.actualVsExpectedRevenue, ctx, { plus: true })}</td>
            </tr>
          ) : null}
          {c.nextPeriodComplete && c.scenario ? (
            <tr>
              <th scope="row">Actual − scenario</th>
              <td />
              <td />
              <td className="align-end">
                {formatFigure(c.differences.actualVsScenarioRevenue, ctx, { plus: true })} · {formatFigure(c.differences.actualVsScenarioNps, ctx, { plus: true })} NPS
              </td>
            </tr>
          ) : null}
        </tbody>
      </table>
      {c.scenario ? (
        <details className="chart-table">
          <summary>The scenario on the frozen quarter, before and after</summary>
          <SimulationTable result={c.scenario} ctx={ctx} caption="Scenario on the frozen quarter" />
        </details>
      ) : null}
    </div>
  );
}

function SnapshotRow({ snapshot, ctx, scenarios }: { snapshot: SnapshotSummary; ctx: FormatContext; scenarios: { id: string; name: string }[] }) {
  const fmt = useFormat();
  const [open, setOpen] = useState(false);
  const [scenarioId, setScenarioId] = useState('');
  const comparison = useQuery(
    () => (open ? api.metrics['snapshots.compare']({ snapshotId: snapshot.id, ...(scenarioId ? { scenarioId } : {}) }) : Promise.resolve(null)),
    [open, scenarioId, snapshot.id],
  );
  const filters = Object.entries(snapshot.filters).map(([k, v]) => `${k}: ${String(v)}`);
  return (
    <li className="snapshot">
      <div className="snapshot__row">
        <div className="snapshot__name">
          <span className="cell-primary">{snapshot.label}</span>
          <span className="cell-secondary">
            frozen {formatDateTime(snapshot.frozenAt, fmt.locale)} · {snapshot.accounts} accounts{filters.length ? ` · ${filters.join(', ')}` : ''}
            {snapshot.note ? ` · ${snapshot.note}` : ''}
          </span>
        </div>
        <dl className="snapshot__figures">
          <div>
            <dt>NPS</dt>
            <dd>{formatFigure(snapshot.headline.nps, ctx)}</dd>
          </div>
          <div>
            <dt>RW NPS</dt>
            <dd>{formatFigure(snapshot.headline.revenueWeightedNps, ctx)}</dd>
          </div>
          <div>
            <dt>ARR at risk</dt>
            <dd>{formatFigure(snapshot.headline.arrAtRisk, ctx, { compact: true })}</dd>
          </div>
          <div>
            <dt>Expected revenue</dt>
            <dd>{formatFigure(snapshot.headline.expectedRevenue, ctx, { compact: true })}</dd>
          </div>
        </dl>
        <button type="button" className="button button--secondary button--small" aria-expanded={open} onClick={() => setOpen((v) => !v)}>
          {open ? 'Hide comparison' : 'Compare with next quarter'}
        </button>
      </div>
      {open ? (
        <div className="snapshot__detail">
          <label className="sim-field">
            <span>Scenario to replay on it</span>
            <select className="select select--compact" value={scenarioId} onChange={(e) => setScenarioId(e.target.value)}>
              <option value="">None: the model as frozen</option>
              {scenarios.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
          {comparison.error ? <InlineError error={comparison.error} onRetry={comparison.reload} what="the comparison" /> : null}
          {comparison.data ? <Comparison comparison={comparison.data} ctx={ctx} /> : comparison.loading ? <p className="muted">Comparing…</p> : null}
        </div>
      ) : null}
    </li>
  );
}

/** Freeze a quarter's inputs, then hold a scenario against what really happened next quarter. */
export function SnapshotsPanel({ freezeQuarter, freezeLabel, filters }: { freezeQuarter: FiscalQuarter | null; freezeLabel: string; filters: MetricsFilters }) {
  const fmt = useFormat();
  const ctx = { currency: fmt.currency, locale: fmt.locale };
  const snapshots = useQuery(() => api.metrics['snapshots.list'](), []);
  const scenarios = useQuery(() => api.metrics['scenarios.list'](), []);
  const [freezing, setFreezing] = useState(false);
  const [note, setNote] = useState('');

  const freeze = async () => {
    setFreezing(true);
    try {
      const frozen = await api.metrics['snapshots.freeze']({ ...(freezeQuarter ? { quarter: freezeQuarter } : {}), ...(Object.keys(filters).length ? { filters } : {}), ...(note.trim() ? { note: note.trim() } : {}) });
      showToast(`Froze ${frozen.label}`, 'success');
      setNote('');
      snapshots.reload();
    } catch (err) {
      showToast(`Could not freeze: ${err instanceof Error ? err.message : String(err)}`, 'error');
    } finally {
      setFreezing(false);
    }
  };

  const list = snapshots.data ?? [];
  const scenarioOptions = (scenarios.data ?? []).map((s) => ({ id: s.id, name: s.name }));
  return (
    <Panel title="Quarter snapshots">
      <div className="card__body snapshots">
        <form
          className="sim-save"
          onSubmit={(e) => {
            e.preventDefault();
            void freeze();
          }}
        >
          <label className="sim-field sim-field--grow">
            <span>Note (optional)</span>
            <input className="input input--compact" value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} placeholder="e.g. Before the onboarding programme" />
          </label>
          <button type="submit" className="button button--secondary button--small" disabled={freezing}>
            <Icon name="database" size={14} />
            {freezing ? 'Freezing…' : `Freeze ${freezeLabel}`}
          </button>
        </form>
        <p className="monet-note">Freezing keeps this quarter’s inputs, settings and figures as they are today, with the current filters, so a scenario can later be held against what really happened next quarter.</p>
        {snapshots.error ? <InlineError error={snapshots.error} onRetry={snapshots.reload} what="snapshots" /> : null}
        {list.length === 0 ? (
          <p className="muted">{snapshots.data ? 'No quarter frozen yet.' : 'Loading…'}</p>
        ) : (
          <ul className="snapshot-list">
            {list.map((s) => (
              <SnapshotRow key={s.id} snapshot={s} ctx={ctx} scenarios={scenarioOptions} />
            ))}
          </ul>
        )}
      </div>
    </Panel>
  );
}
