import type { ContactRow, InputOf } from '../../shared/contract';
import type { ContactLevel, ContactRole } from '../../shared/domain/people';
import type { FieldErrors } from '../components/form-errors';

export interface ContactFormValues {
  name: string;
  email: string;
  title: string;
  phone: string;
  role: ContactRole | '';
  level: ContactLevel | '';
}

export const CONTACT_FORM_FIELDS = ['name', 'email', 'title', 'phone', 'role', 'level'] as const;

export function emptyContactForm(): ContactFormValues {
  return { name: '', email: '', title: '', phone: '', role: '', level: '' };
}

export function contactFormFromRow(contact: ContactRow): ContactFormValues {
  return {
    name: contact.name,
    email: contact.email ?? '',
    title: contact.title ?? '',
    phone: contact.phone ?? '',
    role: contact.role ?? '',
    level: contact.level ?? '',
  };
}

/** Mirrors the core's rules for what a person can fix before saving; the core checks again. */
export function checkContactForm(values: ContactFormValues): FieldErrors {
  const errors: FieldErrors = {};
  if (values.name.trim() === '') errors.name = 'Name is required';
  const email = values.email.trim();
  if (email !== '' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) errors.email = 'Email must look like name@company.com';
  return errors;
}

const orNull = (text: string): string | null => (text.trim() === '' ? null : text.trim());

export function contactFields(values: ContactFormValues): InputOf<'contacts.update'>['patch'] {
  return {
    name: values.name.trim(),
    email: orNull(values.email),
    title: orNull(values.title),
    phone: orNull(values.phone),
    role: values.role === '' ? null : values.role,
    level: values.level === '' ? null : values.level,
  };
}
