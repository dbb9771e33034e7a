import { useMemo } from 'react';
import type { AccountDetail } from '../../shared/contract';
import { useFormat } from '../app/use-format';
import { todayIsoLocal } from '../app/format-extra';
import { EChart } from '../charts/echart';
import { arrHistoryOptions, arrHistorySummary } from '../charts/arr-history-options';
import { useChartPalette } from '../charts/use-chart-palette';
import { EmptyState } from '../components/empty-state';
import { ARR_KIND_TONE, arrKindLabel } from './arr-labels';

export function ArrHistoryCard({ account }: { account: AccountDetail }) {
  const fmt = useFormat();
  const palette = useChartPalette();
  const history = account.arrHistory;
  const option = useMemo(
    () => arrHistoryOptions(history, { currency: fmt.currency, locale: fmt.locale, palette, today: todayIsoLocal() }),
    [history, fmt.currency, fmt.locale, palette],
  );
  const newestFirst = [...history].sort((a, b) => b.effectiveDate.localeCompare(a.effectiveDate));

  return (
    <section className="card" aria-labelledby="arr-title">
      <div className="card__header">
        <h2 id="arr-title" className="card__title">
          ARR history
        </h2>
      </div>
      {history.length === 0 ? (
        <EmptyState icon="trend" title="No ARR recorded" headingLevel={3}>
          <p>Edit the account to set its ARR; every later change is kept here.</p>
        </EmptyState>
      ) : (
        <>
          <div className="card__body card__body--chart">
            <EChart option={option} label={arrHistorySummary(history, fmt.currency, fmt.locale)} height={200} />
          </div>
          <div className="table-scroll table-scroll--short" tabIndex={0} role="region" aria-label="ARR changes">
            <table className="data-table data-table--compact">
              <caption className="visually-hidden">ARR changes, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Date</th>
                  <th scope="col">Change</th>
                  <th scope="col" className="align-end">
                    ARR
                  </th>
                </tr>
              </thead>
              <tbody>
                {newestFirst.map((r) => (
                  <tr key={r.id}>
                    <td className="num">{fmt.date(r.effectiveDate)}</td>
                    <td>
                      <span className={`badge ${ARR_KIND_TONE[r.kind] ?? ''}`}>{arrKindLabel(r.kind)}</span>
                      {r.note ? <span className="cell-secondary">{r.note}</span> : null}
                    </td>
                    <td className="align-end">{fmt.money(r.arrMinor)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
