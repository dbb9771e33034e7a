import type { AccountDetail, InputOf } from '../../shared/contract';
import { ACCOUNT_TIERS, RENEWAL_INTENTS } from '../../shared/domain/accounts';
import type { AccountTier, RenewalIntent } from '../../shared/domain/accounts';
import { currencyDigits, minorToMajorString } from '../../shared/domain/money';
import { parseArrText } from './arr-input';
import type { FieldErrors } from '../components/form-errors';

/** What the form's inputs hold: always strings, so an empty input is "" and never undefined. */
export interface AccountFormValues {
  name: string;
  externalId: string;
  industry: string;
  tier: AccountTier | '';
  region: string;
  owner: string;
  renewalDate: string;
  renewalIntent: RenewalIntent | '';
  arr: string;
  notes: string;
}

export const ACCOUNT_FORM_FIELDS = ['name', 'externalId', 'industry', 'tier', 'region', 'owner', 'renewalDate', 'renewalIntent', 'arr', 'notes'] as const;

/** Server field paths that the form shows under another name. */
export const ACCOUNT_FIELD_ALIASES: Record<string, string> = { arrMinor: 'arr', arrDate: 'arr' };

export const RENEWAL_INTENT_LABELS: Record<RenewalIntent, string> = {
  yes: 'Intends to renew',
  unsure: 'Unsure',
  no: 'Not renewing',
};

export function emptyAccountForm(): AccountFormValues {
  return { name: '', externalId: '', industry: '', tier: '', region: '', owner: '', renewalDate: '', renewalIntent: '', arr: '', notes: '' };
}

/** Plain digits in the ARR field ("250000.50"), so what is shown is also what parses back. */
export function accountFormFromDetail(account: AccountDetail, currency: string): AccountFormValues {
  const digits = currencyDigits(currency);
  const arr = account.arrMinor > 0 ? minorToMajorString(account.arrMinor, digits).replace(/\.0+$/, '') : '';
  return {
    name: account.name,
    externalId: account.externalId ?? '',
    industry: account.industry ?? '',
    tier: account.tier ?? '',
    region: account.region ?? '',
    owner: account.owner ?? '',
    renewalDate: account.renewalDate ?? '',
    renewalIntent: account.renewalIntent ?? '',
    arr,
    notes: account.notes ?? '',
  };
}

export type AccountFormCheck = { ok: true; arrMinor: number | null } | { ok: false; errors: FieldErrors };

/** What can be known before asking the core: a name, an ARR that is an amount. The core checks the rest again. */
export function checkAccountForm(values: AccountFormValues, currency: string, locale: string): AccountFormCheck {
  const errors: FieldErrors = {};
  if (values.name.trim() === '') errors.name = 'Name is required';
  const arr = parseArrText(values.arr, currency, locale);
  if (!arr.ok) errors.arr = arr.error;
  if (values.tier !== '' && !(ACCOUNT_TIERS as readonly string[]).includes(values.tier)) errors.tier = 'Choose a tier from the list';
  if (values.renewalIntent !== '' && !(RENEWAL_INTENTS as readonly string[]).includes(values.renewalIntent)) errors.renewalIntent = 'Choose an intent from the list';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, arrMinor: arr.ok ? arr.minor : null };
}

const orNull = (text: string): string | null => (text.trim() === '' ? null : text.trim());

export function accountFields(values: AccountFormValues): InputOf<'accounts.update'>['patch'] {
  return {
    name: values.name.trim(),
    externalId: orNull(values.externalId),
    industry: orNull(values.industry),
    tier: values.tier === '' ? null : values.tier,
    region: orNull(values.region),
    owner: orNull(values.owner),
    renewalDate: values.renewalDate === '' ? null : values.renewalDate,
    renewalIntent: values.renewalIntent === '' ? null : values.renewalIntent,
    notes: orNull(values.notes),
  };
}

export function accountCreateInput(values: AccountFormValues, arrMinor: number | null): InputOf<'accounts.create'> {
  const fields = accountFields(values);
  return { ...fields, name: fields.name ?? '', ...(arrMinor !== null ? { arrMinor } : {}) };
}

/**
 * An edited ARR becomes a new ARR record dated today, so history is kept rather than rewritten.
 * Returns null when nothing changed (an emptied field also leaves ARR as it was).
 */
export function arrChange(previousMinor: number, nextMinor: number | null): { arrMinor: number; kind: 'expansion' | 'contraction' } | null {
  if (nextMinor === null || nextMinor === previousMinor) return null;
  return { arrMinor: nextMinor, kind: nextMinor > previousMinor ? 'expansion' : 'contraction' };
}
