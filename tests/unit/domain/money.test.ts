import { describe, expect, it } from 'vitest';
import { formatMoney, minorToMajorString, parseMajorToMinor } from '../../../shared/domain/money';

describe('money formatting for the workspace currency and locale', () => {
  it('shows whole amounts without cents and other amounts with every minor digit', () => {
    expect(formatMoney(25_000_000, 'USD', 'en-US')).toBe('$250,000');
    expect(formatMoney(25_000_050, 'USD', 'en-US')).toBe('$250,000.50');
    expect(formatMoney(25_000_001, 'USD', 'en-US')).toBe('$250,000.01');
  });

  it('follows the locale and the currency’s own number of minor digits', () => {
    expect(formatMoney(123_456_78, 'EUR', 'de-DE')).toBe('123.456,78\u00a0€');
    expect(formatMoney(1_500, 'JPY', 'ja-JP')).toBe('￥1,500');
    expect(formatMoney(1_234_500, 'KWD', 'en-US')).toBe('KWD\u00a01,234.500');
  });

  it('abbreviates in compact form and shows a dash for no value', () => {
    expect(formatMoney(120_000_000, 'USD', 'en-US', { compact: true })).toBe('$1.2M');
    expect(formatMoney(null, 'USD', 'en-US')).toBe('—');
  });

  it('parses what a person types and round-trips through the major string', () => {
    expect(parseMajorToMinor('1,200,000.5', 2)).toBe(120_000_050);
    expect(parseMajorToMinor('12.345', 2)).toBeNull();
    expect(parseMajorToMinor('abc', 2)).toBeNull();
    expect(minorToMajorString(-120_000_050, 2)).toBe('-1200000.50');
  });
});
