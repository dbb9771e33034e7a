import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { CellError } from '../../../main/workbook/cells';
import type { Cell, SheetRow } from '../../../main/workbook/cells';
import { WorkbookRefusal } from '../../../main/workbook/refusal';
import { openSource } from '../../../main/workbook/source/open-source';
import { SheetRowBuilder, columnOfRef } from '../../../main/workbook/source/xlsx-sheet';
import type { SheetContext } from '../../../main/workbook/source/xlsx-sheet';
import { decodeCellText } from '../../../main/workbook/source/xlsx-parts';
import { tempDir } from '../../helpers/temp-dir';

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const CONTEXT: SheetContext = { sharedStrings: ['zero', 'one', 'two'], dateStyles: [false, true], date1904: false };

function rowsOf(xml: string, context: SheetContext = CONTEXT, chunk = xml.length): SheetRow[] {
  const builder = new SheetRowBuilder(context);
  const rows: SheetRow[] = [];
  for (let at = 0; at < xml.length; at += chunk) {
    builder.scanner.push(xml.slice(at, at + chunk));
    rows.push(...builder.take());
  }
  builder.scanner.end();
  rows.push(...builder.take());
  return rows;
}

const sheet = (data: string, before = '', after = '') => `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}>${before}<sheetData>${data}</sheetData>${after}</worksheet>`;

describe('the xlsx sheet reader', () => {
  const xml = sheet(
    '<row r="1" spans="1:9"><c r="A1" t="s"><v>1</v></c><c r="B1"><v>42.5</v></c><c r="C1" s="1"><v>45292.5</v></c><c r="D1" t="b"><v>1</v></c>' +
      '<c r="E1" t="e"><v>#DIV/0!</v></c><c r="F1" t="str"><f>A1&amp;"x"</f><v>one&amp;x</v></c><c r="G1" t="inlineStr"><is><r><t>Rich </t></r><r><rPr><b/></rPr><t xml:space="preserve">text</t></r><rPh sb="0" eb="1"><t>ふりがな</t></rPh></is></c>' +
      '<c r="H1"><f>1/0</f></c><c r="I1" t="d"><v>2024-02-29T10:30:00</v></c></row>' +
      '<row r="3"><c r="B3" t="inlineStr"><is><t>line&#13;one\r\nline two_x000D_ &lt;ok&gt;</t></is></c><c r="C3" t="inlineStr"><is><t><![CDATA[<raw & kept>]]></t></is></c><c r="D3"/><c r="E3" t="s"><v>99</v></c></row>',
    '<dimension ref="A1:I3"/><sheetViews><sheetView><selection activeCell="A1" sqref="A1"/></sheetView></sheetViews><cols><col min="1" max="2" width="9"/></cols>',
    '<mergeCells count="1"><mergeCell ref="A5:B5"/></mergeCells><extLst><ext><c r="Z9"><v>7</v></c></ext></extLst>',
  );
  const expected: SheetRow[] = [
    {
      row: 1,
      cells: ['one', 42.5, new Date(Date.UTC(2024, 0, 1, 12)), true, new CellError('#DIV/0!'), 'one&x', 'Rich text', undefined, new Date(Date.UTC(2024, 1, 29, 10, 30))],
    },
    { row: 3, cells: [undefined, 'line\rone\nline two_x000D_ <ok>', '<raw & kept>'] },
  ];

  test('reads every kind of cell: shared, inline and rich text, numbers, date styles, booleans, errors, formula results', () => {
    const rows = rowsOf(xml);
    expect(rows.map((r) => ({ row: r.row, cells: Array.from(r.cells) }))).toEqual(expected.map((r) => ({ row: r.row, cells: Array.from(r.cells) })));
  });

  test('the same rows whatever the chunk boundaries', () => {
    const whole = JSON.stringify(rowsOf(xml));
    for (const chunk of [1, 2, 3, 7, 16, 61, 500]) expect(JSON.stringify(rowsOf(xml, CONTEXT, chunk)), `chunks of ${chunk}`).toBe(whole);
  });

  test('strict OOXML prefixes, missing references and self-closing cells', () => {
    const strict = `<x:worksheet xmlns:x="http://purl.oclc.org/ooxml/spreadsheetml/main"><x:sheetData><x:row><x:c><x:v>1</x:v></x:c><x:c t="s"><x:v>2</x:v></x:c></x:row><x:row/><x:row><x:c r="C3"/><x:c><x:v>5</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
    const rows = rowsOf(strict);
    expect(rows.map((r) => [r.row, Array.from(r.cells)])).toEqual([
      [1, [1, 'two']],
      [2, []],
      [3, [undefined, undefined, undefined, 5]],
    ]);
  });

  test('dates follow the workbook date system, including 1904 and the phantom 29 February 1900', () => {
    const cell = (v: string) => sheet(`<row r="1"><c r="A1" s="1"><v>${v}</v></c></row>`);
    expect(rowsOf(cell('0'), { ...CONTEXT, date1904: true })[0]!.cells[0]).toEqual(new Date(Date.UTC(1904, 0, 1)));
    expect(rowsOf(cell('1'))[0]!.cells[0]).toEqual(new Date(Date.UTC(1900, 0, 1)));
    expect(rowsOf(cell('61'))[0]!.cells[0]).toEqual(new Date(Date.UTC(1900, 2, 1)));
  });

  test('damage is refused, never guessed at', () => {
    expect(() => rowsOf(sheet('<row r="1"><c r="XFE1"><v>1</v></c></row>'))).toThrow(WorkbookRefusal);
    expect(() => rowsOf(`<!DOCTYPE x [<!ENTITY a "b">]>${sheet('')}`)).toThrow(/DOCTYPE/);
    expect(() => rowsOf(sheet('<row r="1"><c r="A1"><v>1</v></c>').slice(0, -30))).toThrow(/damaged/);
    expect(rowsOf(sheet('<row r="1"><c r="A1"><v>1e999</v></c></row>'))[0]!.cells[0]).toEqual(new CellError('#NUM!'));
  });

  test('column references', () => {
    expect(['A1', 'Z9', 'AA1', 'XFD1048576', 'b2'].map(columnOfRef)).toEqual([0, 25, 26, 16_383, 1]);
    expect(columnOfRef('1')).toBe(-1);
    expect(decodeCellText('a_x0009_b\r\nc\rd &amp;')).toBe('a_x0009_b\nc\nd &');
  });
});

describe('xlsx files end to end through the file door', () => {
  test('a workbook written by exceljs reads back with the values it holds', async () => {
    const dir = tempDir('ax-xlsx-reader-');
    const file = path.join(dir, 'book.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Responses');
    ws.addRow(['Name', 'When', 'Score', 'Flag', 'Formula', 'Rich']);
    ws.addRow(['Ærøskøbing & Co', new Date(Date.UTC(2025, 5, 30, 8, 15)), 9, false, { formula: 'C2*2', result: 18 }, { richText: [{ text: 'bold ', font: { bold: true } }, { text: 'plain' }] }]);
    ws.getCell('B2').numFmt = 'dd.mm.yyyy hh:mm';
    ws.addRow([]);
    ws.addRow(['line\nbreak', null, -0.25, true, { formula: 'B2', result: new Date(Date.UTC(2025, 0, 1)) }, '=not a formula']);
    ws.getCell('E4').numFmt = 'yyyy-mm-dd';
    await wb.xlsx.writeFile(file);

    const source = await openSource(file, 'book.xlsx');
    try {
      expect(source.sheets.map((s) => s.name)).toEqual(['Responses']);
      const rows: SheetRow[] = [];
      for await (const batch of source.rows(0)) rows.push(...batch);
      const plain = (cells: Cell[]) => Array.from(cells, (c) => (c === undefined ? null : c));
      expect(rows.map((r) => r.row)).toEqual([1, 2, 4]);
      expect(plain(rows[1]!.cells)).toEqual(['Ærøskøbing & Co', new Date(Date.UTC(2025, 5, 30, 8, 15)), 9, false, 18, 'bold plain']);
      expect(plain(rows[2]!.cells)).toEqual(['line\nbreak', null, -0.25, true, new Date(Date.UTC(2025, 0, 1)), '=not a formula']);
      // Inspection reads only the first rows, and a second read of the same source gives the same rows.
      const sample: SheetRow[] = [];
      for await (const batch of source.rows(0, { maxRows: 1 })) sample.push(...batch);
      expect(sample.map((r) => r.row)).toEqual([1]);
    } finally {
      source.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
