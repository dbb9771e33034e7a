import { useId } from 'react';
import type { ReactNode } from 'react';

/** A dashboard card: a titled section with an optional badge and actions in its header. */
export function Panel({ title, badge, actions, children, className = '', id }: { title: string; badge?: ReactNode; actions?: ReactNode; children: ReactNode; className?: string; id?: string }) {
  const autoId = useId();
  const titleId = id ?? autoId;
  return (
    <section className={`card monet-panel ${className}`} aria-labelledby={titleId}>
      <div className="card__header">
        <h2 id={titleId} className="card__title">
          {title}
          {badge}
        </h2>
        {actions ? <div className="monet-panel__actions">{actions}</div> : null}
      </div>
      {children}
    </section>
  );
}

/** The numbers behind a chart, one click away, for people who cannot see it or want them exact. */
export function ChartTable({ summary, children }: { summary: string; children: ReactNode }) {
  return (
    <details className="chart-table">
      <summary>{summary}</summary>
      <div className="table-scroll chart-table__scroll" tabIndex={0} role="region" aria-label={summary}>
        {children}
      </div>
    </details>
  );
}

/** A chart-shaped placeholder while the first answer arrives. */
export function PanelSkeleton({ title, height = 220 }: { title: string; height?: number }) {
  return (
    <section className="card monet-panel" aria-label={title} aria-busy="true">
      <div className="card__header">
        <h2 className="card__title">{title}</h2>
      </div>
      <div className="card__body">
        <div className="chart-skeleton" style={{ height }} />
      </div>
    </section>
  );
}
