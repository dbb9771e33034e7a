import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { csvField, escapeFormula, exportText, fromXmlSafe, importText, toXmlSafe, unescapeFormula } from '../../../main/workbook/export/escape';

describe('formula injection escaping', () => {
  test.each(['=1+2', '+1', '-1', '@SUM(A1)', '\tx', '\rx', '\0x', "=cmd|' /C calc'!A0", "'=already quoted"])('%j is escaped', (text) => {
    expect(escapeFormula(text).startsWith("'")).toBe(true);
    expect(unescapeFormula(escapeFormula(text))).toBe(text);
  });
  test.each(['Acme', '1,200', ' =not first', "it's", "'quoted", '', '2024-01-01'])('%j is left as it is', (text) => {
    expect(escapeFormula(text)).toBe(text);
  });
  test('CSV: text escaped and quoted, numbers untouched', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField(-5)).toBe('-5');
    expect(csvField(1.5)).toBe('1.5');
    expect(csvField('-5')).toBe("'-5");
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
    expect(csvField(null)).toBe('');
  });
  test('control characters survive XML as _xHHHH_', () => {
    expect(toXmlSafe('a\u0001b')).toBe('a_x0001_b');
    expect(fromXmlSafe(toXmlSafe('a\u0001b_x0041_'))).toBe('a\u0001b_x0041_');
  });
  test('property: export then import gives back the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 30 }), (text) => {
        expect(importText(exportText(text))).toBe(text);
        expect(unescapeFormula(escapeFormula(text))).toBe(text);
        expect(/^[=+\-@\t\r\0]/.test(escapeFormula(text))).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });
});
