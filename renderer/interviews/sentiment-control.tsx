import { useId } from 'react';

export const SENTIMENT_OPTIONS: readonly { value: number | null; label: string }[] = [
  { value: null, label: 'As computed' },
  { value: -1, label: 'Negative' },
  { value: -0.5, label: 'Rather negative' },
  { value: 0, label: 'Neutral' },
  { value: 0.5, label: 'Rather positive' },
  { value: 1, label: 'Positive' },
];

/** How the sentiment reads, in words: "rather positive (0.4)". */
export function sentimentWords(value: number | null): string {
  if (value === null) return 'none yet';
  const word = value <= -0.6 ? 'negative' : value < -0.15 ? 'rather negative' : value <= 0.15 ? 'neutral' : value < 0.6 ? 'rather positive' : 'positive';
  return `${word} (${value.toFixed(1)})`;
}

/** The interviewer's own reading of the sentiment, used instead of the computed one when set. */
export function SentimentControl({ value, computed, onChange, disabled }: { value: number | null; computed: number | null; onChange(value: number | null): void; disabled?: boolean }) {
  const id = useId();
  return (
    <div className="sentiment">
      <span className="sentiment__label" id={id}>
        Sentiment
      </span>
      <div className="segmented" role="radiogroup" aria-labelledby={id}>
        {SENTIMENT_OPTIONS.map((o) => (
          <button key={String(o.value)} type="button" role="radio" aria-checked={value === o.value} className="segmented__item" onClick={() => onChange(o.value)} disabled={disabled}>
            {o.label}
          </button>
        ))}
      </div>
      <span className="sentiment__computed">Computed from the words: {sentimentWords(computed)}</span>
    </div>
  );
}
