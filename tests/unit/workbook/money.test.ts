import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { decimalEvidence, formatMinor, parseMoneyNumber, parseMoneyText } from '../../../main/workbook/parse/money';

const usd = { digits: 2, currency: 'USD', decimal: null } as const;
const eur = { digits: 2, currency: 'EUR', decimal: null } as const;

function minor(text: string, options: Parameters<typeof parseMoneyText>[1] = usd): number {
  const parsed = parseMoneyText(text, options);
  if (!parsed.ok) throw new Error(`${text}: ${parsed.message}`);
  return parsed.minor;
}

describe('money as people write it', () => {
  test.each([
    ['$1,200,000', usd, 120_000_000],
    ['1200000', usd, 120_000_000],
    ['1,200,000.50', usd, 120_000_050],
    ['USD 1,200.10', usd, 120_010],
    ['1,200.10 USD', usd, 120_010],
    ['US$ 99.99', usd, 9_999],
    ['1.2M', usd, 120_000_000],
    ['$1.2M', usd, 120_000_000],
    ['1.25 million', usd, 125_000_000],
    ['12.5k', usd, 1_250_000],
    ['2.5bn', usd, 250_000_000_000],
    ['(1,200.50)', usd, -120_050],
    ['-$1,200.00', usd, -120_000],
    ['1,200.00-', usd, -120_000],
    ['  $ 42  ', usd, 4_200],
    ['1.200.000,00 €', eur, 120_000_000],
    ['€ 1.234,56', eur, 123_456],
    ['1 200 000,50 EUR', eur, 120_000_050],
    ['1\u00a0200\u00a0000,50 €', eur, 120_000_050],
    ['1,2 Mio. €', eur, 120_000_000],
    ['0,5', eur, 50],
    ["1'200'000.00", { digits: 2, currency: 'CHF', decimal: null }, 120_000_000],
    ['CHF 1’200.50', { digits: 2, currency: 'CHF', decimal: null }, 120_050],
    ['¥1,200', { digits: 0, currency: 'JPY', decimal: null }, 1_200],
    ['12,00,000', { digits: 2, currency: 'INR', decimal: null }, 120_000_000],
  ] as const)('%s → %i minor units', (text, options, expected) => {
    expect(minor(text, options)).toBe(expected);
  });

  test('a lone separator before three digits is asked, not guessed', () => {
    for (const text of ['1,200', '1.200', '$12.500']) {
      const parsed = parseMoneyText(text, usd);
      expect(parsed.ok).toBe(false);
      expect(parsed.ok === false && parsed.ambiguous).toBe(true);
      expect(parsed.ok === false && parsed.message).toMatch(/decimal separator/);
    }
    expect(minor('1,200', { ...usd, decimal: '.' })).toBe(120_000);
    expect(minor('1,200', { ...usd, decimal: ',' })).toBe(120);
    expect(minor('1.200', { ...usd, decimal: ',' })).toBe(120_000);
    expect(minor('1.200', { ...usd, decimal: '.' })).toBe(120);
  });

  test('the rest of the column decides the separator', () => {
    expect(decimalEvidence('1,200.50')).toBe('.');
    expect(decimalEvidence('1.200,50')).toBe(',');
    expect(decimalEvidence('12,5')).toBe(',');
    expect(decimalEvidence('1,200,000')).toBe('.');
    expect(decimalEvidence('1,200')).toBeNull();
  });

  test.each([
    ['abc', /not an amount/],
    ['£100', /GBP.*USD/],
    ['€100', /EUR.*USD/],
    ['1,23,4', /digit groups/],
    ['12.345', /more decimal places/],
    ['$', /not an amount/],
    ['1.2.3,4,5', /digit groups|not an amount/],
  ])('%s is refused with a reason', (text, reason) => {
    const parsed = parseMoneyText(text, { ...usd, decimal: '.' });
    expect(parsed.ok).toBe(false);
    expect(parsed.ok === false && parsed.message).toMatch(reason);
  });

  test('numeric cells: exact cents, float noise rounded half away from zero', () => {
    const n = (v: number, digits = 2) => {
      const parsed = parseMoneyNumber(v, { digits, currency: 'USD', decimal: null });
      return parsed.ok ? parsed.minor : parsed.message;
    };
    expect(n(1_200_000)).toBe(120_000_000);
    expect(n(1_200_000.1)).toBe(120_000_010);
    expect(n(0.1 + 0.2)).toBe(30);
    expect(n(1.005)).toBe(101);
    expect(n(-5)).toBe(-500);
    expect(n(1e-7)).toBe(0);
    expect(n(1234.5, 0)).toBe(1235);
    expect(n(1e21)).toMatch(/too large/);
    expect(n(Number.NaN)).toMatch(/not a number/);
  });

  test('property: formatting then parsing round-trips exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: -9_000_000_000_000, max: 9_000_000_000_000 }), fc.constantFrom(0, 2, 3), (value, digits) => {
        const options = { digits, currency: 'USD', decimal: '.' as const };
        expect(minor(formatMinor(value, digits), options)).toBe(value);
        const grouped = new Intl.NumberFormat('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(Number(formatMinor(Math.abs(value), digits)));
        if (Math.abs(value) < 2 ** 50) expect(minor(`${value < 0 ? '-' : ''}$${grouped}`, options)).toBe(value);
        const german = formatMinor(value, digits).replace('.', ',');
        expect(minor(`${german} $`, { ...options, decimal: ',' })).toBe(value);
      }),
      { numRuns: 500 },
    );
  });
});
