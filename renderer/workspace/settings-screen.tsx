import { useEffect, useState } from 'react';
import { api } from '../api';
import { useQuery } from '../app/use-query';
import { useWorkspace } from '../app/workspace-context';
import { useFormat } from '../app/use-format';
import { formFailureFrom } from '../components/form-errors';
import type { FieldErrors } from '../components/form-errors';
import { Icon } from '../components/icons';
import { InlineError } from '../components/inline-error';
import { showToast } from '../state/toast-store';
import { BackupList } from './backup-list';
import { FileLocation } from './file-location';
import { WorkspaceSettingsFields, WORKSPACE_SETTINGS_FIELDS } from './workspace-settings-fields';
import type { WorkspaceSettingsValues } from './workspace-settings-fields';
import { formatMoney } from '../../shared/domain/money';
import { formatDate } from '../../shared/domain/dates';

function WorkspaceSettingsCard() {
  const workspace = useWorkspace();
  const saved: WorkspaceSettingsValues = { name: workspace.name, currency: workspace.currency, locale: workspace.locale };
  const [values, setValues] = useState(saved);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  // Another window may change the settings; follow it unless the person is mid-edit.
  const dirty = values.name !== saved.name || values.currency !== saved.currency || values.locale !== saved.locale;
  useEffect(() => {
    if (!saving) setValues({ name: workspace.name, currency: workspace.currency, locale: workspace.locale });
  }, [workspace.name, workspace.currency, workspace.locale]);

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setFormError(null);
    try {
      await api.workspace.updateSettings({ name: values.name, currency: values.currency, locale: values.locale });
      setErrors({});
      showToast('Workspace settings saved', 'success');
    } catch (err) {
      const failure = formFailureFrom(err, WORKSPACE_SETTINGS_FIELDS);
      setErrors(failure.fields);
      setFormError(failure.formError);
    } finally {
      setSaving(false);
    }
  };

  let preview: { money: string; date: string } | null = null;
  try {
    preview = { money: formatMoney(123456700, values.currency, values.locale), date: formatDate('2025-03-31', values.locale) };
  } catch {
    // A half-typed currency or locale: no preview until it is valid.
    preview = null;
  }

  return (
    <section className="card" aria-labelledby="settings-workspace">
      <div className="card__header">
        <h2 id="settings-workspace" className="card__title">
          Workspace
        </h2>
      </div>
      <form className="card__body" onSubmit={submit} noValidate aria-labelledby="settings-workspace">
        {formError ? (
          <p className="form-alert" role="alert">
            <Icon name="alert" size={16} />
            {formError}
          </p>
        ) : null}
        <div className="form-grid">
          <WorkspaceSettingsFields values={values} errors={errors} onChange={setValues} />
          {preview ? (
            <p className="settings-preview field--wide" aria-live="polite">
              <span className="settings-preview__label">Preview</span>
              <span className="num">{preview.money}</span>
              <span aria-hidden="true">·</span>
              <span>{preview.date}</span>
            </p>
          ) : null}
        </div>
        {values.currency !== saved.currency && !errors.currency ? (
          <p className="callout callout--warning">
            <Icon name="info" size={16} />
            Changing the currency relabels every amount in this workspace; it does not convert them.
          </p>
        ) : null}
        <div className="form-actions">
          <button type="button" className="button button--ghost" disabled={!dirty || saving} onClick={() => { setValues(saved); setErrors({}); setFormError(null); }}>
            Discard changes
          </button>
          <button type="submit" className="button button--primary" disabled={!dirty || saving}>
            {saving ? 'Saving…' : 'Save settings'}
          </button>
        </div>
      </form>
    </section>
  );
}

function FileCard() {
  const workspace = useWorkspace();
  const fmt = useFormat();
  return (
    <section className="card" aria-labelledby="settings-file">
      <div className="card__header">
        <h2 id="settings-file" className="card__title">
          Workspace file
        </h2>
      </div>
      <div className="card__body stack">
        <FileLocation fileName={workspace.fileName} location={workspace.location} />
        <dl className="stat-row">
          <div className="stat">
            <dt>Accounts</dt>
            <dd className="num">{fmt.number(workspace.counts.accounts)}</dd>
          </div>
          <div className="stat">
            <dt>Contacts</dt>
            <dd className="num">{fmt.number(workspace.counts.contacts)}</dd>
          </div>
          <div className="stat">
            <dt>Responses</dt>
            <dd className="num">{fmt.number(workspace.counts.responses)}</dd>
          </div>
          <div className="stat">
            <dt>Schema version</dt>
            <dd className="num">{workspace.schemaVersion}</dd>
          </div>
        </dl>
      </div>
    </section>
  );
}

function BackupsCard() {
  const workspace = useWorkspace();
  const backups = useQuery(() => api.workspace.backups(), []);
  const [busy, setBusy] = useState(false);

  const backUpNow = async () => {
    setBusy(true);
    try {
      await api.workspace.backupNow();
      showToast('Backup saved', 'success');
      backups.reload();
    } catch (err) {
      showToast(`Backup failed: ${err instanceof Error ? err.message : String(err)}`, 'error');
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="settings-backups">
      <div className="card__header">
        <div>
          <h2 id="settings-backups" className="card__title">
            Backups
          </h2>
          <p className="card__subtitle">Taken before every migration and import, on a schedule, and whenever you ask.</p>
        </div>
        <button type="button" className="button button--secondary" onClick={() => void backUpNow()} disabled={busy}>
          <Icon name="backup" size={16} />
          {busy ? 'Backing up…' : 'Back up now'}
        </button>
      </div>
      <div className="card__body card__body--flush">
        {backups.error && !backups.data ? (
          <div className="card__body">
            <InlineError error={backups.error} onRetry={backups.reload} what="the backups" />
          </div>
        ) : !backups.data ? (
          <p className="card__empty">Loading backups…</p>
        ) : backups.data.length === 0 ? (
          <p className="card__empty">No backups yet. “Back up now” makes the first one.</p>
        ) : (
          <div className="table-scroll">
            <BackupList backups={backups.data} locale={workspace.locale} caption="Backups of this workspace" />
          </div>
        )}
      </div>
    </section>
  );
}

export function SettingsScreen() {
  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1 className="page-header__title">Settings</h1>
          <p className="page-header__subtitle">This workspace’s name, currency and locale, its file, and its backups.</p>
        </div>
      </header>
      <div className="settings-grid">
        <WorkspaceSettingsCard />
        <FileCard />
        <div className="settings-grid__wide">
          <BackupsCard />
        </div>
      </div>
    </div>
  );
}
