import { splitHighlights } from '../../shared/contract/search';

/** A snippet with the matched words in <mark>; the text is rendered as text, never as markup. */
export function HighlightedSnippet({ snippet }: { snippet: string }) {
  return (
    <span className="snippet">
      {splitHighlights(snippet).map((part, i) => (part.hit ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}
    </span>
  );
}
