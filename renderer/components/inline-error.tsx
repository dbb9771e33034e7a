import { Icon } from './icons';

/** A failed load, said plainly, with a way to try again: never a blank screen. */
export function InlineError({ error, onRetry, what = 'this' }: { error: Error; onRetry?: () => void; what?: string }) {
  return (
    <div className="inline-error" role="alert">
      <Icon name="alert" />
      <div className="inline-error__text">
        <strong>Could not load {what}.</strong> <span>{error.message}</span>
      </div>
      {onRetry ? (
        <button type="button" className="button button--secondary button--small" onClick={onRetry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}
