import { useMemo } from 'react';
import type { AccountMetrics } from '../../shared/contract/metrics';
import type { AccountScoreMethod, MspSegment, NpsCategory, RiskZone } from '../../shared/domain/metrics-types';
import { ROLE_LABELS } from '../../shared/domain/people';
import { api } from '../api';
import { useFormat } from '../app/use-format';
import { useQuery } from '../app/use-query';
import { EChart } from '../charts/echart';
import { accountTrendOptions, accountTrendSummary, METHOD_LABELS } from '../charts/account-trend-options';
import { InlineError } from '../components/inline-error';
import { Loading } from '../components/loading';
import { NPS_CATEGORY_LABELS } from '../components/nps';
import { ExplainButton, ExplainProvider } from './explain-context';
import { formatFigure, formatInterval, NONE } from './figure-format';
import type { FormatContext } from './figure-format';
import { ChartTable } from './panel';
import { SEGMENT_LABELS } from './period-model';
import { useMetricChartContext } from './use-metric-chart';

const ZONE_LABELS: Record<RiskZone, string> = { 'at-risk': 'At risk', gray: 'Gray zone', safe: 'Safe', unscored: 'Unscored' };
const ZONE_TONE: Record<RiskZone, string> = { 'at-risk': 'badge--danger', gray: 'badge--warning', safe: 'badge--success', unscored: '' };
const SEGMENT_TONE: Record<MspSegment, string> = { dangling: 'badge--danger', 'at-risk': 'badge--danger', growth: 'badge--success', happy: 'badge--accent', unscored: '' };

function CategoryChip({ category }: { category: NpsCategory | null }) {
  if (!category) return <span className="nps-chip nps-chip--none">Unscored</span>;
  return <span className={`nps-chip nps-chip--${category}`}>{NPS_CATEGORY_LABELS[category]}</span>;
}

function ScoreTile({ m, method, ctx }: { m: AccountMetrics; method: AccountScoreMethod; ctx: FormatContext }) {
  const score = m.scores[method];
  const headline = m.headlineMethod === method;
  const detail = method === 'waterfall' && m.scores.waterfall.role ? `from the ${ROLE_LABELS[m.scores.waterfall.role].toLowerCase()}` : null;
  return (
    <div className={`account-metrics__score${headline ? ' account-metrics__score--headline' : ''}`}>
      <span className="account-metrics__score-label">
        {METHOD_LABELS[method]}
        {headline ? <span className="badge badge--accent">Headline</span> : null}
      </span>
      <ExplainButton className="account-metrics__score-value" explanation={{ title: `${METHOD_LABELS[method]} score of ${m.account.name}`, figures: [{ label: `${METHOD_LABELS[method]} score`, figure: score.score }] }}>
        {formatFigure(score.score, ctx)}
      </ExplainButton>
      <span className="account-metrics__score-detail">
        <CategoryChip category={score.category} /> {detail}
      </span>
    </div>
  );
}

function Body({ m }: { m: AccountMetrics }) {
  const fmt = useFormat();
  const chartCtx = useMetricChartContext();
  const ctx = { currency: fmt.currency, locale: fmt.locale };
  const headlineMethod: AccountScoreMethod = m.headlineMethod === 'count-all' ? 'weighted' : m.headlineMethod;
  const option = useMemo(() => accountTrendOptions(m.trend, headlineMethod, chartCtx), [m.trend, headlineMethod, chartCtx]);
  const countAll = m.scores.countAll;
  const sv = m.successVector;

  return (
    <>
      <div className="card__body stack-lg">
        <div className="account-metrics__head">
          <CategoryChip category={m.category} />
          <span className={`badge ${ZONE_TONE[m.riskZone.placement]}`} title={m.riskZone.rule}>
            {ZONE_LABELS[m.riskZone.placement]}
          </span>
          <span className={`badge ${SEGMENT_TONE[m.mspSegment.placement]}`} title={m.mspSegment.rule}>
            Segment: {SEGMENT_LABELS[m.mspSegment.placement]}
          </span>
          {m.silence.silent ? <span className="badge badge--warning">Silent</span> : null}
          {sv.alert.raised ? <span className="badge badge--danger">Revenue met at the expense of success</span> : null}
        </div>

        <div className="account-metrics__grid">
          <div className={`account-metrics__score${m.headlineMethod === 'count-all' ? ' account-metrics__score--headline' : ''}`}>
            <span className="account-metrics__score-label">Count-all NPS</span>
            <ExplainButton
              className="account-metrics__score-value"
              explanation={{
                title: `Count-all NPS of ${m.account.name}`,
                figures: [
                  { label: 'NPS', figure: countAll.nps },
                  { label: '95% interval', figure: countAll.interval95 },
                ],
              }}
            >
              {formatFigure(countAll.nps, ctx)}
            </ExplainButton>
            <span className="account-metrics__score-detail">
              n = {countAll.counts.total}
              {countAll.nps.value !== null ? ` · 95% ${formatInterval(countAll.interval95, ctx)}` : ''}
            </span>
          </div>
          {(['average', 'waterfall', 'weighted'] as const).map((method) => (
            <ScoreTile key={method} m={m} method={method} ctx={ctx} />
          ))}
        </div>

        <div className="account-metrics__columns">
          <div>
            <h3 className="account-metrics__subtitle">Why it stands here</h3>
            <ul className="account-metrics__why">
              <li>
                <strong>{m.atRisk.atRisk ? 'At risk. ' : 'Not at risk. '}</strong>
                {m.atRisk.rule}
              </li>
              {m.atRisk.why.map((line) => (
                <li key={line}>{line}</li>
              ))}
              <li>
                <strong>{ZONE_LABELS[m.riskZone.placement]}: </strong>
                {m.riskZone.rule}
                {m.riskZone.override ? ` (moved by hand: ${m.riskZone.override.reason})` : ''}
              </li>
              <li>
                <strong>Segment {SEGMENT_LABELS[m.mspSegment.placement]}: </strong>
                {m.mspSegment.rule}
                {m.mspSegment.override ? ` (moved by hand: ${m.mspSegment.override.reason})` : ''}
              </li>
              <li>
                <strong>{m.silence.silent ? 'Silent. ' : 'Heard from. '}</strong>
                Last response or interview{' '}
                <ExplainButton explanation={{ title: 'Days since the last word', lead: m.silence.rule, figures: [{ label: 'Days since last touch', figure: m.silence.daysSinceLastTouch }] }}>
                  {formatFigure(m.silence.daysSinceLastTouch, ctx)}
                </ExplainButton>{' '}
                ago.
              </li>
            </ul>
          </div>
          <div>
            <h3 className="account-metrics__subtitle">Revenue and reach, {m.period.label}</h3>
            <dl className="definition-list account-metrics__facts">
              <dt>ARR</dt>
              <dd>
                <ExplainButton explanation={{ title: `ARR of ${m.account.name}`, figures: [{ label: 'ARR', figure: m.arr }] }}>{formatFigure(m.arr, ctx)}</ExplainButton>
              </dd>
              <dt>NRR (12 months)</dt>
              <dd>
                <ExplainButton
                  explanation={{
                    title: `Retention of ${m.account.name}`,
                    figures: [
                      { label: 'ARR at start', figure: m.retention.arrStart },
                      { label: 'ARR at end', figure: m.retention.arrEnd },
                      { label: 'NRR', figure: m.retention.nrr },
                      { label: 'GRR', figure: m.retention.grr },
                    ],
                  }}
                >
                  {formatFigure(m.retention.nrr, ctx)}
                </ExplainButton>
                {m.retention.class ? <span className="muted"> · {m.retention.class}</span> : null}
              </dd>
              <dt>Stakeholders heard</dt>
              <dd>
                <ExplainButton explanation={{ title: 'Stakeholder coverage', figures: [{ label: 'Contacts who answered', figure: m.stakeholderCoverage.share }] }}>
                  {formatFigure(m.stakeholderCoverage.share, ctx)}
                </ExplainButton>
                <span className="muted">
                  {' '}
                  · {m.stakeholderCoverage.roles.map((r) => `${ROLE_LABELS[r.role]} ${r.answered}/${r.contacts}`).join(', ')}
                </span>
              </dd>
              {m.stakeholderCoverage.rolesWithoutAnswer.length > 0 ? (
                <>
                  <dt>Not heard</dt>
                  <dd>{m.stakeholderCoverage.rolesWithoutAnswer.map((r) => ROLE_LABELS[r]).join(', ')}</dd>
                </>
              ) : null}
            </dl>
          </div>
        </div>
      </div>

      <div className="card__body card__body--chart">
        <div className="account-metrics__chart-head">
          <h3 className="account-metrics__subtitle">Score by quarter</h3>
          <span className="monet-legend" aria-hidden="true">
            <span className="monet-legend__item monet-legend__item--accent">{METHOD_LABELS[headlineMethod]} (headline)</span>
            {(['weighted', 'average', 'waterfall'] as const)
              .filter((method) => method !== headlineMethod)
              .map((method, i) => (
                <span key={method} className={`monet-legend__item monet-legend__item--${i === 0 ? 'muted' : 'neutral'}`}>
                  {METHOD_LABELS[method]}
                </span>
              ))}
          </span>
        </div>
        <EChart option={option} label={accountTrendSummary(m.trend, headlineMethod, fmt.locale)} height={200} />
      </div>
      <ChartTable summary="Score by quarter as a table">
        <table className="data-table data-table--compact">
          <thead>
            <tr>
              <th scope="col">Quarter</th>
              <th scope="col" className="align-end">
                Responses
              </th>
              <th scope="col" className="align-end">
                Count-all NPS
              </th>
              <th scope="col" className="align-end">
                Average
              </th>
              <th scope="col" className="align-end">
                Waterfall
              </th>
              <th scope="col" className="align-end">
                Weighted
              </th>
              <th scope="col">Category</th>
            </tr>
          </thead>
          <tbody>
            {m.trend.map((p) => (
              <tr key={p.period.from}>
                <th scope="row">{p.period.label}</th>
                <td className="align-end">{p.responses}</td>
                <td className="align-end">{formatFigure(p.countAllNps, ctx)}</td>
                <td className="align-end">{formatFigure(p.scores.average.score, ctx)}</td>
                <td className="align-end">{formatFigure(p.scores.waterfall.score, ctx)}</td>
                <td className="align-end">{formatFigure(p.scores.weighted.score, ctx)}</td>
                <td>{p.headlineCategory ? NPS_CATEGORY_LABELS[p.headlineCategory] : NONE}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ChartTable>

      <div className="card__body">
        <h3 className="account-metrics__subtitle">Success Vector by QBR</h3>
        {sv.history.length === 0 ? (
          <p className="muted">No QBR with ratings yet. At each QBR, rate tools, investment and desire to succeed (1–5) to start the Success Vector.</p>
        ) : (
          <div className="table-scroll table-scroll--short" tabIndex={0} role="region" aria-label="Success Vector history">
            <table className="data-table data-table--compact">
              <caption className="visually-hidden">Success Vector at each QBR, newest last</caption>
              <thead>
                <tr>
                  <th scope="col">QBR</th>
                  <th scope="col" className="align-end">
                    Ratings (tools, investment, desire)
                  </th>
                  <th scope="col" className="align-end">
                    Milestones on time
                  </th>
                  <th scope="col" className="align-end">
                    Success Vector
                  </th>
                  <th scope="col" className="align-end">
                    Change
                  </th>
                </tr>
              </thead>
              <tbody>
                {sv.history.map((q) => (
                  <tr key={q.qbrId}>
                    <th scope="row">
                      {fmt.date(q.heldOn)}
                      <span className="cell-secondary">{q.title}</span>
                    </th>
                    <td className="align-end">{q.ratings ? `${q.ratings.tools}, ${q.ratings.investment}, ${q.ratings.desire}` : NONE}</td>
                    <td className="align-end">{q.milestones.due === 0 ? 'none due' : `${q.milestones.achievedOnTime} of ${q.milestones.due}`}</td>
                    <td className="align-end">
                      {q.result ? (
                        <ExplainButton
                          explanation={{
                            title: `Success Vector, ${fmt.date(q.heldOn)}`,
                            figures: [
                              { label: 'Success Vector', figure: q.result.successVector },
                              { label: 'Subjective', figure: q.result.subjective },
                              { label: 'Adherence', figure: q.result.adherence },
                            ],
                          }}
                        >
                          {formatFigure(q.result.successVector, ctx)}
                        </ExplainButton>
                      ) : (
                        <span title={q.nullReason ?? undefined}>
                          {NONE}
                          <span className="visually-hidden"> {q.nullReason}</span>
                        </span>
                      )}
                    </td>
                    <td className="align-end">{q.direction.direction ? formatFigure(q.direction.change, ctx, { plus: true }) : NONE}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <p className="monet-note">{sv.alert.rule}</p>
      </div>
    </>
  );
}

/** The account's own metrics (metrics.account): scores by method, category, trend, Success Vector, segment and why. */
export function AccountMetricsSection({ accountId }: { accountId: string }) {
  const metrics = useQuery(() => api.metrics.account({ accountId }), [accountId]);
  const m = metrics.data;
  return (
    <ExplainProvider>
      <section className="card account-metrics" aria-labelledby="account-metrics-title" aria-busy={metrics.loading}>
        <div className="card__header">
          <h2 id="account-metrics-title" className="card__title">
            Experience and revenue
            {m ? <span className="card__count">{m.period.label}</span> : null}
          </h2>
        </div>
        {metrics.error ? <InlineError error={metrics.error} onRetry={metrics.reload} what="this account’s metrics" /> : null}
        {m ? <Body m={m} /> : metrics.error ? null : <Loading label="Computing this account’s metrics…" />}
      </section>
    </ExplainProvider>
  );
}
