import { currencyDigits, parseMajorToMinor } from '../../shared/domain/money';

export type ArrParse = { ok: true; minor: number | null } | { ok: false; error: string };

/** The message a person sees next to the ARR field, with examples that fit the currency. */
export function arrErrorMessage(digits: number): string {
  return digits === 0
    ? 'Enter ARR as an amount, e.g. 250000'
    : `Enter ARR as an amount, e.g. 250000 or 250000.${'50'.padEnd(digits, '0').slice(0, digits)}`;
}

function currencySymbols(currency: string, locale: string): string[] {
  const symbols = new Set<string>([currency]);
  for (const currencyDisplay of ['symbol', 'narrowSymbol'] as const) {
    try {
      const part = new Intl.NumberFormat(locale, { style: 'currency', currency, currencyDisplay }).formatToParts(1).find((p) => p.type === 'currency');
      if (part) symbols.add(part.value);
    } catch {
      // An unknown currency code: only the code itself is stripped.
    }
  }
  return [...symbols].sort((a, b) => b.length - a.length);
}

function decimalSeparator(locale: string): string {
  try {
    return new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === 'decimal')?.value ?? '.';
  } catch {
    return '.';
  }
}

/** Never parses: what normalizeAmountText returns for separators that form no number. */
const UNREADABLE = '?';

/**
 * Turns what a person types into the plain "1234.56" that parseMajorToMinor reads, accepting both
 * "250,000.50" and "250.000,50". It never guesses a factor of 100 or 1000: a separator that is
 * ambiguous is read the way the workspace locale writes numbers, and input whose separators do not
 * form thousands groups is refused rather than repaired.
 */
export function normalizeAmountText(text: string, currency: string, locale: string): string {
  let s = text.trim();
  for (const symbol of currencySymbols(currency, locale)) {
    if (s.toUpperCase().startsWith(symbol.toUpperCase())) s = s.slice(symbol.length).trim();
    if (s.toUpperCase().endsWith(symbol.toUpperCase())) s = s.slice(0, s.length - symbol.length).trim();
  }
  s = s.replace(/[\s\u00a0\u202f_']/g, '');
  const ungroup = (group: string, body: string): string | null => {
    const [head, ...rest] = body.split(group);
    if (!head || !/^-?\d{1,3}$/.test(head) || rest.some((p) => !/^\d{3}$/.test(p))) return null;
    return [head, ...rest].join('');
  };
  const lastComma = s.lastIndexOf(',');
  const lastDot = s.lastIndexOf('.');
  if (lastComma >= 0 && lastDot >= 0) {
    // Both present: the last one is the decimal separator, the other must group thousands.
    const decimal = lastComma > lastDot ? ',' : '.';
    const cut = s.lastIndexOf(decimal);
    const whole = ungroup(decimal === ',' ? '.' : ',', s.slice(0, cut));
    return whole === null ? UNREADABLE : `${whole}.${s.slice(cut + 1)}`;
  }
  const separator = lastComma >= 0 ? ',' : lastDot >= 0 ? '.' : null;
  if (separator === null) return s;
  const parts = s.split(separator);
  if (parts.length > 2) return ungroup(separator, s) ?? UNREADABLE;
  // One separator: the locale's decimal mark is a decimal ("10.505" in en-US has too many decimals,
  // it is not 10505); the other mark groups thousands only when three digits follow.
  if (separator !== decimalSeparator(locale) && parts[1]!.length === 3) return ungroup(separator, s) ?? UNREADABLE;
  return `${parts[0]}.${parts[1]}`;
}

/** ARR typed in major units → minor units. Empty means "no ARR given"; negative or unreadable is an error. */
export function parseArrText(text: string, currency: string, locale: string): ArrParse {
  if (text.trim() === '') return { ok: true, minor: null };
  const digits = currencyDigits(currency);
  const minor = parseMajorToMinor(normalizeAmountText(text, currency, locale), digits);
  if (minor === null || minor < 0) return { ok: false, error: arrErrorMessage(digits) };
  return { ok: true, minor };
}
