import { useState } from 'react';
import { Link } from 'wouter';
import type { TimelineItem, TimelineKind } from '../../shared/contract';
import { LEVEL_LABELS, ROLE_LABELS } from '../../shared/domain/people';
import { useFormat } from '../app/use-format';
import type { Formatters } from '../app/use-format';
import { EmptyState } from '../components/empty-state';
import { Icon } from '../components/icons';
import type { IconName } from '../components/icons';
import { NpsChip } from '../components/nps-chip';
import { arrKindLabel } from './arr-labels';
import { TIMELINE_KINDS, TIMELINE_KIND_LABELS, countByKind, filterTimeline } from './timeline-model';

const KIND_ICON: Record<TimelineKind, IconName> = {
  interview: 'message',
  qbr: 'qbrs',
  action: 'checkCircle',
  milestone: 'flag',
  arr: 'trend',
};

function statusTone(status: string): string {
  const s = status.toLowerCase();
  if (['done', 'closed', 'complete', 'on time'].includes(s)) return 'badge--success';
  if (['late', 'overdue'].includes(s)) return 'badge--danger';
  if (['open', 'pending', 'in progress', 'in_progress', 'draft'].includes(s)) return 'badge--warning';
  return '';
}

function who(item: TimelineItem): string | null {
  if (!item.contactName) return null;
  const parts = [item.contactRole ? ROLE_LABELS[item.contactRole] : null, item.contactLevel ? LEVEL_LABELS[item.contactLevel] : null].filter(Boolean);
  return parts.length > 0 ? `${item.contactName} · ${parts.join(', ')}` : item.contactName;
}

function TimelineEntry({ item, fmt }: { item: TimelineItem; fmt: Formatters }) {
  const person = who(item);
  const title = item.kind === 'arr' ? `${arrKindLabel(item.title)}: ARR ${fmt.money(item.amountMinor)}` : item.title;
  return (
    <li className={`timeline__item timeline__item--${item.kind}`}>
      <span className="timeline__marker" aria-hidden="true">
        <Icon name={KIND_ICON[item.kind]} size={14} />
      </span>
      <div className="timeline__content">
        <div className="timeline__headline">
          {item.kind === 'interview' ? (
            <Link
              href={`/interviews/record/${item.id}`}
              className="timeline__title"
              aria-label={`${title}${item.contactName ? ` with ${item.contactName}` : ''}, ${fmt.date(item.at.slice(0, 10))}`}
            >
              {title}
            </Link>
          ) : (
            <span className="timeline__title">{title}</span>
          )}
          {item.kind === 'interview' ? <NpsChip score={item.score} showLabel /> : null}
          {item.status && item.kind !== 'interview' ? <span className={`badge ${statusTone(item.status)}`}>{item.status.replace(/_/g, ' ')}</span> : null}
        </div>
        <p className="timeline__meta">
          <time className="timeline__date" dateTime={item.at}>
            {fmt.date(item.at.slice(0, 10))}
          </time>
          {person ? <span> · {person}</span> : null}
        </p>
        {item.detail ? item.kind === 'interview' ? <blockquote className="timeline__verbatim">“{item.detail}”</blockquote> : <p className="timeline__detail">{item.detail}</p> : null}
      </div>
    </li>
  );
}

/** What happened with the account, newest first; read-only (each item is edited where it lives). */
export function AccountTimeline({ items }: { items: readonly TimelineItem[] }) {
  const fmt = useFormat();
  const [kinds, setKinds] = useState<ReadonlySet<TimelineKind>>(new Set());
  const counts = countByKind(items);
  const shown = filterTimeline(items, kinds);

  const toggle = (kind: TimelineKind) =>
    setKinds((current) => {
      const next = new Set(current);
      if (next.has(kind)) next.delete(kind);
      else next.add(kind);
      return next;
    });

  return (
    <section className="card" aria-labelledby="timeline-title">
      <div className="card__header card__header--wrap">
        <h2 id="timeline-title" className="card__title">
          Timeline <span className="card__count">{items.length}</span>
        </h2>
        {items.length > 0 ? (
          <div className="filter-chips" role="group" aria-label="Show only">
            <button type="button" className="filter-chip" aria-pressed={kinds.size === 0} onClick={() => setKinds(new Set())}>
              All
            </button>
            {TIMELINE_KINDS.filter((k) => counts[k] > 0).map((k) => (
              <button key={k} type="button" className="filter-chip" aria-pressed={kinds.has(k)} onClick={() => toggle(k)}>
                {TIMELINE_KIND_LABELS[k].many} <span className="filter-chip__count">{counts[k]}</span>
              </button>
            ))}
          </div>
        ) : null}
      </div>
      <div className="card__body">
        {items.length === 0 ? (
          <EmptyState icon="clock" title="Nothing on the timeline yet" headingLevel={3}>
            <p>Interviews, QBRs, follow-up actions, milestones and ARR changes of this account will appear here, newest first.</p>
          </EmptyState>
        ) : (
          <ol className="timeline">
            {shown.map((item) => (
              <TimelineEntry key={`${item.kind}-${item.id}`} item={item} fmt={fmt} />
            ))}
          </ol>
        )}
      </div>
    </section>
  );
}
