import type { ActionKpis, ActionQueue } from '../../shared/contract';
import type { Figure } from '../../shared/domain/metrics-types';

function figureText(f: Figure, locale: string): string {
  if (f.value === null) return '—';
  if (f.unit === 'ratio') return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(f.value);
  if (f.unit === 'days') return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(f.value)} days`;
  return new Intl.NumberFormat(locale).format(f.value);
}

/** The queue at a glance (overdue, due soon, open, contacted) and how well loops close (metrics.md §8). */
export function LoopKpis({ queue, kpis, locale }: { queue: ActionQueue; kpis: ActionKpis | undefined; locale: string }) {
  const s = queue.summary;
  return (
    <dl className="kpi-row">
      <div className={`kpi${s.overdue > 0 ? ' kpi--danger' : ''}`}>
        <dt>Overdue</dt>
        <dd>{s.overdue}</dd>
      </div>
      <div className={`kpi${s.dueSoon > 0 ? ' kpi--warning' : ''}`}>
        <dt>Due within 24 h</dt>
        <dd>{s.dueSoon}</dd>
      </div>
      <div className="kpi">
        <dt>Not closed</dt>
        <dd>{s.open}</dd>
      </div>
      <div className="kpi">
        <dt>Contacted, not closed</dt>
        <dd>{s.contacted}</dd>
      </div>
      {kpis ? (
        <>
          <div className="kpi" title={kpis.overall.contactedWithinTarget.formula}>
            <dt>First contact on time</dt>
            <dd>{figureText(kpis.overall.contactedWithinTarget, locale)}</dd>
          </div>
          <div className="kpi" title={kpis.overall.medianDaysToClose.formula}>
            <dt>Median time to close</dt>
            <dd>{figureText(kpis.overall.medianDaysToClose, locale)}</dd>
          </div>
        </>
      ) : null}
    </dl>
  );
}
