import { Icon } from '../components/icons';
import { StandaloneFrame } from './standalone-frame';

/** The core did not answer at all (browser mode stopped, the worker crashed): say so, offer a retry. */
export function StartupProblem({ error, onRetry }: { error: Error; onRetry: () => void }) {
  return (
    <StandaloneFrame tone="problem" title="The workbench is not answering" lead="The window is open, but the part of the app that holds your data did not respond. Your data is safe in its file.">
      <section className="card problem-card" role="alert">
        <div className="problem-card__icon" aria-hidden="true">
          <Icon name="alert" size={22} />
        </div>
        <div className="problem-card__body">
          <p className="problem-card__message">{error.message}</p>
          <p className="muted">In browser mode, check that the terminal that started the workbench is still running, then try again.</p>
          <div>
            <button type="button" className="button button--primary" onClick={onRetry}>
              <Icon name="refresh" size={16} />
              Try again
            </button>
          </div>
        </div>
      </section>
    </StandaloneFrame>
  );
}
