import { Link, Redirect, useLocation } from 'wouter';
import { EmptyState } from '../components/empty-state';

export function NotFound() {
  const [location] = useLocation();
  // The browser-mode start URL (#token=…) opened again in a tab that already runs the app.
  if (location.startsWith('/token=')) return <Redirect to="/accounts" replace />;
  return (
    <div className="page">
      <EmptyState
        icon="info"
        title="This screen is not in this version"
        actions={
          <Link href="/accounts" className="button button--primary">
            Go to Accounts
          </Link>
        }
      >
        <p>
          There is nothing at <code>{location}</code> yet. The navigation on the left lists every screen available today.
        </p>
      </EmptyState>
    </div>
  );
}
