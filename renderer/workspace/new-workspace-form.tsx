import { useState } from 'react';
import { api } from '../api';
import { announceWorkspaceChange } from '../app/core-events';
import { systemLocale } from '../app/format-extra';
import { formFailureFrom } from '../components/form-errors';
import type { FieldErrors } from '../components/form-errors';
import { Icon } from '../components/icons';
import { defaultLocale } from './locale-options';
import { WorkspaceSettingsFields, WORKSPACE_SETTINGS_FIELDS } from './workspace-settings-fields';
import type { WorkspaceSettingsValues } from './workspace-settings-fields';

interface Props {
  onCreated?: () => void;
  onCancel?: () => void;
  autoFocusName?: boolean;
  /** The welcome screen suggests demo data to a first-time user; elsewhere it starts empty. */
  demoByDefault?: boolean;
}

export function NewWorkspaceForm({ onCreated, onCancel, autoFocusName, demoByDefault = false }: Props) {
  const [values, setValues] = useState<WorkspaceSettingsValues>({ name: '', currency: 'USD', locale: defaultLocale(systemLocale()) });
  const [withDemoData, setWithDemoData] = useState(demoByDefault);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async (event?: React.FormEvent) => {
    event?.preventDefault();
    if (saving) return;
    const local: FieldErrors = {};
    if (!values.name.trim()) local.name = 'Name is required';
    if (!/^[A-Za-z]{3}$/.test(values.currency.trim())) local.currency = 'Currency must be a three-letter ISO 4217 code such as EUR or USD';
    setErrors(local);
    setFormError(null);
    if (Object.keys(local).length > 0) return;
    setSaving(true);
    try {
      await api.workspace.create({ name: values.name.trim(), currency: values.currency.trim(), locale: values.locale, withDemoData });
      announceWorkspaceChange();
      onCreated?.();
    } catch (err) {
      const failure = formFailureFrom(err, WORKSPACE_SETTINGS_FIELDS);
      setErrors(failure.fields);
      setFormError(failure.formError);
      setSaving(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate aria-label="New workspace">
      {formError ? (
        <p className="form-alert" role="alert">
          <Icon name="alert" size={16} />
          {formError}
        </p>
      ) : null}
      <div className="form-grid">
        <WorkspaceSettingsFields values={values} errors={errors} onChange={setValues} autoFocusName={autoFocusName} />
        <div className="field field--wide">
          <label className="checkbox">
            <input type="checkbox" checked={withDemoData} onChange={(e) => setWithDemoData(e.target.checked)} />
            <span>
              Fill with demo data
              <span className="checkbox__hint">Sample accounts, contacts and interviews to explore the workbench. Easy to tell apart: the top bar marks it as demo data.</span>
            </span>
          </label>
        </div>
      </div>
      <div className="form-actions">
        {onCancel ? (
          <button type="button" className="button button--secondary" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
        <button type="submit" className="button button--primary" disabled={saving}>
          {saving ? 'Creating…' : 'Create workspace'}
        </button>
      </div>
    </form>
  );
}
