import { useState } from 'react';
import type { RecentWorkspace } from '../../shared/contract';
import { api } from '../api';
import { announceWorkspaceChange } from '../app/core-events';
import { formatDateTime } from '../app/format-extra';
import { useQuery } from '../app/use-query';
import { Icon } from '../components/icons';
import { InlineError } from '../components/inline-error';

/** The recent-workspaces list with "Open", for the screens shown when no workspace is open. */
export function RecentWorkspaces({ locale, exclude, emptyText }: { locale: string; exclude?: (w: RecentWorkspace) => boolean; emptyText: string }) {
  const recent = useQuery(() => api.workspace.recent(), []);
  const [opening, setOpening] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  if (recent.error && !recent.data) return <InlineError error={recent.error} onRetry={recent.reload} what="recent workspaces" />;
  if (!recent.data) return <p className="muted">Loading recent workspaces…</p>;
  const list = recent.data.filter((w) => !(exclude?.(w) ?? false));
  if (list.length === 0) return <p className="muted">{emptyText}</p>;

  const open = async (w: RecentWorkspace) => {
    setOpening(w.id);
    setError(null);
    try {
      await api.workspace.open({ recentId: w.id });
      announceWorkspaceChange();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      setOpening(null);
    }
  };

  const forget = async (w: RecentWorkspace) => {
    await api.workspace.forget({ recentId: w.id }).catch(() => undefined);
    recent.reload();
  };

  return (
    <>
      {error ? (
        <p className="form-alert" role="alert">
          <Icon name="alert" size={16} />
          {error}
        </p>
      ) : null}
      <ul className="recent-list">
        {list.map((w) => (
          <li key={w.id} className="recent-list__item">
            <span className="recent-list__icon" aria-hidden="true">
              <Icon name="file" size={18} />
            </span>
            <span className="recent-list__text">
              <span className="recent-list__name">{w.name}</span>
              <span className="recent-list__meta" title={`${w.location}/${w.fileName}`}>
                {w.exists ? `${w.fileName} · opened ${formatDateTime(w.lastOpenedAt, locale)}` : `File not found: ${w.fileName}`}
              </span>
            </span>
            {w.exists ? (
              <button type="button" className="button button--secondary button--small" onClick={() => void open(w)} disabled={opening !== null} aria-label={`Open ${w.name}`}>
                {opening === w.id ? 'Opening…' : 'Open'}
              </button>
            ) : (
              <button type="button" className="button button--ghost button--small" onClick={() => void forget(w)} aria-label={`Remove ${w.name} from the list`}>
                Remove
              </button>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
