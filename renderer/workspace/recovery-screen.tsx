import { useState } from 'react';
import type { WorkspaceBackup, WorkspaceStatus } from '../../shared/contract';
import { api } from '../api';
import { announceWorkspaceChange } from '../app/core-events';
import { systemLocale } from '../app/format-extra';
import { Icon } from '../components/icons';
import { Dialog } from '../components/dialog';
import { NewWorkspaceForm } from './new-workspace-form';
import { BackupList } from './backup-list';
import { ProblemCard } from './problem-card';
import { RecentWorkspaces } from './recent-workspaces';
import { StandaloneFrame } from './standalone-frame';

type Damaged = Extract<WorkspaceStatus, { state: 'damaged' }>;

/** The file failed its check at open: say what happened, and offer every way forward without touching it. */
export function RecoveryScreen({ status }: { status: Damaged }) {
  const locale = systemLocale();
  const [opening, setOpening] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);

  const openBackup = async (backup: WorkspaceBackup) => {
    setOpening(backup.id);
    setError(null);
    try {
      await api.workspace.openBackup({ backupId: backup.id });
      announceWorkspaceChange();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      setOpening(null);
    }
  };

  return (
    <StandaloneFrame
      tone="problem"
      title="This workspace could not be opened"
      lead="The workbench checks every file when it opens it. This one did not pass, so it was left exactly as it is: nothing was changed or deleted."
    >
      <ProblemCard kind="damaged" title="What went wrong" message={status.problem} fileName={status.fileName} location={status.location} />

      {error ? (
        <p className="form-alert" role="alert">
          <Icon name="alert" size={16} />
          {error}
        </p>
      ) : null}

      <section className="card" aria-labelledby="backups-title">
        <div className="card__header">
          <div>
            <h2 id="backups-title" className="card__title">
              Open a backup
            </h2>
            <p className="card__subtitle">Opening a backup makes a copy next to the damaged file and opens the copy.</p>
          </div>
        </div>
        <div className="card__body card__body--flush">
          {status.backups.length > 0 ? (
            <BackupList backups={status.backups} locale={locale} onOpen={(b) => void openBackup(b)} opening={opening} caption="Backups of this workspace" />
          ) : (
            <p className="card__empty">There are no backups of this file. Open another workspace or create a new one.</p>
          )}
        </div>
      </section>

      <div className="standalone__columns">
        <section className="card" aria-labelledby="others-title">
          <div className="card__header">
            <h2 id="others-title" className="card__title">
              Other recent workspaces
            </h2>
          </div>
          <div className="card__body">
            <RecentWorkspaces locale={locale} exclude={(w) => w.fileName === status.fileName && w.location === status.location} emptyText="No other workspaces on this computer yet." />
          </div>
        </section>
        <section className="card" aria-labelledby="fresh-title">
          <div className="card__header">
            <h2 id="fresh-title" className="card__title">
              Start again
            </h2>
          </div>
          <div className="card__body stack">
            <p className="muted">Create a new, empty workspace. The damaged file stays where it is, for you or support to look at.</p>
            <div>
              <button type="button" className="button button--secondary" onClick={() => setCreating(true)}>
                <Icon name="plus" size={16} />
                New workspace…
              </button>
            </div>
          </div>
        </section>
      </div>
      {creating ? (
        <Dialog title="New workspace" onClose={() => setCreating(false)}>
          <NewWorkspaceForm onCreated={() => setCreating(false)} onCancel={() => setCreating(false)} autoFocusName />
        </Dialog>
      ) : null}
    </StandaloneFrame>
  );
}
