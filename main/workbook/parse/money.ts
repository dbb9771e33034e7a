/**
 * Money as people write it ("$1,200,000", "1.200.000,00 €", "1.2M", "(1,200)") into exact integer minor
 * units. All arithmetic is on decimal digit strings and BigInt: no float ever holds an amount.
 */
export type DecimalSeparator = '.' | ',';

export interface MoneyOptions {
  /** Minor-unit digits of the workspace currency (2 for USD, 0 for JPY). */
  digits: number;
  currency: string;
  /** Known decimal separator; null: decide from the value, or report it as ambiguous. */
  decimal: DecimalSeparator | null;
}

export type MoneyParse =
  | { ok: true; minor: number }
  | { ok: false; ambiguous: boolean; message: string };

const SYMBOLS: [RegExp, string[]][] = [
  [/^(US\$|U\$S)/i, ['USD']],
  [/^(CA\$|C\$)/i, ['CAD']],
  [/^(AU\$|A\$)/i, ['AUD']],
  [/^NZ\$/i, ['NZD']],
  [/^HK\$/i, ['HKD']],
  [/^S\$/i, ['SGD']],
  [/^R\$/i, ['BRL']],
  [/^\$/, ['USD', 'CAD', 'AUD', 'NZD', 'SGD', 'HKD', 'MXN']],
  [/^€/, ['EUR']],
  [/^£/, ['GBP']],
  [/^¥|^￥/, ['JPY', 'CNY']],
  [/^₹/, ['INR']],
  [/^₩/, ['KRW']],
  [/^₺/, ['TRY']],
  [/^zł/i, ['PLN']],
  [/^Fr\.|^SFr\.?/i, ['CHF']],
  [/^kr\.?/i, ['SEK', 'NOK', 'DKK', 'ISK']],
];

const MULTIPLIERS: [RegExp, number][] = [
  [/^(k|K|thousand|tsd\.?|Tsd\.?)$/, 3],
  [/^(m|M|mm|MM|mn|Mn|mio\.?|Mio\.?|million|millions|Million|Millionen|mil)$/, 6],
  [/^(b|B|bn|Bn|billion|billions|mrd\.?|Mrd\.?|Milliarden)$/, 9],
];

const fail = (message: string, ambiguous = false): MoneyParse => ({ ok: false, ambiguous, message });

/** Text amount → minor units. */
export function parseMoneyText(input: string, options: MoneyOptions): MoneyParse {
  let text = input.replace(/[\u00a0\u202f\u2009\u2007]/g, ' ').trim();
  if (text === '') return fail('is empty');
  let negative = false;
  if (/^\(.*\)$/.test(text)) {
    negative = true;
    text = text.slice(1, -1).trim();
  }
  const currencies: string[] = [];
  const takeCurrency = () => {
    const code = /^([A-Za-z]{3})(?![A-Za-z])\s*/.exec(text);
    if (code && isCurrencyCode(code[1]!)) {
      currencies.push(code[1]!.toUpperCase());
      text = text.slice(code[0].length);
      return true;
    }
    for (const [pattern, codes] of SYMBOLS) {
      const m = pattern.exec(text);
      if (m) {
        currencies.push(codes.join('|'));
        text = text.slice(m[0].length).trim();
        return true;
      }
    }
    return false;
  };
  const takeSign = () => {
    if (/^[-−–]/.test(text)) {
      negative = !negative;
      text = text.slice(1).trim();
      return true;
    }
    if (text.startsWith('+')) {
      text = text.slice(1).trim();
      return true;
    }
    return false;
  };
  for (let i = 0; i < 3 && (takeSign() || takeCurrency()); i++);
  // Trailing parts, read from the end: currency, multiplier, a trailing minus.
  let shift = 0;
  for (let i = 0; i < 3; i++) {
    const tail = /\s*([^\d\s.,'’()-]+\.?|[-−])$/.exec(text);
    if (!tail) break;
    const word = tail[1]!;
    if (/^[-−]$/.test(word)) {
      negative = !negative;
    } else if (MULTIPLIERS.some(([p]) => p.test(word))) {
      shift += MULTIPLIERS.find(([p]) => p.test(word))![1];
    } else if (isCurrencyCode(word)) {
      currencies.push(word.toUpperCase());
    } else {
      const symbol = SYMBOLS.find(([p]) => p.test(word));
      if (!symbol) return fail(`"${shorten(input)}" is not an amount`);
      currencies.push(symbol[1].join('|'));
    }
    text = text.slice(0, tail.index).trim();
  }
  if (/^\(.*\)$/.test(text)) {
    negative = !negative;
    text = text.slice(1, -1).trim();
  }
  for (const found of currencies) {
    if (!found.split('|').includes(options.currency.toUpperCase())) {
      return fail(`"${shorten(input)}" is in ${found.split('|')[0]}, but this workspace counts money in ${options.currency}; convert it first`);
    }
  }
  if (!/^\d[\d.,'’ ]*$/.test(text) || /[.,'’ ]$/.test(text)) return fail(`"${shorten(input)}" is not an amount`);

  // A currency without minor units (JPY, KRW) has no decimals: its separators group thousands.
  const decimal = decideDecimal(text, options.digits === 0 && shift === 0 ? (text.includes('.') ? ',' : '.') : options.decimal, shift > 0);
  if (decimal === 'ambiguous') {
    return fail(`"${shorten(input)}" could be ${readAs(text, '.')} or ${readAs(text, ',')}: choose the decimal separator`, true);
  }
  if (decimal === 'invalid') return fail(`"${shorten(input)}" has digit groups that do not add up to a number`);
  const [whole, fraction] = splitNumber(text, decimal);
  return toMinor(negative, whole, fraction, shift, options.digits, false, input);
}

/** A numeric cell → minor units; float noise beyond the currency's digits is rounded half away from zero. */
export function parseMoneyNumber(value: number, options: MoneyOptions): MoneyParse {
  if (!Number.isFinite(value)) return fail('is not a number');
  const text = decimalString(Math.abs(value));
  const [whole, fraction = ''] = text.split('.');
  return toMinor(value < 0, whole!, fraction, 0, options.digits, true, String(value));
}

/** Evidence a value gives about the decimal separator of its column. */
export function decimalEvidence(input: string): DecimalSeparator | null {
  const text = input.replace(/[^\d.,]/g, '');
  const lastDot = text.lastIndexOf('.');
  const lastComma = text.lastIndexOf(',');
  if (lastDot >= 0 && lastComma >= 0) return lastDot > lastComma ? '.' : ',';
  const sep = lastDot >= 0 ? '.' : lastComma >= 0 ? ',' : null;
  if (!sep) return null;
  const parts = text.split(sep);
  if (parts.length > 2) return sep === '.' ? ',' : '.';
  const after = parts[1]!.length;
  if (after !== 3 || parts[0] === '0' || parts[0] === '') return sep;
  return null;
}

function decideDecimal(text: string, known: DecimalSeparator | null, hasMultiplier: boolean): DecimalSeparator | 'none' | 'ambiguous' | 'invalid' {
  const body = text.replace(/['’ ]/g, (c) => (c === ' ' ? ' ' : "'"));
  const hasDot = body.includes('.');
  const hasComma = body.includes(',');
  if (!hasDot && !hasComma) return validGroups(body, null) ? 'none' : 'invalid';
  let decimal: DecimalSeparator;
  if (hasDot && hasComma) decimal = body.lastIndexOf('.') > body.lastIndexOf(',') ? '.' : ',';
  else {
    const sep: DecimalSeparator = hasDot ? '.' : ',';
    const parts = body.split(sep);
    if (parts.length > 2) decimal = sep === '.' ? ',' : '.';
    else if (known) decimal = known;
    else if (hasMultiplier || parts[1]!.length !== 3 || /^0?$/.test(parts[0]!.replace(/['’ ]/g, '')) || /['’ ]/.test(body)) decimal = sep;
    else return 'ambiguous';
  }
  return validGroups(body, decimal) ? decimal : 'invalid';
}

/** Thousands groups: 3 digits each after the first (or the Indian 2-2-3 pattern). */
function validGroups(body: string, decimal: DecimalSeparator | null): boolean {
  const at = decimal ? body.lastIndexOf(decimal) : -1;
  const whole = at >= 0 ? body.slice(0, at) : body;
  const fraction = at >= 0 ? body.slice(at + 1) : '';
  if (!/^\d*$/.test(fraction)) return false;
  const groups = whole.split(/[.,' ]/);
  if (groups.length === 1) return /^\d+$/.test(whole);
  const [first, ...rest] = groups;
  if (!/^\d{1,3}$/.test(first!)) return false;
  if (rest.every((g) => /^\d{3}$/.test(g))) return true;
  return rest.length >= 2 && rest.slice(0, -1).every((g) => /^\d{2}$/.test(g)) && /^\d{3}$/.test(rest[rest.length - 1]!);
}

function splitNumber(text: string, decimal: DecimalSeparator | 'none'): [string, string] {
  const at = decimal === 'none' ? -1 : text.lastIndexOf(decimal);
  if (at < 0) return [text.replace(/\D/g, ''), ''];
  return [text.slice(0, at).replace(/\D/g, ''), text.slice(at + 1)];
}

function toMinor(negative: boolean, whole: string, fraction: string, shift: number, digits: number, round: boolean, input: string): MoneyParse {
  // Shift the decimal point for "1.2M" by moving digits from the fraction into the whole part.
  const moved = fraction.slice(0, shift).padEnd(shift, '0');
  const intDigits = (whole + moved).replace(/^0+(?=\d)/, '') || '0';
  let frac = fraction.slice(shift);
  let minor = BigInt(intDigits) * 10n ** BigInt(digits);
  if (frac.length > digits) {
    if (!round && /[1-9]/.test(frac.slice(digits))) {
      return fail(`"${shorten(input)}" has more decimal places than the currency has (${digits})`);
    }
    const roundUp = frac[digits]! >= '5';
    frac = frac.slice(0, digits);
    minor += BigInt(frac || '0') + (roundUp ? 1n : 0n);
  } else {
    minor += BigInt(frac.padEnd(digits, '0') || '0');
  }
  if (minor > BigInt(Number.MAX_SAFE_INTEGER)) return fail(`"${shorten(input)}" is too large`);
  const value = Number(minor);
  return { ok: true, minor: negative && value !== 0 ? -value : value };
}

/** Shortest exact decimal text of a finite number, without exponent notation. */
export function decimalString(value: number): string {
  const text = String(value);
  const m = /^(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!m) return text;
  const digits = m[1]! + (m[2] ?? '');
  const exponent = Number(m[3]);
  if (exponent >= 0) return digits.padEnd(exponent + 1, '0');
  return '0.' + '0'.repeat(-exponent - 1) + digits;
}

function isCurrencyCode(code: string): boolean {
  if (!/^[A-Za-z]{3}$/.test(code)) return false;
  try {
    return Intl.supportedValuesOf('currency').includes(code.toUpperCase());
  } catch {
    return /^[A-Z]{3}$/.test(code);
  }
}

function readAs(text: string, decimal: DecimalSeparator): string {
  const [whole, fraction] = splitNumber(text, decimal);
  const grouped = Number(whole).toLocaleString('en-US');
  return fraction ? `${grouped}.${fraction}` : grouped;
}

function shorten(text: string): string {
  return text.length > 40 ? text.slice(0, 40) + '…' : text;
}

/** Minor units → the plain decimal text a person types ("1200000.50"); the inverse of parsing. */
export function formatMinor(minor: number, digits: number): string {
  const negative = minor < 0;
  const abs = BigInt(Math.abs(minor));
  const base = 10n ** BigInt(digits);
  const fraction = digits > 0 ? '.' + (abs % base).toString().padStart(digits, '0') : '';
  return `${negative ? '-' : ''}${abs / base}${fraction}`;
}
