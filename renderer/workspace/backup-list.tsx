import type { WorkspaceBackup } from '../../shared/contract';
import { formatBytes, formatDateTime } from '../app/format-extra';

export function backupReasonLabel(reason: string): string {
  const words = reason.replace(/[-_]+/g, ' ').trim();
  if (!words || words === 'manual') return 'Backed up by hand';
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Newest first: the backup people want is almost always the latest one. */
export function BackupList({
  backups,
  locale,
  onOpen,
  opening,
  caption,
}: {
  backups: readonly WorkspaceBackup[];
  locale: string;
  onOpen?: (backup: WorkspaceBackup) => void;
  opening?: string | null;
  caption: string;
}) {
  const sorted = [...backups].sort((a, b) => b.takenAt.localeCompare(a.takenAt));
  return (
    <table className="data-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Taken</th>
          <th scope="col">Why</th>
          <th scope="col" className="align-end">
            Size
          </th>
          {onOpen ? (
            <th scope="col" className="cell-actions">
              <span className="visually-hidden">Actions</span>
            </th>
          ) : null}
        </tr>
      </thead>
      <tbody>
        {sorted.map((b, index) => (
          <tr key={b.id}>
            <td>
              <span className="cell-primary">{formatDateTime(b.takenAt, locale)}</span>
              {index === 0 && onOpen ? <span className="badge badge--success backup-latest">Latest</span> : null}
              <span className="cell-secondary mono">{b.fileName}</span>
            </td>
            <td>{backupReasonLabel(b.reason)}</td>
            <td className="align-end">{formatBytes(b.sizeBytes, locale)}</td>
            {onOpen ? (
              <td className="cell-actions">
                <button
                  type="button"
                  className={`button button--small ${index === 0 ? 'button--primary' : 'button--secondary'}`}
                  disabled={Boolean(opening)}
                  onClick={() => onOpen(b)}
                >
                  {opening === b.id ? 'Opening…' : 'Open this backup'}
                </button>
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
