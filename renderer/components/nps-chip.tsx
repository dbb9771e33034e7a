import { npsCategory, NPS_CATEGORY_LABELS } from './nps';

/** A score with its category in colour and in words, so colour is never the only signal. */
export function NpsChip({ score, showLabel = false }: { score: number | null | undefined; showLabel?: boolean }) {
  const category = npsCategory(score);
  if (category === null) {
    return (
      <span className="nps-chip nps-chip--none" title="No NPS answer yet">
        —<span className="visually-hidden">no NPS yet</span>
      </span>
    );
  }
  const label = NPS_CATEGORY_LABELS[category];
  return (
    <span className={`nps-chip nps-chip--${category}`} title={`NPS ${score}: ${label.toLowerCase()}`}>
      <span className="nps-chip__score">{score}</span>
      {showLabel ? <span className="nps-chip__label">{label}</span> : <span className="visually-hidden">{label}</span>}
    </span>
  );
}
