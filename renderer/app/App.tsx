import { Router } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import { ErrorBoundary } from './error-boundary';
import { StartupGate } from './startup-gate';

export function App() {
  return (
    <ErrorBoundary scope="app">
      <Router hook={useHashLocation}>
        <StartupGate />
      </Router>
    </ErrorBoundary>
  );
}
