import { useId } from 'react';
import { Field } from '../components/field';
import type { FieldErrors } from '../components/form-errors';
import { COMMON_CURRENCIES, localeOptions } from './locale-options';

export interface WorkspaceSettingsValues {
  name: string;
  currency: string;
  locale: string;
}

export const WORKSPACE_SETTINGS_FIELDS = ['name', 'currency', 'locale'] as const;

/** Name, currency and locale: the same three inputs when creating a workspace and in Settings. */
export function WorkspaceSettingsFields({
  values,
  errors,
  onChange,
  autoFocusName,
}: {
  values: WorkspaceSettingsValues;
  errors: FieldErrors;
  onChange: (values: WorkspaceSettingsValues) => void;
  autoFocusName?: boolean;
}) {
  const currencyListId = useId();
  const set = <K extends keyof WorkspaceSettingsValues>(key: K, value: WorkspaceSettingsValues[K]) => onChange({ ...values, [key]: value });
  return (
    <>
      <Field label="Workspace name" required error={errors.name} wide hint="Usually the client or engagement, e.g. “Northwind renewal review 2025”.">
        {(props) => (
          <input
            {...props}
            className="input"
            value={values.name}
            maxLength={120}
            onChange={(e) => set('name', e.target.value)}
            data-autofocus={autoFocusName ? true : undefined}
            autoFocus={autoFocusName}
          />
        )}
      </Field>
      <Field label="Currency" required error={errors.currency} hint="Three-letter ISO code. All ARR in this workspace uses it.">
        {(props) => (
          <>
            <input
              {...props}
              className="input mono"
              value={values.currency}
              maxLength={3}
              list={currencyListId}
              autoComplete="off"
              spellCheck={false}
              onChange={(e) => set('currency', e.target.value.toUpperCase())}
            />
            <datalist id={currencyListId}>
              {COMMON_CURRENCIES.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.label}
                </option>
              ))}
            </datalist>
          </>
        )}
      </Field>
      <Field label="Locale" required error={errors.locale} hint="How dates and amounts are written.">
        {(props) => (
          <select {...props} className="select" value={values.locale} onChange={(e) => set('locale', e.target.value)}>
            {localeOptions(values.locale).map((l) => (
              <option key={l.tag} value={l.tag}>
                {l.label}
              </option>
            ))}
          </select>
        )}
      </Field>
    </>
  );
}
