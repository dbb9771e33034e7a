import { Icon } from '../components/icons';
import { useExplain } from './explain-context';
import type { HeadlineCard } from './headline-model';

/** Eight figures across the top; each card is a button that opens the figure's explanation. */
export function HeadlineCards({ cards }: { cards: readonly HeadlineCard[] }) {
  const explain = useExplain();
  return (
    <section aria-labelledby="monet-headline-title">
      <h2 id="monet-headline-title" className="visually-hidden">
        Headline figures
      </h2>
      <ul className="headline-grid">
        {cards.map((card) => (
          <li key={card.id}>
            <button
              type="button"
              className={`headline-card headline-card--${card.tone}`}
              data-card={card.id}
              onClick={() => explain(card.explanation)}
              aria-describedby={`monet-card-${card.id}-detail`}
            >
              <span className="headline-card__label">
                {card.label}
                <Icon name="info" size={14} />
              </span>
              <span className={`headline-card__value${card.empty ? ' headline-card__value--none' : ''}`}>
                {card.value}
                {card.empty ? <span className="visually-hidden"> (no value)</span> : null}
              </span>
              <span id={`monet-card-${card.id}-detail`} className="headline-card__detail">
                {card.detail}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The same grid while the first answer is on its way: shapes, no invented numbers. */
export function HeadlineSkeleton() {
  return (
    <ul className="headline-grid" aria-hidden="true">
      {Array.from({ length: 8 }, (_, i) => (
        <li key={i}>
          <div className="headline-card headline-card--skeleton">
            <span className="skeleton" style={{ width: '45%' }} />
            <span className="skeleton skeleton--value" style={{ width: '60%' }} />
            <span className="skeleton" style={{ width: '80%' }} />
          </div>
        </li>
      ))}
    </ul>
  );
}
