import { useId } from 'react';
import type { Progress } from './transfer';
import { formatBytes, progressPercent } from './wizard-model';

/** A labelled progress bar with Cancel; indeterminate (a moving stripe) while the total is unknown. */
export function ProgressPanel({ progress, onCancel, bytes = false }: { progress: Progress; onCancel?: (() => void) | undefined; bytes?: boolean }) {
  const labelId = useId();
  const pct = progressPercent(progress.done, progress.total);
  const amount =
    progress.total === null
      ? null
      : bytes || /sending|download/i.test(progress.label)
        ? `${formatBytes(progress.done)} of ${formatBytes(progress.total)}`
        : `${progress.done.toLocaleString('en-US')} of ${progress.total.toLocaleString('en-US')}`;
  return (
    <div className="ie-progress">
      <div className="ie-progress__text">
        <span id={labelId} className="ie-progress__label">
          {progress.label}…
        </span>
        {amount ? <span className="ie-progress__amount num">{amount}</span> : null}
      </div>
      <div
        className={`ie-progress__track${pct === null ? ' ie-progress__track--indeterminate' : ''}`}
        role="progressbar"
        aria-labelledby={labelId}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct ?? undefined}
        aria-valuetext={pct === null ? 'Working' : `${pct}%`}
      >
        <div className="ie-progress__fill" style={pct === null ? undefined : { width: `${pct}%` }} />
      </div>
      {onCancel ? (
        <button type="button" className="button button--secondary button--small" onClick={onCancel}>
          Cancel
        </button>
      ) : null}
    </div>
  );
}
