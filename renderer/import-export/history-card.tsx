import { useState } from 'react';
import type { ImportRecord } from '../../shared/contract/workbook';
import { api } from '../api';
import { useQuery } from '../app/use-query';
import { Dialog } from '../components/dialog';
import { Icon } from '../components/icons';
import { InlineError } from '../components/inline-error';
import { useImportWizard } from './import-wizard-store';
import { ENTITY_LABELS } from './labels';
import { Pager } from './pager';
import { undoImport } from './undo-import';
import { describeImportRows, describeRecordChanges, formatMoment } from './wizard-model';
import { useWorkspace } from '../app/workspace-context';

const PAGE = 10;

/** Every committed import, newest first, with Undo of a whole import while its rows are untouched since. */
export function HistoryCard() {
  const { locale } = useWorkspace();
  const when = (iso: string) => formatMoment(iso, locale);
  const [offset, setOffset] = useState(0);
  const history = useQuery(() => api.workbook.history({ offset, limit: PAGE }), [offset]);
  const [confirming, setConfirming] = useState<ImportRecord | null>(null);
  const [undoing, setUndoing] = useState(false);

  const undo = async (record: ImportRecord) => {
    setUndoing(true);
    try {
      const undone = await undoImport(record.id);
      // The wizard may still show this import as just done: its Undo must not be offered twice.
      const wizard = useImportWizard.getState();
      if (undone && wizard.result?.import?.id === record.id) wizard.set({ undone: true });
      history.reload();
    } finally {
      setUndoing(false);
      setConfirming(null);
    }
  };

  return (
    <section className="card ie-history" aria-labelledby="ie-history-title">
      <div className="card__header">
        <div>
          <h2 id="ie-history-title" className="card__title">
            Import history
          </h2>
          <p className="card__subtitle">Undo takes a whole import back, unless its rows were edited since.</p>
        </div>
      </div>
      <div className="card__body card__body--flush">
        {history.error && !history.data ? (
          <div className="card__body">
            <InlineError error={history.error} onRetry={history.reload} what="the import history" />
          </div>
        ) : !history.data ? (
          <p className="card__empty">Loading the history…</p>
        ) : history.data.total === 0 ? (
          <p className="card__empty">No imports yet. Files you import appear here, each with an Undo.</p>
        ) : (
          <ul className="ie-history__list">
            {history.data.rows.map((record) => (
              <li key={record.id} className={`ie-history__item${record.undoneAt ? ' ie-history__item--undone' : ''}`}>
                <div className="ie-history__text">
                  <span className="ie-history__file">{record.fileName}</span>
                  <span className="ie-history__meta">
                    {ENTITY_LABELS[record.entity]} · {when(record.committedAt)}
                  </span>
                  <span className="ie-history__meta">{describeRecordChanges(record.records).join(', ') || describeImportRows(record)}</span>
                </div>
                {record.undoneAt ? (
                  <span className="badge">Undone {when(record.undoneAt)}</span>
                ) : record.canUndo ? (
                  <button type="button" className="button button--secondary button--small" onClick={() => setConfirming(record)} aria-label={`Undo the import of ${record.fileName} from ${when(record.committedAt)}`}>
                    <Icon name="backup" size={14} />
                    Undo
                  </button>
                ) : (
                  <span className="badge" title="Rows of this import were changed since, or a later import depends on it">
                    Cannot be undone
                  </span>
                )}
              </li>
            ))}
          </ul>
        )}
        {history.data ? (
          <div className="ie-history__pager">
            <Pager offset={offset} limit={PAGE} total={history.data.total} label="Import history" onOffset={setOffset} />
          </div>
        ) : null}
      </div>
      {confirming ? (
        <Dialog
          title="Undo this import?"
          size="sm"
          onClose={() => (undoing ? undefined : setConfirming(null))}
          description={
            <>
              Everything the import of <strong>{confirming.fileName}</strong> wrote is taken back: {describeRecordChanges(confirming.records).join(', ') || 'no records'}. A backup is taken first.
            </>
          }
          footer={
            <>
              <button type="button" className="button button--ghost" onClick={() => setConfirming(null)} disabled={undoing}>
                Keep it
              </button>
              <button type="button" className="button button--danger" onClick={() => void undo(confirming)} disabled={undoing} data-autofocus>
                {undoing ? 'Undoing…' : 'Undo import'}
              </button>
            </>
          }
        >
          <p className="ie-dialog-note">Records of this import that were edited since stop the undo, and nothing changes.</p>
        </Dialog>
      ) : null}
    </section>
  );
}
