import { useEffect } from 'react';
import { Redirect, Route, Switch, useLocation } from 'wouter';
import { SideNav } from './side-nav';
import { TopBar } from './top-bar';
import { ErrorBoundary } from './error-boundary';
import { useGlobalShortcuts } from './use-global-shortcuts';
import { AREAS, areaForPath } from './areas';
import { useWorkspace } from './workspace-context';
import { UpcomingArea } from './upcoming-area';
import { NotFound } from './not-found';
import { AccountsScreen } from '../accounts/accounts-screen';
import { AccountPage } from '../accounts/account-page';
import { SettingsScreen } from '../workspace/settings-screen';
import { Toaster } from '../components/toaster';
import { useAccountsView } from '../state/accounts-view-store';

/** The accounts list manages its own scrolling (virtualized); other screens scroll as a page. */
function isFillScreen(path: string): boolean {
  return path === '/accounts';
}

export function AppShell() {
  const workspace = useWorkspace();
  const [location] = useLocation();
  useGlobalShortcuts();

  // Filters of another workspace mean nothing here.
  useEffect(() => {
    useAccountsView.getState().reset();
  }, []);

  const area = areaForPath(location);
  useEffect(() => {
    document.title = `${area?.label ?? 'AX Workbench'} · ${workspace.name} — AX Workbench`;
  }, [area, workspace.name]);

  return (
    <div className="app-shell">
      <SideNav />
      <TopBar />
      <main className={`content${isFillScreen(location) ? ' content--fill' : ''}`} id="content">
        <ErrorBoundary scope="screen" resetKey={location}>
          <Switch>
            <Route path="/">
              <Redirect to="/accounts" replace />
            </Route>
            <Route path="/accounts" component={AccountsScreen} />
            <Route path="/accounts/:id">{(params) => <AccountPage key={params.id} id={params.id} />}</Route>
            <Route path="/settings" component={SettingsScreen} />
            {AREAS.filter((a) => !a.built).map((a) => (
              <Route key={a.id} path={a.path}>
                <UpcomingArea area={a} />
              </Route>
            ))}
            <Route component={NotFound} />
          </Switch>
        </ErrorBoundary>
      </main>
      <Toaster />
    </div>
  );
}
