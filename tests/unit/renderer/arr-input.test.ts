import { describe, expect, it } from 'vitest';
import { arrErrorMessage, normalizeAmountText, parseArrText } from '../../../renderer/accounts/arr-input';

const MESSAGE = 'Enter ARR as an amount, e.g. 250000 or 250000.50';

describe('parseArrText (ARR typed in major units)', () => {
  it('reads plain and grouped amounts into minor units', () => {
    expect(parseArrText('250000', 'USD', 'en-US')).toEqual({ ok: true, minor: 25_000_000 });
    expect(parseArrText('250000.50', 'USD', 'en-US')).toEqual({ ok: true, minor: 25_000_050 });
    expect(parseArrText('250,000.50', 'USD', 'en-US')).toEqual({ ok: true, minor: 25_000_050 });
    expect(parseArrText(' 1,200,000 ', 'USD', 'en-US')).toEqual({ ok: true, minor: 120_000_000 });
    expect(parseArrText('0', 'USD', 'en-US')).toEqual({ ok: true, minor: 0 });
  });

  it('treats an empty field as "no ARR given", not as zero', () => {
    expect(parseArrText('', 'USD', 'en-US')).toEqual({ ok: true, minor: null });
    expect(parseArrText('   ', 'EUR', 'de-DE')).toEqual({ ok: true, minor: null });
  });

  it('refuses text that is not an amount, and negative amounts, with the same message', () => {
    for (const bad of ['12abc', 'abc', '-5', '-0.01', '1.2.3x', '12,34,5', '$', '1e6', '0x10']) {
      expect(parseArrText(bad, 'USD', 'en-US'), bad).toEqual({ ok: false, error: MESSAGE });
    }
  });

  it('refuses more decimals than the currency has, rather than rounding', () => {
    expect(parseArrText('10.505', 'USD', 'en-US').ok).toBe(false);
    expect(parseArrText('1000.5', 'JPY', 'ja-JP')).toEqual({ ok: false, error: 'Enter ARR as an amount, e.g. 250000' });
    expect(parseArrText('1000', 'JPY', 'ja-JP')).toEqual({ ok: true, minor: 1000 });
  });

  it('accepts the decimal comma of European locales without misreading it as thousands', () => {
    expect(parseArrText('250.000,50', 'EUR', 'de-DE')).toEqual({ ok: true, minor: 25_000_050 });
    expect(parseArrText('250000,50', 'EUR', 'de-DE')).toEqual({ ok: true, minor: 25_000_050 });
    expect(parseArrText('1 234,5', 'EUR', 'fr-FR')).toEqual({ ok: true, minor: 123_450 });
  });

  it('strips the workspace currency symbol or code', () => {
    expect(parseArrText('$250,000', 'USD', 'en-US')).toEqual({ ok: true, minor: 25_000_000 });
    expect(parseArrText('250000 EUR', 'EUR', 'de-DE')).toEqual({ ok: true, minor: 25_000_000 });
    expect(parseArrText('€ 1.500', 'EUR', 'de-DE')).toEqual({ ok: true, minor: 150_000 });
  });

  it('refuses amounts beyond what a number holds exactly', () => {
    expect(parseArrText('999999999999999999', 'USD', 'en-US').ok).toBe(false);
  });
});

describe('normalizeAmountText', () => {
  it('reads an ambiguous separator the way the locale writes numbers', () => {
    expect(normalizeAmountText('1,234', 'USD', 'en-US')).toBe('1234');
    expect(normalizeAmountText('1.234', 'EUR', 'de-DE')).toBe('1234');
    expect(normalizeAmountText('10.505', 'USD', 'en-US')).toBe('10.505');
    expect(normalizeAmountText('1,234', 'EUR', 'de-DE')).toBe('1.234');
  });

  it('never turns misplaced separators into a factor of 100 or 1000', () => {
    expect(normalizeAmountText('12,34', 'USD', 'en-US')).toBe('12.34');
    expect(parseArrText('1.234.56', 'USD', 'en-US').ok).toBe(false);
    expect(parseArrText('12,34,5', 'USD', 'en-US').ok).toBe(false);
    expect(parseArrText('1,234.5.6', 'USD', 'en-US').ok).toBe(false);
  });
});

describe('arrErrorMessage', () => {
  it('shows examples that fit the currency', () => {
    expect(arrErrorMessage(2)).toBe(MESSAGE);
    expect(arrErrorMessage(0)).toBe('Enter ARR as an amount, e.g. 250000');
    expect(arrErrorMessage(3)).toBe('Enter ARR as an amount, e.g. 250000 or 250000.500');
  });
});
