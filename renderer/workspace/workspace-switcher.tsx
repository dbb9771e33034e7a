import { useEffect, useId, useRef, useState } from 'react';
import { useLocation } from 'wouter';
import type { RecentWorkspace } from '../../shared/contract';
import { api } from '../api';
import { announceWorkspaceChange } from '../app/core-events';
import { useQuery } from '../app/use-query';
import { useWorkspace } from '../app/workspace-context';
import { showToast } from '../state/toast-store';
import { Icon } from '../components/icons';
import { NewWorkspaceDialog } from './new-workspace-dialog';

function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  return ((words[0]?.[0] ?? 'W') + (words[1]?.[0] ?? '')).toUpperCase();
}

function RecentMenuItems({ onDone }: { onDone: () => void }) {
  const recent = useQuery(() => api.workspace.recent(), []);
  const [, navigate] = useLocation();
  if (!recent.data) return <p className="popover__item-meta popover__pad">{recent.error ? `Could not load the list: ${recent.error.message}` : 'Loading…'}</p>;

  const open = async (w: RecentWorkspace) => {
    onDone();
    try {
      await api.workspace.open({ recentId: w.id });
      announceWorkspaceChange();
      navigate('/accounts');
      showToast(`Opened ${w.name}`, 'success');
    } catch (err) {
      showToast(`Could not open ${w.name}: ${err instanceof Error ? err.message : String(err)}`, 'error');
    }
  };

  return (
    <ul className="popover__list">
      {recent.data.map((w) => (
        <li key={w.id}>
          <button type="button" className="popover__item" disabled={w.current || !w.exists} onClick={() => void open(w)} aria-current={w.current ? 'true' : undefined}>
            <span className="popover__check">{w.current ? <Icon name="check" size={16} /> : null}</span>
            <span className="popover__item-text">
              <span className="popover__item-title">{w.name}</span>
              <span className="popover__item-meta">{w.exists ? w.fileName : `File not found · ${w.fileName}`}</span>
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}

/** The current workspace's name, and the way to another one. */
export function WorkspaceSwitcher() {
  const workspace = useWorkspace();
  const [open, setOpen] = useState(false);
  const [creating, setCreating] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const [, navigate] = useLocation();

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false);
        button.current?.focus();
      }
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  // Arrow keys walk the items, as in a menu.
  const onPanelKeyDown = (event: React.KeyboardEvent) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    const items = [...(root.current?.querySelectorAll<HTMLElement>('.popover__item:not(:disabled)') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    const next = event.key === 'ArrowDown' ? (at + 1) % items.length : (at - 1 + items.length) % items.length;
    items[next]?.focus();
  };

  return (
    <div className="switcher" ref={root}>
      <button
        ref={button}
        type="button"
        className="switcher__button"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        aria-label={`Workspace: ${workspace.name}. Switch workspace`}
        onClick={() => setOpen((o) => !o)}
      >
        <span className="switcher__avatar" aria-hidden="true">
          {initials(workspace.name)}
        </span>
        <span className="switcher__text">
          <span className="switcher__caption">Workspace</span>
          <span className="switcher__name">{workspace.name}</span>
        </span>
        <Icon name="chevronDown" size={16} />
      </button>
      {open ? (
        <div className="popover" id={panelId} onKeyDown={onPanelKeyDown}>
          <p className="popover__section-label">Recent workspaces</p>
          <RecentMenuItems onDone={() => setOpen(false)} />
          <hr className="popover__divider" />
          <button
            type="button"
            className="popover__item"
            onClick={() => {
              setOpen(false);
              setCreating(true);
            }}
          >
            <span className="popover__check">
              <Icon name="plus" size={16} />
            </span>
            <span className="popover__item-title">New workspace…</span>
          </button>
          <button
            type="button"
            className="popover__item"
            onClick={() => {
              setOpen(false);
              navigate('/settings');
            }}
          >
            <span className="popover__check">
              <Icon name="settings" size={16} />
            </span>
            <span className="popover__item-title">Workspace settings</span>
          </button>
        </div>
      ) : null}
      {creating ? <NewWorkspaceDialog onClose={() => setCreating(false)} /> : null}
    </div>
  );
}
