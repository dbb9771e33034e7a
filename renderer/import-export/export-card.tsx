import { useEffect, useId, useState } from 'react';
import { EXPORT_TABLES } from '../../shared/contract/workbook';
import type { ExportTable } from '../../shared/contract/workbook';
import type { InputOf } from '../../shared/contract';
import { api, isElectron } from '../api';
import { useDebounced } from '../accounts/use-debounced';
import { useQuery } from '../app/use-query';
import { Icon } from '../components/icons';
import { showToast } from '../state/toast-store';
import { EXPORT_TABLE_LABELS } from './labels';
import { ProgressPanel } from './progress-panel';
import { downloadExport, followJob, isCancelled, jobFailure, saveBlob } from './transfer';
import { useTask } from './use-task';
import { formatBytes } from './wizard-model';

type ExportKind = InputOf<'workbook.export'>['kind'];

const KINDS: { kind: ExportKind; title: string; detail: string }[] = [
  { kind: 'workspace', title: 'Full workspace workbook', detail: 'One sheet per kind of record, with stable ids. Re-imports into an empty workspace with nothing lost.' },
  { kind: 'portfolio', title: 'Portfolio analysis', detail: 'Every account with category, ARR, risk and drivers over the 12 months to a date; live formulas for audit.' },
  { kind: 'account', title: 'One account', detail: 'An account’s ARR, contacts, scores and drivers, ready for finance.' },
  { kind: 'qbr', title: 'One QBR', detail: 'The workbook behind a quarterly business review.' },
  { kind: 'csv', title: 'One table as CSV', detail: 'Any table of the workspace, for other tools.' },
];

/** Exports: pick what, start it, watch it run (or cancel), and the file is saved as a download. */
export function ExportCard() {
  const task = useTask();
  const [kind, setKind] = useState<ExportKind>('workspace');
  const [asOf, setAsOf] = useState('');
  const [accountId, setAccountId] = useState('');
  const [qbrId, setQbrId] = useState('');
  const [table, setTable] = useState<ExportTable>('accounts');
  const [last, setLast] = useState<{ fileName: string; sizeBytes: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const asOfId = useId();
  const tableId = useId();

  const input: InputOf<'workbook.export'> | null =
    kind === 'workspace'
      ? { kind }
      : kind === 'portfolio'
        ? { kind, ...(asOf ? { asOf } : {}) }
        : kind === 'account'
          ? accountId
            ? { kind, accountId, ...(asOf ? { asOf } : {}) }
            : null
          : kind === 'qbr'
            ? qbrId
              ? { kind, qbrId }
              : null
            : { kind, table };

  const run = async () => {
    if (!input) return;
    setError(null);
    try {
      const file = await task.run({ label: 'Exporting', done: 0, total: null }, async (report, signal) => {
        const { jobId } = await api.workbook.export(input);
        const state = await followJob(jobId, report, signal);
        if (state.state !== 'done' || state.result?.kind !== 'export') throw jobFailure(state);
        const exported = state.result.value;
        const blob = await downloadExport(exported.exportId, exported.mimeType, exported.sizeBytes, report, signal);
        saveBlob(blob, exported.fileName);
        return exported;
      });
      setLast({ fileName: file.fileName, sizeBytes: file.sizeBytes });
      showToast(`Exported ${file.fileName}`, 'success');
    } catch (err) {
      if (isCancelled(err)) showToast('Export cancelled', 'neutral');
      else setError(err instanceof Error ? err.message : String(err));
    }
  };

  return (
    <section className="card ie-export" aria-labelledby="ie-export-title">
      <div className="card__header">
        <div>
          <h2 id="ie-export-title" className="card__title">
            Export
          </h2>
          <p className="card__subtitle">Numbers stay numbers, dates stay dates; nothing in a cell can run as a formula.</p>
        </div>
      </div>
      <div className="card__body stack">
        <fieldset className="ie-export__kinds">
          <legend className="ie-label">What to export</legend>
          {KINDS.map((k) => (
            <label key={k.kind} className={`ie-choice${kind === k.kind ? ' ie-choice--selected' : ''}`}>
              <input type="radio" name="ie-export-kind" value={k.kind} checked={kind === k.kind} onChange={() => setKind(k.kind)} disabled={task.busy} />
              <span className="ie-choice__text">
                <span className="ie-choice__title">{k.title}</span>
                <span className="ie-choice__detail">{k.detail}</span>
              </span>
            </label>
          ))}
        </fieldset>

        {kind === 'portfolio' || kind === 'account' ? (
          <div className="field">
            <label className="field__label" htmlFor={asOfId}>
              As of
            </label>
            <input id={asOfId} className="input ie-date-input" type="date" value={asOf} onChange={(e) => setAsOf(e.currentTarget.value)} disabled={task.busy} />
            <p className="field__hint">Empty means today.</p>
          </div>
        ) : null}
        {kind === 'account' || kind === 'qbr' ? <AccountPicker value={accountId} onChange={(id) => { setAccountId(id); setQbrId(''); }} disabled={task.busy} /> : null}
        {kind === 'qbr' && accountId ? <QbrPicker accountId={accountId} value={qbrId} onChange={setQbrId} disabled={task.busy} /> : null}
        {kind === 'csv' ? (
          <div className="field">
            <label className="field__label" htmlFor={tableId}>
              Table
            </label>
            <select id={tableId} className="select" value={table} onChange={(e) => setTable(e.currentTarget.value as ExportTable)} disabled={task.busy}>
              {EXPORT_TABLES.map((t) => (
                <option key={t} value={t}>
                  {EXPORT_TABLE_LABELS[t]}
                </option>
              ))}
            </select>
          </div>
        ) : null}

        {error ? (
          <div className="ie-error" role="alert">
            <Icon name="alert" size={18} />
            <div>
              <strong>The export failed.</strong> <span>{error}</span>
            </div>
          </div>
        ) : null}
        {task.progress ? <ProgressPanel progress={task.progress} onCancel={task.cancel} /> : null}

        <div className="ie-export__actions">
          {last && !task.busy ? (
            <p className="ie-export__last" role="status">
              <Icon name="checkCircle" size={16} />
              {isElectron ? `Exported ${last.fileName} (${formatBytes(last.sizeBytes)}).` : `Saved ${last.fileName} (${formatBytes(last.sizeBytes)}) to your downloads.`}
            </p>
          ) : (
            <span />
          )}
          <button type="button" className="button button--primary" onClick={() => void run()} disabled={task.busy || !input}>
            <Icon name="arrowDown" size={16} />
            {task.busy ? 'Exporting…' : kind === 'csv' ? 'Export CSV' : 'Export workbook'}
          </button>
        </div>
      </div>
    </section>
  );
}

function AccountPicker({ value, onChange, disabled }: { value: string; onChange(id: string): void; disabled: boolean }) {
  const searchId = useId();
  const selectId = useId();
  const [search, setSearch] = useState('');
  const settled = useDebounced(search.trim(), 200);
  const accounts = useQuery(() => api.accounts.list({ ...(settled ? { search: settled } : {}), sort: 'name', direction: 'asc', offset: 0, limit: 200 }), [settled]);
  const rows = accounts.data?.rows ?? [];
  // The first match is chosen as the person narrows the list, so Export is one step away.
  useEffect(() => {
    if (rows.length > 0 && !rows.some((r) => r.id === value)) onChange(rows[0]!.id);
  }, [accounts.data]);
  return (
    <div className="ie-picker">
      <div className="field">
        <label className="field__label" htmlFor={searchId}>
          Find an account
        </label>
        <input id={searchId} className="input" type="search" value={search} placeholder="Name or external id" onChange={(e) => setSearch(e.currentTarget.value)} disabled={disabled} />
      </div>
      <div className="field">
        <label className="field__label" htmlFor={selectId}>
          Account
        </label>
        <select id={selectId} className="select" value={value} onChange={(e) => onChange(e.currentTarget.value)} disabled={disabled || rows.length === 0}>
          {rows.length === 0 ? <option value="">{accounts.loading ? 'Loading…' : 'No account matches'}</option> : null}
          {rows.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
        </select>
        {accounts.data && accounts.data.total > rows.length ? <p className="field__hint">Showing {rows.length} of {accounts.data.total}; type to narrow.</p> : null}
      </div>
    </div>
  );
}

function QbrPicker({ accountId, value, onChange, disabled }: { accountId: string; value: string; onChange(id: string): void; disabled: boolean }) {
  const selectId = useId();
  const account = useQuery(() => api.accounts.get({ id: accountId }), [accountId]);
  const qbrs = (account.data?.timeline ?? []).filter((t) => t.kind === 'qbr');
  useEffect(() => {
    if (qbrs.length > 0 && !qbrs.some((q) => q.id === value)) onChange(qbrs[0]!.id);
  }, [account.data]);
  return (
    <div className="field">
      <label className="field__label" htmlFor={selectId}>
        QBR
      </label>
      <select id={selectId} className="select" value={value} onChange={(e) => onChange(e.currentTarget.value)} disabled={disabled || qbrs.length === 0}>
        {qbrs.length === 0 ? <option value="">{account.loading ? 'Loading…' : 'This account has no QBR yet'}</option> : null}
        {qbrs.map((q) => (
          <option key={q.id} value={q.id}>
            {q.title} · {q.at.slice(0, 10)}
          </option>
        ))}
      </select>
    </div>
  );
}
