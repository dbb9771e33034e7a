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
import { MonetizationScreen } from '../monetization/monetization-screen';
import { ImportExportScreen } from '../import-export/import-export-screen';
import { InterviewsHome } from '../interviews/interviews-home';
import { StartSessionScreen } from '../interviews/start-session-screen';
import { SessionScreen } from '../interviews/session-screen';
import { InterviewRecordScreen } from '../interviews/interview-record-screen';
import { GuidesScreen } from '../interviews/guides-screen';
import { GuideEditorScreen } from '../interviews/guide-editor-screen';
import { FollowUpQueueScreen } from '../actions/follow-up-queue-screen';
import { SearchScreen } from '../search/search-screen';
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
            <Route path="/interviews" component={InterviewsHome} />
            <Route path="/interviews/start">{() => <StartSessionScreen />}</Route>
            <Route path="/interviews/start/:accountId">{(params) => <StartSessionScreen key={params.accountId} accountId={params.accountId} />}</Route>
            <Route path="/interviews/session/:id">{(params) => <SessionScreen key={params.id} id={params.id} />}</Route>
            <Route path="/interviews/record/:id">{(params) => <InterviewRecordScreen key={params.id} id={params.id} />}</Route>
            <Route path="/interviews/guides" component={GuidesScreen} />
            <Route path="/interviews/guides/new">{() => <GuideEditorScreen />}</Route>
            <Route path="/interviews/guides/:id">{(params) => <GuideEditorScreen key={params.id} id={params.id} />}</Route>
            <Route path="/interviews/follow-ups" component={FollowUpQueueScreen} />
            <Route path="/interviews/search" component={SearchScreen} />
            <Route path="/monetization" component={MonetizationScreen} />
            <Route path="/import-export" component={ImportExportScreen} />
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
