import { useMemo } from 'react';
import type { DashboardDrivers } from '../../shared/contract/metrics';
import { EChart } from '../charts/echart';
import { driverRankingOptions, driverRankingSummary, npsWaterfallOptions, npsWaterfallSummary, rankingRows } from '../charts/driver-options';
import { EmptyState } from '../components/empty-state';
import { ExplainButton } from './explain-context';
import { formatFigure, formatNps } from './figure-format';
import { ChartTable, Panel } from './panel';
import { useMetricChartContext } from './use-metric-chart';

/** Which issue to fix first: drivers by the ARR at risk they account for. */
export function DriverRankingPanel({ drivers }: { drivers: DashboardDrivers }) {
  const ctx = useMetricChartContext();
  const rows = useMemo(() => rankingRows(drivers.ranking, drivers.unattributed), [drivers]);
  const option = useMemo(() => driverRankingOptions(rows, ctx), [rows, ctx]);
  const total = (
    <ExplainButton explanation={{ title: 'ARR at risk, split by driver', lead: 'Each at-risk account’s ARR is split equally among the drivers its stakeholders rated negatively; the parts sum to the ARR at risk.', figures: [{ label: 'ARR at risk', figure: drivers.arrAtRisk }] }}>
      {formatFigure(drivers.arrAtRisk, ctx, { compact: true })} at risk
    </ExplainButton>
  );
  return (
    <Panel title="Drivers by ARR at risk" actions={total}>
      {rows.length === 0 ? (
        <EmptyState icon="checkCircle" title="No ARR at risk here" headingLevel={3}>
          <p>No account in this selection is at risk, so no driver carries ARR at risk.</p>
        </EmptyState>
      ) : (
        <>
          <div className="card__body card__body--chart">
            <EChart option={option} label={driverRankingSummary(rows, ctx.currency, ctx.locale)} height={Math.max(160, rows.length * 28 + 24)} />
            <p className="monet-note">
              <span className="monet-note__item">
                <span className="monet-swatch monet-swatch--risk" aria-hidden="true" /> attributed: sums to the ARR at risk
              </span>
              <span className="monet-note__item">
                <span className="monet-swatch monet-swatch--area" aria-hidden="true" /> exposed: all ARR citing it negatively (overlapping)
              </span>
            </p>
          </div>
          <ChartTable summary="Driver ranking as a table">
            <table className="data-table data-table--compact">
              <thead>
                <tr>
                  <th scope="col">Driver</th>
                  <th scope="col" className="align-end">
                    Attributed
                  </th>
                  <th scope="col" className="align-end">
                    Exposed (overlapping)
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.driverId ?? 'unattributed'}>
                    <th scope="row">{row.label}</th>
                    <td className="align-end">
                      <ExplainButton explanation={{ title: `${row.label}: attributed ARR at risk`, figures: [{ label: 'Attributed ARR at risk', figure: row.attributed }, { label: 'Exposed ARR', figure: row.exposed }] }}>
                        {formatFigure(row.attributed, ctx)}
                      </ExplainButton>
                    </td>
                    <td className="align-end">{formatFigure(row.exposed, ctx)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ChartTable>
        </>
      )}
    </Panel>
  );
}

/** How each driver adds to or takes from the NPS; the bars sum exactly to it. */
export function NpsWaterfallPanel({ drivers }: { drivers: DashboardDrivers }) {
  const ctx = useMetricChartContext();
  const waterfall = drivers.waterfall;
  const option = useMemo(() => npsWaterfallOptions(waterfall, ctx), [waterfall, ctx]);
  return (
    <Panel title="NPS waterfall by driver">
      {waterfall.nps.value === null ? (
        <EmptyState icon="trend" title="No responses in this selection" headingLevel={3}>
          <p>{waterfall.nps.nullReason ?? 'Choose a wider period or fewer filters.'}</p>
        </EmptyState>
      ) : (
        <>
          <div className="card__body card__body--chart">
            <EChart option={option} label={npsWaterfallSummary(waterfall)} height={250} />
          </div>
          <ChartTable summary="NPS contributions as a table">
            <table className="data-table data-table--compact">
              <thead>
                <tr>
                  <th scope="col">Driver</th>
                  <th scope="col" className="align-end">
                    Contribution
                  </th>
                  <th scope="col" className="align-end">
                    Responses citing it
                  </th>
                </tr>
              </thead>
              <tbody>
                {waterfall.contributions.map((c) => (
                  <tr key={c.driverId ?? 'other'}>
                    <th scope="row">{c.label}</th>
                    <td className="align-end">
                      <ExplainButton explanation={{ title: `${c.label}: contribution to NPS`, figures: [{ label: 'Contribution', figure: c.contribution }] }}>
                        {formatNps(c.contribution.value, { plus: true, digits: 1 })}
                      </ExplainButton>
                    </td>
                    <td className="align-end">{c.responses}</td>
                  </tr>
                ))}
                <tr>
                  <th scope="row">NPS</th>
                  <td className="align-end">
                    <ExplainButton explanation={{ title: 'NPS', figures: [{ label: 'NPS', figure: waterfall.nps }] }}>{formatNps(waterfall.nps.value, { digits: 1 })}</ExplainButton>
                  </td>
                  <td />
                </tr>
              </tbody>
            </table>
          </ChartTable>
        </>
      )}
    </Panel>
  );
}
