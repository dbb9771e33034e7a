import { Link } from 'wouter';
import type { CommitResult } from '../../shared/contract/workbook';
import { Icon } from '../components/icons';
import { ENTITY_LABELS } from './labels';
import { StepHeading } from './step-heading';
import { describeImportRows, describeRecordChanges } from './wizard-model';

interface DoneStepProps {
  focus: boolean;
  busy: boolean;
  result: CommitResult;
  undone: boolean;
  onUndo(importId: string): void;
  onAnother(): void;
}

/** Step 5: what was written, where the backup is, and the way back (Undo) while it is still possible. */
export function DoneStep({ focus, busy, result, undone, onUndo, onAnother }: DoneStepProps) {
  const record = result.import;
  return (
    <div className="ie-step">
      <StepHeading focus={focus}>{record === null ? 'Nothing to import' : undone ? 'Import undone' : 'Import complete'}</StepHeading>
      {record === null ? (
        <p className="ie-done__text">The workspace already holds everything in this file, so nothing was written and no backup was needed.</p>
      ) : (
        <div className="ie-done">
          <div className={`ie-done__icon${undone ? ' ie-done__icon--undone' : ''}`} aria-hidden="true">
            <Icon name={undone ? 'backup' : 'checkCircle'} size={28} />
          </div>
          <div className="ie-done__body">
            <p className="ie-done__text">
              {undone ? 'Everything this import wrote was taken back.' : <>Wrote {describeRecordChanges(record.records).join(', ') || 'no changes'} from <strong>{record.fileName}</strong>.</>}
            </p>
            <p className="ie-done__meta">
              {ENTITY_LABELS[record.entity]} · rows: {describeImportRows(record)}
            </p>
            {result.backupFileName && !undone ? (
              <p className="ie-done__meta">
                A backup was taken first: <span className="ie-mono">{result.backupFileName}</span> (Settings › Backups).
              </p>
            ) : null}
          </div>
        </div>
      )}
      <div className="ie-step__actions">
        <div className="ie-step__actions-start">
          {record && !undone && record.canUndo ? (
            <button type="button" className="button button--secondary" onClick={() => onUndo(record.id)} disabled={busy}>
              <Icon name="backup" size={16} />
              Undo this import
            </button>
          ) : null}
        </div>
        <div className="ie-step__actions-end">
          <Link href="/accounts" className="button button--ghost">
            <Icon name="accounts" size={16} />
            Go to Accounts
          </Link>
          <button type="button" className="button button--primary" onClick={onAnother} disabled={busy}>
            <Icon name="plus" size={16} />
            Import another file
          </button>
        </div>
      </div>
    </div>
  );
}
