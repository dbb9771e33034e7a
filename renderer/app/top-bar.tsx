import { WorkspaceSwitcher } from '../workspace/workspace-switcher';
import { GlobalSearch } from './global-search';
import { useWorkspace } from './workspace-context';

export function TopBar() {
  const workspace = useWorkspace();
  return (
    <header className="topbar">
      <WorkspaceSwitcher />
      {workspace.isDemo ? (
        <span className="badge badge--warning" title="This workspace holds generated sample data to explore the workbench.">
          Demo data
        </span>
      ) : null}
      <div className="topbar__spacer" />
      <GlobalSearch />
    </header>
  );
}
