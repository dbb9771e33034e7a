import { useMemo } from 'react';
import type { NpsTrendPoint, RetentionTrendPoint } from '../../shared/contract/metrics';
import { EChart } from '../charts/echart';
import { npsTrendOptions, npsTrendSummary } from '../charts/nps-trend-options';
import { retentionTrendOptions, retentionTrendSummary } from '../charts/retention-trend-options';
import { ExplainButton } from './explain-context';
import { formatFigure, formatInterval } from './figure-format';
import { ChartTable, Panel } from './panel';
import { useMetricChartContext } from './use-metric-chart';

export function NpsTrendPanel({ points }: { points: readonly NpsTrendPoint[] }) {
  const ctx = useMetricChartContext();
  const option = useMemo(() => npsTrendOptions(points, ctx), [points, ctx]);
  return (
    <Panel title="NPS by quarter" badge={<span className="badge">band: 95% interval</span>}>
      <div className="card__body card__body--chart">
        <EChart option={option} label={npsTrendSummary(points)} height={230} />
      </div>
      <ChartTable summary="NPS by quarter as a table">
        <table className="data-table data-table--compact">
          <thead>
            <tr>
              <th scope="col">Quarter</th>
              <th scope="col" className="align-end">
                NPS
              </th>
              <th scope="col" className="align-end">
                95% interval
              </th>
              <th scope="col" className="align-end">
                Responses
              </th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.period.from}>
                <th scope="row">{p.period.label}</th>
                <td className="align-end">
                  <ExplainButton explanation={{ title: `NPS, ${p.period.label}`, figures: [{ label: 'NPS', figure: p.nps }, { label: '95% interval', figure: p.interval95 }] }}>
                    {formatFigure(p.nps, ctx)}
                  </ExplainButton>
                </td>
                <td className="align-end">{formatInterval(p.interval95, ctx)}</td>
                <td className="align-end">{p.responses}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ChartTable>
    </Panel>
  );
}

export function RetentionTrendPanel({ points }: { points: readonly RetentionTrendPoint[] }) {
  const ctx = useMetricChartContext();
  const option = useMemo(() => retentionTrendOptions(points, ctx), [points, ctx]);
  return (
    <Panel
      title="NRR and GRR"
      badge={
        <span className="monet-legend" aria-hidden="true">
          <span className="monet-legend__item monet-legend__item--accent">NRR</span>
          <span className="monet-legend__item monet-legend__item--muted">GRR</span>
        </span>
      }
    >
      <div className="card__body card__body--chart">
        <EChart option={option} label={retentionTrendSummary(points, ctx.locale)} height={230} />
      </div>
      <ChartTable summary="NRR and GRR by quarter as a table">
        <table className="data-table data-table--compact">
          <thead>
            <tr>
              <th scope="col">Quarter</th>
              <th scope="col" className="align-end">
                NRR
              </th>
              <th scope="col" className="align-end">
                GRR
              </th>
              <th scope="col" className="align-end">
                Cohort
              </th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.period.from}>
                <th scope="row">{p.period.label}</th>
                <td className="align-end">
                  <ExplainButton explanation={{ title: `NRR, ${p.period.label}`, figures: [{ label: 'NRR', figure: p.nrr }] }}>{formatFigure(p.nrr, ctx)}</ExplainButton>
                </td>
                <td className="align-end">
                  <ExplainButton explanation={{ title: `GRR, ${p.period.label}`, figures: [{ label: 'GRR', figure: p.grr }] }}>{formatFigure(p.grr, ctx)}</ExplainButton>
                </td>
                <td className="align-end">{p.cohortSize}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ChartTable>
    </Panel>
  );
}
