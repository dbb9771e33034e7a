import { Component } from 'react';
import type { ErrorInfo, ReactNode } from 'react';
import { Icon } from '../components/icons';

interface Props {
  children: ReactNode;
  /** 'screen' keeps the navigation usable and only replaces the broken screen. */
  scope: 'app' | 'screen';
  /** Changing this (the route) clears a screen's error, so navigating away recovers. */
  resetKey?: string;
}

interface State {
  error: Error | null;
  resetKey: string | undefined;
}

/** A rendering bug shows a readable message and a way out, never a blank window or a crash loop. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    if (props.resetKey !== state.resetKey) return { error: null, resetKey: props.resetKey };
    return null;
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('AX Workbench screen failed', error, info.componentStack);
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    const body = (
      <div className="card crash__card" role="alert">
        <div className="empty-state__icon">
          <Icon name="alert" size={26} />
        </div>
        <h1 className="page-header__title">{this.props.scope === 'app' ? 'AX Workbench hit a problem' : 'This screen hit a problem'}</h1>
        <p className="muted">
          Your data is safe: it is saved in the workspace file as you go. Reloading the window usually clears this. If it keeps
          happening, note the message below for support.
        </p>
        <p className="crash__message">{error.message || 'Unknown error'}</p>
        <div className="crash__actions">
          <button type="button" className="button button--primary" onClick={() => window.location.reload()}>
            Reload
          </button>
          {this.props.scope === 'screen' ? (
            <a className="button button--secondary" href="#/accounts">
              Go to Accounts
            </a>
          ) : null}
        </div>
      </div>
    );
    return this.props.scope === 'app' ? <main className="crash">{body}</main> : <div className="crash crash--screen">{body}</div>;
  }
}
