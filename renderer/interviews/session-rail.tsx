import type { SessionStakeholder } from '../../shared/contract';
import { LEVEL_LABELS } from '../../shared/domain/people';
import { modKeyLabel } from '../app/platform';
import { Icon } from '../components/icons';
import { NpsChip } from '../components/nps-chip';

interface SessionRailProps {
  stakeholders: readonly SessionStakeholder[];
  currentIndex: number | null;
  onGoTo(interviewId: string): void;
  onRemove(stakeholder: SessionStakeholder): void;
  onAdd(): void;
}

/** The people of the day in order: who is done, who is next, and the keys that move between them. */
export function SessionRail({ stakeholders, currentIndex, onGoTo, onRemove, onAdd }: SessionRailProps) {
  return (
    <aside className="session-rail" aria-label="Stakeholders today">
      <ol className="session-rail__list">
        {stakeholders.map((s, i) => {
          const here = i === currentIndex;
          const state = s.status === 'complete' ? 'complete' : s.answered > 0 ? 'started' : 'waiting';
          return (
            <li key={s.interviewId} className={`session-rail__item${here ? ' session-rail__item--current' : ''}`}>
              <button type="button" className="session-rail__button" aria-current={here ? 'step' : undefined} onClick={() => onGoTo(s.interviewId)}>
                <span className={`session-rail__dot session-rail__dot--${state}`} aria-hidden="true">
                  {s.status === 'complete' ? <Icon name="check" size={12} /> : i + 1}
                </span>
                <span className="session-rail__text">
                  <span className="session-rail__name">{s.name}</span>
                  <span className="session-rail__meta">
                    {s.status === 'complete' ? 'Complete' : s.answered > 0 ? `In progress · ${s.answered} answered` : 'Not started'}
                    {s.level ? ` · ${LEVEL_LABELS[s.level]}` : ''}
                  </span>
                </span>
                <NpsChip score={s.nps} />
              </button>
              {s.status === 'draft' && s.answered === 0 && !here ? (
                <button type="button" className="icon-button session-rail__remove" aria-label={`Remove ${s.name} from today`} title="Did not come: remove from today" onClick={() => onRemove(s)}>
                  <Icon name="close" size={14} />
                </button>
              ) : null}
            </li>
          );
        })}
      </ol>
      <button type="button" className="button button--ghost button--small session-rail__add" onClick={onAdd}>
        <Icon name="plus" size={14} />
        Add a stakeholder
      </button>
      <section className="shortcuts" aria-labelledby="shortcuts-title">
        <h2 className="shortcuts__title" id="shortcuts-title">
          Keyboard
        </h2>
        <dl className="shortcuts__list">
          <dt>
            <kbd>0</kbd>–<kbd>9</kbd>, <kbd>1</kbd><kbd>0</kbd>
          </dt>
          <dd>Score</dd>
          <dt>
            <kbd>Enter</kbd> / <kbd>Tab</kbd>
          </dt>
          <dd>Next question</dd>
          <dt>
            <kbd>{modKeyLabel}</kbd>
            <kbd>Enter</kbd>
          </dt>
          <dd>Complete, next person</dd>
          <dt>
            <kbd>Alt</kbd>
            <kbd>↓</kbd> <kbd>↑</kbd>
          </dt>
          <dd>Next / previous person</dd>
          <dt>
            <kbd>{modKeyLabel}</kbd>
            <kbd>⇧</kbd>
            <kbd>F</kbd>
          </dt>
          <dd>Mark follow-up</dd>
        </dl>
      </section>
    </aside>
  );
}
