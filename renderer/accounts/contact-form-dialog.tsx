import { useEffect, useRef, useState } from 'react';
import type { ContactRow } from '../../shared/contract';
import { CONTACT_LEVELS, CONTACT_ROLES, LEVEL_LABELS, ROLE_LABELS } from '../../shared/domain/people';
import { api } from '../api';
import { modKeyLabel } from '../app/platform';
import { Dialog } from '../components/dialog';
import { Field } from '../components/field';
import { formFailureFrom } from '../components/form-errors';
import type { FieldErrors } from '../components/form-errors';
import { Icon } from '../components/icons';
import { CONTACT_FORM_FIELDS, checkContactForm, contactFields, contactFormFromRow, emptyContactForm } from './contact-form-model';
import type { ContactFormValues } from './contact-form-model';

interface Props {
  accountId: string;
  accountName: string;
  /** Absent: a new contact. */
  contact?: ContactRow;
  onClose: () => void;
  onSaved: (contact: ContactRow) => void;
}

export function ContactFormDialog({ accountId, accountName, contact, onClose, onSaved }: Props) {
  const [values, setValues] = useState<ContactFormValues>(() => (contact ? contactFormFromRow(contact) : emptyContactForm()));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [focusTick, setFocusTick] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (focusTick > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusTick]);

  const set = <K extends keyof ContactFormValues>(key: K) => (value: ContactFormValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    if (errors[key]) setErrors(({ [key]: _cleared, ...rest }) => rest);
  };

  const save = async () => {
    if (saving) return;
    const local = checkContactForm(values);
    if (Object.keys(local).length > 0) {
      setErrors(local);
      setFocusTick((t) => t + 1);
      return;
    }
    setSaving(true);
    setFormError(null);
    try {
      const fields = contactFields(values);
      const saved = contact
        ? await api.contacts.update({ id: contact.id, patch: fields })
        : await api.contacts.create({ ...fields, name: fields.name ?? '', accountId });
      onSaved(saved);
    } catch (err) {
      const failure = formFailureFrom(err, CONTACT_FORM_FIELDS);
      setErrors(failure.fields);
      setFormError(failure.formError);
      setFocusTick((t) => t + 1);
      setSaving(false);
    }
  };

  const errorCount = Object.keys(errors).length;

  return (
    <Dialog
      title={contact ? `Edit ${contact.name}` : 'Add contact'}
      description={contact ? undefined : `Someone you talk to at ${accountName}. Role and level tell whose voice counts how much.`}
      onClose={onClose}
      onSubmitShortcut={() => void save()}
      footer={
        <>
          <span className="dialog__footer-hint">
            <kbd>{modKeyLabel}</kbd>
            <kbd>Enter</kbd> to save
          </span>
          <button type="button" className="button button--secondary" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" form="contact-form" className="button button--primary" disabled={saving}>
            {saving ? 'Saving…' : contact ? 'Save changes' : 'Add contact'}
          </button>
        </>
      }
    >
      <form
        id="contact-form"
        ref={formRef}
        noValidate
        aria-label={contact ? 'Edit contact' : 'Add contact'}
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        {formError || errorCount > 0 ? (
          <p className="form-alert" role="alert">
            <Icon name="alert" size={16} />
            {formError ?? 'Check the highlighted fields; nothing was saved.'}
          </p>
        ) : null}
        <div className="form-grid">
          <Field label="Name" required error={errors.name} wide>
            {(p) => <input {...p} className="input" maxLength={200} value={values.name} onChange={(e) => set('name')(e.target.value)} data-autofocus />}
          </Field>
          <Field label="Title" error={errors.title}>
            {(p) => <input {...p} className="input" maxLength={200} value={values.title} onChange={(e) => set('title')(e.target.value)} />}
          </Field>
          <Field label="Email" error={errors.email}>
            {(p) => <input {...p} type="email" className="input" maxLength={254} autoComplete="off" value={values.email} onChange={(e) => set('email')(e.target.value)} />}
          </Field>
          <Field label="Role" error={errors.role} hint="Their part in the buying decision.">
            {(p) => (
              <select {...p} className="select" value={values.role} onChange={(e) => set('role')(e.target.value as ContactFormValues['role'])}>
                <option value="">Not known</option>
                {CONTACT_ROLES.map((r) => (
                  <option key={r} value={r}>
                    {ROLE_LABELS[r]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Level" error={errors.level} hint="Where they sit in their organisation.">
            {(p) => (
              <select {...p} className="select" value={values.level} onChange={(e) => set('level')(e.target.value as ContactFormValues['level'])}>
                <option value="">Not known</option>
                {CONTACT_LEVELS.map((l) => (
                  <option key={l} value={l}>
                    {LEVEL_LABELS[l]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Phone" error={errors.phone}>
            {(p) => <input {...p} type="tel" className="input" maxLength={50} value={values.phone} onChange={(e) => set('phone')(e.target.value)} />}
          </Field>
        </div>
      </form>
    </Dialog>
  );
}
