import type { DashboardValueOfPoint } from '../../shared/contract/metrics';
import { ACCOUNT_NPS_METHODS } from '../../shared/domain/metrics-types';
import type { AccountScoreMethod, PortfolioMethodPanel as MethodPanelData } from '../../shared/domain/metrics-types';
import type { MetricSettings } from '../../shared/domain/metrics-settings';
import { useFormat } from '../app/use-format';
import { ExplainButton } from './explain-context';
import { formatFigure, formatRatio, NONE } from './figure-format';
import { METHOD_NAMES } from './headline-model';
import { Panel } from './panel';

const METHOD_HINTS: Record<(typeof ACCOUNT_NPS_METHODS)[number], string> = {
  'count-all': 'every response counts once',
  average: 'mean of contacts’ latest scores',
  waterfall: 'highest-ranked role present',
  weighted: 'role-weighted mean',
};

/** Account NPS by each method, side by side: the same answers, four honest readings. */
export function MethodPanel({ panel }: { panel: MethodPanelData }) {
  const fmt = useFormat();
  const ctx = { currency: fmt.currency, locale: fmt.locale };
  return (
    <Panel title="Method panel">
      <div className="table-scroll">
        <table className="data-table data-table--compact method-table">
          <caption className="visually-hidden">Portfolio NPS by method; revenue-weighted NPS for the methods that give accounts a category</caption>
          <thead>
            <tr>
              <th scope="col">Method</th>
              <th scope="col" className="align-end">
                NPS
              </th>
              <th scope="col" className="align-end">
                Revenue-weighted
              </th>
            </tr>
          </thead>
          <tbody>
            {ACCOUNT_NPS_METHODS.map((method) => {
              const headline = method === panel.headlineMethod;
              const rw = method === 'count-all' ? null : panel.revenueWeightedNps[method as AccountScoreMethod];
              return (
                <tr key={method} className={headline ? 'method-table__headline' : undefined}>
                  <th scope="row">
                    <span className="cell-primary">{METHOD_NAMES[method]}</span>
                    {headline ? <span className="badge badge--accent method-table__badge">Headline</span> : null}
                    <span className="cell-secondary">{METHOD_HINTS[method]}</span>
                  </th>
                  <td className="align-end">
                    <ExplainButton explanation={{ title: `${METHOD_NAMES[method]} NPS`, figures: [{ label: `${METHOD_NAMES[method]} NPS`, figure: panel.portfolioNps[method] }] }}>
                      {formatFigure(panel.portfolioNps[method], ctx)}
                    </ExplainButton>
                  </td>
                  <td className="align-end">
                    {rw ? (
                      <ExplainButton explanation={{ title: `Revenue-weighted NPS, ${METHOD_NAMES[method].toLowerCase()} categories`, figures: [{ label: 'Revenue-weighted NPS', figure: rw }] }}>
                        {formatFigure(rw, ctx)}
                      </ExplainButton>
                    ) : (
                      <span className="muted" title="Count-all gives no account category, so it has no revenue weighting">
                        {NONE}
                        <span className="visually-hidden"> count-all gives accounts no category</span>
                      </span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="monet-note card__body">The workspace setting picks the headline method; the cards above use it.</p>
    </Panel>
  );
}

/** The value of one NPS point: the product's model, and beside it what this workspace's own history says. */
export function ValueOfPointPanel({ value, settings }: { value: DashboardValueOfPoint; settings: MetricSettings }) {
  const fmt = useFormat();
  const ctx = { currency: fmt.currency, locale: fmt.locale };
  const { evidence, observedChurn } = value;
  const evidenceShown = evidence.slope.value !== null;
  return (
    <Panel title="Value of one NPS point">
      <div className="card__body value-point">
        <div className="value-point__model">
          <span className="badge badge--accent">The product’s own model</span>
          <ExplainButton
            className="value-point__figure"
            explanation={{
              title: 'Value of one NPS point (model)',
              lead: 'One point of revenue-weighted NPS moves 1% of scored ARR one category up; its worth follows from the churn and expansion assumptions in the settings.',
              figures: [
                { label: 'Value of one point', figure: value.model },
                { label: 'Expected next-period revenue', figure: value.expectedRevenue },
              ],
            }}
          >
            {formatFigure(value.model, ctx)}
          </ExplainButton>
          <span className="value-point__caption">per point of revenue-weighted NPS · expected revenue {formatFigure(value.expectedRevenue, ctx, { compact: true })}</span>
        </div>
        <div className="value-point__evidence">
          <span className="badge">Evidence-based estimate</span>
          {evidenceShown ? (
            <>
              <ExplainButton
                className="value-point__figure value-point__figure--secondary"
                explanation={{
                  title: 'Evidence-based estimate',
                  lead: `Least-squares slope of each account’s NRR over the next 12 months against its weighted score, from ${value.evidencePeriod.label}.`,
                  figures: [
                    { label: 'Slope', figure: evidence.slope },
                    { label: 'Intercept', figure: evidence.intercept },
                    { label: 'R²', figure: evidence.rSquared },
                  ],
                }}
              >
                {formatFigure(evidence.slope, ctx)}
              </ExplainButton>
              <span className="value-point__caption">
                R² {evidence.rSquared.value === null ? NONE : evidence.rSquared.value.toFixed(2)} · n = {evidence.sampleSize} account-periods from {value.evidencePeriod.label}
              </span>
            </>
          ) : (
            <p className="value-point__caption">
              Needs {evidence.minimumSample} account-periods with a known 12-month outcome; this selection has {evidence.sampleSize}. {evidence.slope.nullReason ?? ''}
            </p>
          )}
          {observedChurn.shown ? (
            <table className="data-table data-table--compact value-point__churn">
              <caption>Churn over 12 months: observed (n = {observedChurn.sampleSize}) beside the model’s assumption</caption>
              <thead>
                <tr>
                  <th scope="col">Category</th>
                  <th scope="col" className="align-end">
                    Observed
                  </th>
                  <th scope="col" className="align-end">
                    Assumed
                  </th>
                </tr>
              </thead>
              <tbody>
                {(['detractor', 'passive', 'promoter'] as const).map((category) => (
                  <tr key={category}>
                    <th scope="row">{category.charAt(0).toUpperCase() + category.slice(1)}</th>
                    <td className="align-end">
                      <ExplainButton explanation={{ title: `Observed churn of ${category}s`, figures: [{ label: 'Observed churn', figure: observedChurn.byCategory[category] }] }}>
                        {formatRatio(observedChurn.byCategory[category].value, ctx.locale)}
                      </ExplainButton>
                    </td>
                    <td className="align-end">{formatRatio(settings.churnProbability[category], ctx.locale, { digits: 0 })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </div>
      </div>
    </Panel>
  );
}
