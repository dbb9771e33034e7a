import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { DelimitedParser, detectDelimiter } from '../../../main/workbook/source/delimited';
import { detectEncoding, makeDecoder } from '../../../main/workbook/source/text-encoding';

const parseAll = (text: string, delimiter = ',') => {
  const parser = new DelimitedParser(delimiter);
  return [...parser.push(text), ...parser.finish()];
};

describe('encodings', () => {
  const sample = 'Name;Stadt\nJosé;Zürich\n';
  test('UTF-8 with and without BOM', () => {
    expect(detectEncoding(Buffer.from('\ufeff' + sample, 'utf8'))).toEqual({ encoding: 'utf-8', bomLength: 3 });
    expect(detectEncoding(Buffer.from(sample, 'utf8'))).toEqual({ encoding: 'utf-8', bomLength: 0 });
  });
  test('UTF-16 LE and BE, with BOM and without', () => {
    const le = Buffer.from(sample, 'utf16le');
    expect(detectEncoding(Buffer.concat([Buffer.from([0xff, 0xfe]), le]))).toEqual({ encoding: 'utf-16le', bomLength: 2 });
    expect(detectEncoding(le)).toEqual({ encoding: 'utf-16le', bomLength: 0 });
    const be = Buffer.from(le).swap16();
    expect(detectEncoding(Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).toEqual({ encoding: 'utf-16be', bomLength: 2 });
    expect(detectEncoding(be).encoding).toBe('utf-16be');
    expect(makeDecoder('utf-16be')(be, true)).toBe(sample);
  });
  test('Windows-1252 when the bytes are not UTF-8', () => {
    const cp1252 = Buffer.from([0x4a, 0x6f, 0x73, 0xe9, 0x3b, 0x80, 0x31, 0x30, 0x0a]); // "José;€10"
    expect(detectEncoding(cp1252).encoding).toBe('windows-1252');
    expect(makeDecoder('windows-1252')(cp1252, true)).toBe('José;€10\n');
  });
  test('a multi-byte character cut at the sample edge is still UTF-8', () => {
    const bytes = Buffer.from('aaaé', 'utf8');
    expect(detectEncoding(bytes.subarray(0, bytes.length - 1)).encoding).toBe('utf-8');
  });
  test('binary is refused', () => {
    expect(() => detectEncoding(Buffer.from([1, 0, 0, 0, 5, 9, 0, 200, 0, 0, 0, 0, 7, 0, 0, 9]))).toThrow(/binary/);
  });
});

describe('delimiters and quoting', () => {
  test.each([
    ['a,b,c\n1,2,3\n', ',', 'csv'],
    ['a;b;c\n1,5;2;3\n', ';', 'csv'],
    ['a\tb\tc\n1\t2\t3\n', '\t', 'tsv'],
    ['a|b|c\n1|2|3\n', '|', 'txt'],
    ['sep=;\na;b\n1;2\n', ';', 'csv'],
  ])('%j uses %j', (text, delimiter, ext) => {
    expect(detectDelimiter(text, ext).delimiter).toBe(delimiter);
  });
  test('prose is not a table', () => {
    expect(detectDelimiter('Licensed under the Apache License, Version 2.0.\nYou may not use this file except in compliance.\n', 'txt').consistent).toBe(false);
  });
  test('RFC 4180: quotes, doubled quotes, line breaks, CRLF, empty fields', () => {
    expect(parseAll('a,"b,c","say ""hi"""\r\n"multi\nline",,x\r\nlast')).toEqual([
      ['a', 'b,c', 'say "hi"'],
      ['multi\nline', '', 'x'],
      ['last'],
    ]);
    expect(parseAll('a\rb\r')).toEqual([['a'], ['b']]);
  });
  test('an unclosed quote is refused, not swallowed', () => {
    expect(() => parseAll('a,"never closed ' + 'x'.repeat(40_000))).toThrow(/quote/);
  });
  test('property: any chunking gives the same records', () => {
    const cell = fc.string({ maxLength: 8 }).map((s) => s.replace(/\r/g, ''));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 6 }), fc.array(fc.integer({ min: 1, max: 7 }), { maxLength: 20 }), (rows, cuts) => {
        const text = rows.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(',')).join('\r\n');
        const parser = new DelimitedParser(',');
        const out: string[][] = [];
        let at = 0;
        for (const cut of cuts) {
          out.push(...parser.push(text.slice(at, at + cut)));
          at += cut;
        }
        out.push(...parser.push(text.slice(at)), ...parser.finish());
        expect(out).toEqual(rows);
      }),
      { numRuns: 300 },
    );
  });
});
