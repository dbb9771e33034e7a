import { useState } from 'react';
import type { WorkspaceStatus } from '../../shared/contract';
import { systemLocale } from '../app/format-extra';
import { Icon } from '../components/icons';
import { NewWorkspaceDialog } from './new-workspace-dialog';
import { ProblemCard } from './problem-card';
import { RecentWorkspaces } from './recent-workspaces';
import { StandaloneFrame } from './standalone-frame';

type TooNew = Extract<WorkspaceStatus, { state: 'too_new' }>;

/** A file from a newer version is never opened by an older one: it could be damaged by it. */
export function TooNewScreen({ status }: { status: TooNew }) {
  const [creating, setCreating] = useState(false);
  return (
    <StandaloneFrame
      tone="problem"
      title="This workspace needs a newer AX Workbench"
      lead="It was saved by a newer version of the app. To protect it, this version does not open it. Update AX Workbench, then open the file again: nothing in it was changed."
    >
      <ProblemCard kind="info" title="Details" message={status.problem} fileName={status.fileName} location={status.location} />
      <div className="standalone__columns">
        <section className="card" aria-labelledby="others-title">
          <div className="card__header">
            <h2 id="others-title" className="card__title">
              Other recent workspaces
            </h2>
          </div>
          <div className="card__body">
            <RecentWorkspaces
              locale={systemLocale()}
              exclude={(w) => w.fileName === status.fileName && w.location === status.location}
              emptyText="No other workspaces on this computer yet."
            />
          </div>
        </section>
        <section className="card" aria-labelledby="fresh-title">
          <div className="card__header">
            <h2 id="fresh-title" className="card__title">
              Meanwhile
            </h2>
          </div>
          <div className="card__body stack">
            <p className="muted">You can work in another workspace until the app is updated.</p>
            <div>
              <button type="button" className="button button--secondary" onClick={() => setCreating(true)}>
                <Icon name="plus" size={16} />
                New workspace…
              </button>
            </div>
          </div>
        </section>
      </div>
      {creating ? <NewWorkspaceDialog onClose={() => setCreating(false)} /> : null}
    </StandaloneFrame>
  );
}
