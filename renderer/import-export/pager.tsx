/** "1–50 of 210" with Previous and Next; hidden when everything fits on one page. */
export function Pager({ offset, limit, total, label, onOffset }: { offset: number; limit: number; total: number; label: string; onOffset(offset: number): void }) {
  if (total <= limit) return null;
  const last = Math.min(total, offset + limit);
  return (
    <nav className="ie-pager" aria-label={`${label} pages`}>
      <span className="ie-pager__text num">
        {(offset + 1).toLocaleString('en-US')}–{last.toLocaleString('en-US')} of {total.toLocaleString('en-US')}
      </span>
      <button type="button" className="button button--secondary button--small" disabled={offset === 0} onClick={() => onOffset(Math.max(0, offset - limit))}>
        Previous
      </button>
      <button type="button" className="button button--secondary button--small" disabled={last >= total} onClick={() => onOffset(offset + limit)}>
        Next
      </button>
    </nav>
  );
}
