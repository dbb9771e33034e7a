import { describe, expect, test } from 'vitest';
import { dateOrderEvidence, momentFromDate, momentFromNumber, momentToIsoInstant, parseDateText } from '../../../main/workbook/parse/dates';
import { dateToSerial, isDateFormat, serialToDate } from '../../../main/workbook/parse/excel-dates';

const day = (text: string, order: 'dmy' | 'mdy' | null = null) => {
  const parsed = parseDateText(text, order);
  return parsed.ok ? parsed.value.date : parsed.message;
};

describe('dates as people write them', () => {
  test.each([
    ['2024-03-05', '2024-03-05'],
    ['2024/3/5', '2024-03-05'],
    ['20240305', '2024-03-05'],
    ['5.3.2024', '2024-03-05'],
    ['05.03.24', '2024-03-05'],
    ['25/03/2024', '2024-03-25'],
    ['03/25/2024', '2024-03-25'],
    ['5 Mar 2024', '2024-03-05'],
    ['05-Mar-24', '2024-03-05'],
    ['March 5, 2024', '2024-03-05'],
    ['Tuesday, March 5th, 2024', '2024-03-05'],
    ['5. März 2024', '2024-03-05'],
    ['5 juillet 2024', '2024-07-05'],
    ['2017-07-18 08:28:09', '2017-07-18'],
    ['07/18/2017 08:28:09 AM', '2017-07-18'],
  ])('%s → %s', (text, expected) => expect(day(text)).toBe(expected));

  test('day and month that could swap are asked, unless the order is known', () => {
    const parsed = parseDateText('03/05/2024', null);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok === false && parsed.ambiguous).toBe(true);
    expect(day('03/05/2024', 'dmy')).toBe('2024-05-03');
    expect(day('03/05/2024', 'mdy')).toBe('2024-03-05');
    expect(day('04/04/2024')).toBe('2024-04-04');
    expect(dateOrderEvidence('25/03/2024')).toBe('dmy');
    expect(dateOrderEvidence('03/25/2024')).toBe('mdy');
    expect(dateOrderEvidence('03/05/2024')).toBeNull();
  });

  test('impossible dates and non-dates are refused', () => {
    expect(day('2024-02-30')).toMatch(/not a real calendar date/);
    expect(day('31/31/2024', 'dmy')).toMatch(/not a real calendar date/);
    expect(day('soon')).toMatch(/not a date/);
    expect(day('2024-03-05 25:00')).toMatch(/time/);
  });

  test('times and zones become UTC instants', () => {
    const instant = (text: string) => {
      const parsed = parseDateText(text, 'mdy');
      if (!parsed.ok) throw new Error(parsed.message);
      return momentToIsoInstant(parsed.value);
    };
    expect(instant('2024-03-05T10:30:00Z')).toBe('2024-03-05T10:30:00.000Z');
    expect(instant('2024-03-05T10:30:00+02:00')).toBe('2024-03-05T08:30:00.000Z');
    expect(instant('2024-03-05 10:30 -0700')).toBe('2024-03-05T17:30:00.000Z');
    expect(instant('07/18/2017 12:15 PM')).toBe('2017-07-18T12:15:00.000Z');
    expect(instant('07/18/2017 12:15 AM')).toBe('2017-07-18T00:15:00.000Z');
    expect(instant('2024-03-05')).toBe('2024-03-05T00:00:00.000Z');
  });

  test('Excel serials in the 1900 and 1904 systems', () => {
    const iso = (serial: number, date1904: boolean) => serialToDate(serial, date1904).toISOString();
    expect(iso(45292, false)).toBe('2024-01-01T00:00:00.000Z');
    expect(iso(45292.5, false)).toBe('2024-01-01T12:00:00.000Z');
    expect(iso(61, false)).toBe('1900-03-01T00:00:00.000Z');
    expect(iso(59, false)).toBe('1900-02-28T00:00:00.000Z');
    expect(iso(1, false)).toBe('1900-01-01T00:00:00.000Z');
    expect(iso(0, true)).toBe('1904-01-01T00:00:00.000Z');
    expect(iso(43830, true)).toBe(iso(43830 + 1462, false));
    for (const serial of [61, 100, 45292.25, 2_958_465]) expect(dateToSerial(serialToDate(serial, false), false)).toBeCloseTo(serial, 8);
    expect(momentFromNumber(45292, false)).toMatchObject({ ok: true, value: { date: '2024-01-01' } });
    expect(momentFromNumber(45292, true)).toMatchObject({ ok: true, value: { date: '2028-01-02' } });
    expect(momentFromNumber(2024, false)).toMatchObject({ ok: false });
    expect(momentFromNumber(1_700_000_000, false)).toMatchObject({ ok: true, value: { date: '2023-11-14' } });
    expect(momentFromDate(new Date('2024-03-05T00:00:00Z'))).toEqual({ date: '2024-03-05', time: null, offsetMinutes: null });
  });

  test.each([
    ['yyyy-mm-dd', true],
    ['m/d/yy h:mm', true],
    ['[h]:mm:ss', true],
    ['dd"."mm"."yyyy', true],
    ['[$-409]mmmm d, yyyy', true],
    ['0.00', false],
    ['#,##0 "days"', false],
    ['"Date: "0', false],
    ['[Red]0.00', false],
    ['General', false],
    ['0.00E+00', false],
    [undefined, false],
  ])('number format %s is a date: %s', (format, expected) => expect(isDateFormat(format)).toBe(expected));
});
