import { api } from '../api';
import { useQuery } from './use-query';
import { WorkspaceProvider } from './workspace-context';
import { AppShell } from './app-shell';
import { WelcomeScreen } from '../workspace/welcome-screen';
import { RecoveryScreen } from '../workspace/recovery-screen';
import { TooNewScreen } from '../workspace/too-new-screen';
import { StartupProblem } from '../workspace/startup-problem';
import { Loading } from '../components/loading';

/** What the window shows depends on the workspace: open, none yet, damaged, or from a newer version. */
export function StartupGate() {
  const status = useQuery(() => api.workspace.status(), []);

  if (!status.data) {
    if (status.error) return <StartupProblem error={status.error} onRetry={status.reload} />;
    return (
      <main className="standalone">
        <Loading label="Opening your workspace…" />
      </main>
    );
  }

  const state = status.data;
  switch (state.state) {
    case 'ready':
      return (
        <WorkspaceProvider value={state.workspace}>
          {/* A different workspace remounts the shell: nothing from the previous one lingers. */}
          <AppShell key={state.workspace.id} />
        </WorkspaceProvider>
      );
    case 'none':
      return <WelcomeScreen />;
    case 'damaged':
      return <RecoveryScreen status={state} />;
    case 'too_new':
      return <TooNewScreen status={state} />;
  }
}
