import { useEffect, useId, useRef, useState } from 'react';
import type { AccountDetail } from '../../shared/contract';
import { ACCOUNT_TIERS, RENEWAL_INTENTS } from '../../shared/domain/accounts';
import { api } from '../api';
import { todayIsoLocal } from '../app/format-extra';
import { useQuery } from '../app/use-query';
import { modKeyLabel } from '../app/platform';
import { useWorkspace } from '../app/workspace-context';
import { Dialog } from '../components/dialog';
import { Field } from '../components/field';
import { formFailureFrom } from '../components/form-errors';
import type { FieldErrors } from '../components/form-errors';
import { Icon } from '../components/icons';
import {
  ACCOUNT_FIELD_ALIASES,
  ACCOUNT_FORM_FIELDS,
  RENEWAL_INTENT_LABELS,
  accountCreateInput,
  accountFields,
  accountFormFromDetail,
  arrChange,
  checkAccountForm,
  emptyAccountForm,
} from './account-form-model';
import type { AccountFormValues } from './account-form-model';

interface Props {
  /** Absent: a new account. */
  account?: AccountDetail;
  onClose: () => void;
  onSaved: (account: AccountDetail) => void;
}

/** Suggestions from the workspace's own values keep "EMEA" from becoming "Emea" and "emea". */
function Suggestions({ id, values }: { id: string; values: readonly string[] | undefined }) {
  return (
    <datalist id={id}>
      {(values ?? []).map((v) => (
        <option key={v} value={v} />
      ))}
    </datalist>
  );
}

export function AccountFormDialog({ account, onClose, onSaved }: Props) {
  const facets = useQuery(() => api.accounts.facets(), []).data;
  const { currency, locale } = useWorkspace();
  const [values, setValues] = useState<AccountFormValues>(() => (account ? accountFormFromDetail(account, currency) : emptyAccountForm()));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [focusTick, setFocusTick] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const ids = { industries: useId(), regions: useId(), owners: useId() };

  // After a failed save, the keyboard lands on the first field to fix.
  useEffect(() => {
    if (focusTick === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusTick]);

  const set = <K extends keyof AccountFormValues>(key: K) => (value: AccountFormValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    if (errors[key]) setErrors(({ [key]: _cleared, ...rest }) => rest);
  };

  const fail = (fields: FieldErrors, message: string | null) => {
    setErrors(fields);
    setFormError(message);
    setFocusTick((t) => t + 1);
  };

  const save = async () => {
    if (saving) return;
    const check = checkAccountForm(values, currency, locale);
    if (!check.ok) return fail(check.errors, null);
    setSaving(true);
    setFormError(null);
    try {
      let saved: AccountDetail;
      if (account) {
        saved = await api.accounts.update({ id: account.id, patch: accountFields(values) });
        const change = arrChange(account.arrMinor, check.arrMinor);
        if (change) {
          await api.accounts.recordArr({ accountId: account.id, effectiveDate: todayIsoLocal(), arrMinor: change.arrMinor, kind: change.kind });
          saved = await api.accounts.get({ id: account.id });
        }
      } else {
        saved = await api.accounts.create(accountCreateInput(values, check.arrMinor));
      }
      onSaved(saved);
    } catch (err) {
      const failure = formFailureFrom(err, ACCOUNT_FORM_FIELDS, ACCOUNT_FIELD_ALIASES);
      fail(failure.fields, failure.formError);
      setSaving(false);
    }
  };

  const errorCount = Object.keys(errors).length;

  return (
    <Dialog
      title={account ? `Edit ${account.name}` : 'New account'}
      description={account ? undefined : 'The company you serve. Only the name is required; the rest can follow.'}
      onClose={onClose}
      onSubmitShortcut={() => void save()}
      size="lg"
      footer={
        <>
          <span className="dialog__footer-hint">
            <kbd>{modKeyLabel}</kbd>
            <kbd>Enter</kbd> to save · <kbd>Esc</kbd> to cancel
          </span>
          <button type="button" className="button button--secondary" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form="account-form" className="button button--primary" disabled={saving}>
            {saving ? 'Saving…' : account ? 'Save changes' : 'Create account'}
          </button>
        </>
      }
    >
      <form
        id="account-form"
        ref={formRef}
        noValidate
        aria-label={account ? 'Edit account' : 'New account'}
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        {formError || errorCount > 0 ? (
          <p className="form-alert" role="alert">
            <Icon name="alert" size={16} />
            {formError ?? (errorCount === 1 ? 'Check the highlighted field; nothing was saved.' : 'Check the highlighted fields; nothing was saved.')}
          </p>
        ) : null}
        <div className="form-grid">
          <Field label="Name" required error={errors.name} wide>
            {(p) => <input {...p} className="input" value={values.name} maxLength={200} onChange={(e) => set('name')(e.target.value)} data-autofocus />}
          </Field>
          <Field label={`ARR (${currency})`} error={errors.arr} hint={account ? 'A change is added to the ARR history, dated today.' : 'Annual recurring revenue today.'}>
            {(p) => (
              <input
                {...p}
                className="input num"
                inputMode="decimal"
                autoComplete="off"
                value={values.arr}
                onChange={(e) => set('arr')(e.target.value)}
                onBlur={(event) => {
                  // Leaving for a button (Save, Cancel): the click decides, and a message appearing
                  // now would move the button out from under the pointer.
                  if (event.relatedTarget instanceof HTMLButtonElement) return;
                  const check = checkAccountForm(values, currency, locale);
                  if (!check.ok && check.errors.arr) setErrors((prev) => ({ ...prev, arr: check.errors.arr! }));
                }}
              />
            )}
          </Field>
          <Field label="Tier" error={errors.tier}>
            {(p) => (
              <select {...p} className="select" value={values.tier} onChange={(e) => set('tier')(e.target.value as AccountFormValues['tier'])}>
                <option value="">No tier</option>
                {ACCOUNT_TIERS.map((t) => (
                  <option key={t} value={t}>
                    {t}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Renewal date" error={errors.renewalDate}>
            {(p) => <input {...p} type="date" className="input" value={values.renewalDate} onChange={(e) => set('renewalDate')(e.target.value)} />}
          </Field>
          <Field label="Renewal intent" error={errors.renewalIntent}>
            {(p) => (
              <select {...p} className="select" value={values.renewalIntent} onChange={(e) => set('renewalIntent')(e.target.value as AccountFormValues['renewalIntent'])}>
                <option value="">Not known</option>
                {RENEWAL_INTENTS.map((i) => (
                  <option key={i} value={i}>
                    {RENEWAL_INTENT_LABELS[i]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Industry" error={errors.industry}>
            {(p) => <input {...p} className="input" list={ids.industries} maxLength={80} value={values.industry} onChange={(e) => set('industry')(e.target.value)} />}
          </Field>
          <Field label="Region" error={errors.region}>
            {(p) => <input {...p} className="input" list={ids.regions} maxLength={80} value={values.region} onChange={(e) => set('region')(e.target.value)} />}
          </Field>
          <Field label="Owner" error={errors.owner} hint="The account lead on your side.">
            {(p) => <input {...p} className="input" list={ids.owners} maxLength={120} value={values.owner} onChange={(e) => set('owner')(e.target.value)} />}
          </Field>
          <Field label="External id" error={errors.externalId} hint="The account's id in your CRM, for matching imports.">
            {(p) => <input {...p} className="input mono" maxLength={100} value={values.externalId} onChange={(e) => set('externalId')(e.target.value)} />}
          </Field>
          <Field label="Notes" error={errors.notes} wide>
            {(p) => <textarea {...p} className="textarea" rows={3} value={values.notes} onChange={(e) => set('notes')(e.target.value)} />}
          </Field>
        </div>
        <Suggestions id={ids.industries} values={facets?.industries} />
        <Suggestions id={ids.regions} values={facets?.regions} />
        <Suggestions id={ids.owners} values={facets?.owners} />
      </form>
    </Dialog>
  );
}
