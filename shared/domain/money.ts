/**
 * Money is an integer count of minor units (cents) with the workspace's ISO 4217 currency.
 * Floats never hold money: parsing works on the decimal string.
 */
export type MinorUnits = number;

export function currencyDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** Parses a plain decimal typed in a form ("1200000", "1200000.50", "1,200,000.5"). Returns null when it is not a number a person would mean as money. */
export function parseMajorToMinor(text: string, digits: number): MinorUnits | null {
  const cleaned = text.trim().replace(/[\s,_]/g, '');
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(cleaned);
  if (!match) return null;
  const [, sign, whole = '0', fraction = ''] = match;
  if (fraction.length > digits) return null;
  const minor = BigInt(whole) * 10n ** BigInt(digits) + BigInt((fraction + '0'.repeat(digits)).slice(0, digits) || '0');
  const signed = sign === '-' ? -minor : minor;
  if (signed > BigInt(Number.MAX_SAFE_INTEGER) || signed < BigInt(Number.MIN_SAFE_INTEGER)) return null;
  return Number(signed);
}

export function minorToMajorString(minor: MinorUnits, digits: number): string {
  const negative = minor < 0;
  const abs = BigInt(Math.abs(minor));
  const base = 10n ** BigInt(digits);
  const whole = abs / base;
  const fraction = (abs % base).toString().padStart(digits, '0');
  return `${negative ? '-' : ''}${whole}${digits > 0 ? '.' + fraction : ''}`;
}

export function formatMoney(minor: MinorUnits | null | undefined, currency: string, locale: string, opts: { compact?: boolean } = {}): string {
  if (minor === null || minor === undefined) return '—';
  const digits = currencyDigits(currency);
  const major = minor / 10 ** digits;
  // Whole amounts read cleaner without ".00"; any other amount shows every minor digit ("$250,000.50", never "$250,000.5").
  const fractionDigits = opts.compact ? undefined : Number.isInteger(major) ? 0 : digits;
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    notation: opts.compact ? 'compact' : 'standard',
    maximumFractionDigits: fractionDigits ?? 1,
    minimumFractionDigits: fractionDigits ?? 0,
  }).format(major);
}
