import { systemLocale } from '../app/format-extra';
import { NewWorkspaceForm } from './new-workspace-form';
import { RecentWorkspaces } from './recent-workspaces';
import { StandaloneFrame } from './standalone-frame';
import { Icon } from '../components/icons';

/** First start, or every workspace closed: make one, or reopen a recent one. */
export function WelcomeScreen() {
  return (
    <StandaloneFrame
      title="Welcome to AX Workbench"
      lead="Tie what customers say to what their accounts are worth. Everything works offline and stays in one workspace file on this computer."
    >
      <div className="standalone__columns">
        <section className="card" aria-labelledby="welcome-create">
          <div className="card__header">
            <h2 id="welcome-create" className="card__title">
              Create a workspace
            </h2>
          </div>
          <div className="card__body">
            <NewWorkspaceForm autoFocusName demoByDefault />
          </div>
        </section>
        <div className="stack-lg">
          <section className="card" aria-labelledby="welcome-recent">
            <div className="card__header">
              <h2 id="welcome-recent" className="card__title">
                Recent workspaces
              </h2>
            </div>
            <div className="card__body">
              <RecentWorkspaces locale={systemLocale()} emptyText="No workspaces yet. The one you create appears here, ready to reopen." />
            </div>
          </section>
          <section className="card" aria-labelledby="welcome-version">
            <div className="card__header">
              <h2 id="welcome-version" className="card__title">
                In this version
              </h2>
            </div>
            <ul className="card__body capability-list">
              <li>
                <Icon name="accounts" size={16} />
                <span>Accounts with ARR history, renewal dates, owners and tiers</span>
              </li>
              <li>
                <Icon name="users" size={16} />
                <span>Contacts by role and level, with their latest NPS</span>
              </li>
              <li>
                <Icon name="clock" size={16} />
                <span>A timeline per account: interviews, QBRs, actions, milestones</span>
              </li>
              <li>
                <Icon name="backup" size={16} />
                <span>Backups of the workspace file, and recovery if it is damaged</span>
              </li>
            </ul>
            <p className="capability-list__next">Next: interview capture, journey maps, segments, monetization and QBR packs.</p>
          </section>
        </div>
      </div>
    </StandaloneFrame>
  );
}
