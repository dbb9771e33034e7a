import type { ScoreCorrection } from '../../shared/contract';
import { api } from '../api';
import { formatDateTime } from '../app/format-extra';
import { useFormat } from '../app/use-format';
import { useQuery } from '../app/use-query';
import { InlineError } from '../components/inline-error';

const FIELD_NAMES: Record<ScoreCorrection['field'], string> = { nps: 'NPS', csat: 'CSAT', ces: 'CES', driver_rating: 'Driver rating' };

/** Every correction of the interview's scores, newest first: who, when, old → new, and why. */
export function CorrectionsHistory({ interviewId, driverName }: { interviewId: string; driverName(id: string): string }) {
  const fmt = useFormat();
  const corrections = useQuery(() => api.interviews.corrections({ interviewId }), [interviewId]);
  if (corrections.error) return <InlineError error={corrections.error} onRetry={corrections.reload} what="the corrections" />;
  const rows = [...(corrections.data ?? [])].sort((a, b) => b.correctedAt.localeCompare(a.correctedAt));
  if (rows.length === 0) return null;
  return (
    <section className="corrections" aria-labelledby={`corrections-${interviewId}`}>
      <h3 className="corrections__title" id={`corrections-${interviewId}`}>
        Score corrections
      </h3>
      <ol className="corrections__list">
        {rows.map((c) => (
          <li key={c.id} className="corrections__item">
            <span className="corrections__what">
              {FIELD_NAMES[c.field]}
              {c.driverId ? ` · ${driverName(c.driverId)}` : ''}: <s>{c.oldValue ?? 'no answer'}</s> → <strong>{c.newValue ?? 'no answer'}</strong>
            </span>
            <span className="corrections__meta">
              {c.correctedBy ?? 'Someone'} · <time dateTime={c.correctedAt}>{formatDateTime(c.correctedAt, fmt.locale)}</time>
            </span>
            {c.reason ? <span className="corrections__reason">{c.reason}</span> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
