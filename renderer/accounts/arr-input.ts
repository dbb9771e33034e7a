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

/**
 * Turns what a person types into the plain "1234.56" that parseMajorToMinor reads, accepting both
 * "250,000.50" and "250.000,50". It never guesses a factor of 100 or 1000: input whose separators
 * do not form thousands groups is left as it is and then fails to parse.
 */
export function normalizeAmountText(text: string, currency: string, locale: string): string {
  let s = text.trim();
  for (const symbol of currencySymbols(currency, locale)) {
    if (s.toUpperCase().startsWith(symbol.toUpperCase())) s = s.slice(symbol.length).trim();
    if (s.toUpperCase().endsWith(symbol.toUpperCase())) s = s.slice(0, s.length - symbol.length).trim();
  }
  s = s.replace(/[\s\u00a0\u202f_']/g, '');
  const lastComma = s.lastIndexOf(',');
  const lastDot = s.lastIndexOf('.');
  const withGroups = (group: string, body: string): string | null => {
    const parts = body.split(group);
    const [head, ...rest] = parts;
    if (!head || !/^-?\d{1,3}$/.test(head) || rest.some((p) => !/^\d{3}$/.test(p))) return null;
    return parts.join('');
  };
  if (lastComma >= 0 && lastDot >= 0) {
    const decimal = lastComma > lastDot ? ',' : '.';
    const group = decimal === ',' ? '.' : ',';
    const cut = s.lastIndexOf(decimal);
    const whole = withGroups(group, s.slice(0, cut));
    return whole === null ? s : `${whole}.${s.slice(cut + 1)}`;
  }
  const separator = lastComma >= 0 ? ',' : lastDot >= 0 ? '.' : null;
  if (separator === null) return s;
  const parts = s.split(separator);
  if (parts.length > 2) return withGroups(separator, s) ?? s;
  const after = parts[1]!;
  // "1,234" is a thousands group; "1,5" and "1.50" are decimals. Three-decimal currencies ask the locale.
  const looksLikeGroup = after.length === 3 && (currencyDigits(currency) !== 3 || decimalSeparator(locale) !== separator);
  if (looksLikeGroup) return withGroups(separator, s) ?? s;
  return `${parts[0]}.${after}`;
}

/** ARR typed in major units → minor units. Empty means "no ARR given"; negative or unreadable is an error. */
export function parseArrText(text: string, currency: string, locale: string): ArrParse {
  if (text.trim() === '') return { ok: true, minor: null };
  const digits = currencyDigits(currency);
  const minor = parseMajorToMinor(normalizeAmountText(text, currency, locale), digits);
  if (minor === null || minor < 0) return { ok: false, error: arrErrorMessage(digits) };
  return { ok: true, minor };
}
