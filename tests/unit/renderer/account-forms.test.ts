import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/contract/errors';
import type { AccountDetail } from '../../../shared/contract';
import { formFailureFrom } from '../../../renderer/components/form-errors';
import {
  ACCOUNT_FIELD_ALIASES,
  ACCOUNT_FORM_FIELDS,
  accountCreateInput,
  accountFields,
  accountFormFromDetail,
  arrChange,
  checkAccountForm,
  emptyAccountForm,
} from '../../../renderer/accounts/account-form-model';
import { checkContactForm, contactFields, emptyContactForm } from '../../../renderer/accounts/contact-form-model';

describe('checkAccountForm', () => {
  it('needs a name and an ARR that is an amount', () => {
    const result = checkAccountForm({ ...emptyAccountForm(), arr: '12abc' }, 'USD', 'en-US');
    expect(result).toEqual({ ok: false, errors: { name: 'Name is required', arr: 'Enter ARR as an amount, e.g. 250000 or 250000.50' } });
    expect(checkAccountForm({ ...emptyAccountForm(), name: 'Acme', arr: '-5' }, 'USD', 'en-US').ok).toBe(false);
  });

  it('gives the ARR in minor units, or null when left empty', () => {
    expect(checkAccountForm({ ...emptyAccountForm(), name: 'Acme', arr: '250,000.50' }, 'USD', 'en-US')).toEqual({ ok: true, arrMinor: 25_000_050 });
    expect(checkAccountForm({ ...emptyAccountForm(), name: 'Acme' }, 'USD', 'en-US')).toEqual({ ok: true, arrMinor: null });
  });
});

describe('account form values', () => {
  it('sends empty inputs as null and leaves out an ARR that was not given', () => {
    const values = { ...emptyAccountForm(), name: '  Acme  ', region: 'EMEA', tier: 'SMB' as const };
    expect(accountCreateInput(values, null)).toEqual({
      name: 'Acme',
      externalId: null,
      industry: null,
      tier: 'SMB',
      region: 'EMEA',
      owner: null,
      renewalDate: null,
      renewalIntent: null,
      notes: null,
    });
    expect(accountCreateInput(values, 500)).toMatchObject({ arrMinor: 500 });
    expect(accountFields({ ...values, renewalDate: '2027-03-31', renewalIntent: 'unsure' })).toMatchObject({ renewalDate: '2027-03-31', renewalIntent: 'unsure' });
  });

  it('shows a stored ARR as plain digits that parse back to the same amount', () => {
    const detail = { name: 'Acme', arrMinor: 25_000_050, externalId: null, industry: null, tier: null, region: null, owner: null, renewalDate: null, renewalIntent: null, notes: null } as unknown as AccountDetail;
    expect(accountFormFromDetail(detail, 'USD').arr).toBe('250000.50');
    expect(accountFormFromDetail({ ...detail, arrMinor: 25_000_000 }, 'USD').arr).toBe('250000');
    expect(accountFormFromDetail({ ...detail, arrMinor: 0 }, 'USD').arr).toBe('');
  });

  it('records an edited ARR as expansion or contraction, and nothing when unchanged or emptied', () => {
    expect(arrChange(100, 150)).toEqual({ arrMinor: 150, kind: 'expansion' });
    expect(arrChange(100, 0)).toEqual({ arrMinor: 0, kind: 'contraction' });
    expect(arrChange(100, 100)).toBeNull();
    expect(arrChange(100, null)).toBeNull();
  });
});

describe('formFailureFrom (server errors next to their fields)', () => {
  it('maps contract paths to form fields, arrMinor to the ARR field', () => {
    const err = new ApiError({ code: 'invalid_input', message: 'Check the fields', fields: { 'patch.name': 'Name is required', arrMinor: 'cannot be negative', renewalDate: 'must be a date written YYYY-MM-DD' } });
    expect(formFailureFrom(err, ACCOUNT_FORM_FIELDS, ACCOUNT_FIELD_ALIASES)).toEqual({
      fields: { name: 'Name is required', arr: 'cannot be negative', renewalDate: 'must be a date written YYYY-MM-DD' },
      formError: null,
    });
  });

  it('shows what has no field, and errors without fields, above the form', () => {
    expect(formFailureFrom(new ApiError({ code: 'invalid_input', message: 'x', fields: { accountId: 'must be a UUIDv7 id' } }), ACCOUNT_FORM_FIELDS)).toEqual({
      fields: {},
      formError: 'must be a UUIDv7 id',
    });
    expect(formFailureFrom(new ApiError({ code: 'conflict', message: 'Changed in another window' }), ACCOUNT_FORM_FIELDS)).toEqual({ fields: {}, formError: 'Changed in another window' });
    expect(formFailureFrom(new Error('socket closed'), ACCOUNT_FORM_FIELDS).formError).toBe('Could not save: socket closed');
  });
});

describe('contact form', () => {
  it('needs a name and a plausible email when one is given', () => {
    expect(checkContactForm(emptyContactForm())).toEqual({ name: 'Name is required' });
    expect(checkContactForm({ ...emptyContactForm(), name: 'Ana', email: 'ana@' })).toEqual({ email: 'Email must look like name@company.com' });
    expect(checkContactForm({ ...emptyContactForm(), name: 'Ana', email: 'ana@acme.com' })).toEqual({});
  });

  it('sends empty inputs as null', () => {
    expect(contactFields({ ...emptyContactForm(), name: ' Ana ', role: 'influencer' })).toEqual({ name: 'Ana', email: null, title: null, phone: null, role: 'influencer', level: null });
  });
});
