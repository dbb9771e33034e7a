import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildZip } from '../../integration/workbook/zip-builder';
import { CORPUS, sampleOf } from './sample-rows';

const content = (table: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet><table:table table:name="Data">${table}</table:table></office:spreadsheet></office:body></office:document-content>`;

function ods(table: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ax-ods-'));
  const file = path.join(dir, 'test.ods');
  fs.writeFileSync(file, buildZip([{ name: 'mimetype', data: 'application/vnd.oasis.opendocument.spreadsheet', store: true }, { name: 'content.xml', data: content(table) }]));
  return file;
}

const cell = (inner: string, attrs = '') => `<table:table-cell ${attrs}>${inner}</table:table-cell>`;

describe('OpenDocument spreadsheets', () => {
  test('text with multi-byte characters reads whole however the inflated content falls into chunks', async () => {
    // 40,000 rows of 2-, 3- and 4-byte characters: the file's inflated chunks end inside some of them.
    const said = (i: number) => `Zoë ${i} – 日本語のお客様 – 🙂 naïve café`;
    const file = ods(Array.from({ length: 40_000 }, (_, i) => `<table:table-row>${cell(`<text:p>${said(i)}</text:p>`, 'office:value-type="string"')}</table:table-row>`).join(''));
    const rows = await sampleOf(file, 40_000);
    expect(rows).toHaveLength(40_000);
    expect(rows.filter((r, i) => r.cells[0] !== said(i)).map((r) => r.row)).toEqual([]);
  });

  test('types: floats, dates, booleans, text with spaces, line breaks and notes left out', async () => {
    const file = ods(
      `<table:table-row>${cell('<text:p>Name</text:p>', 'office:value-type="string"')}${cell('<text:p>ARR</text:p>')}${cell('<text:p>Renewal</text:p>')}${cell('<text:p>Active</text:p>')}</table:table-row>` +
        `<table:table-row>${cell('<text:p>Acme<text:s text:c="2"/>&amp; Co</text:p><text:p>Berlin</text:p><office:annotation><text:p>a note</text:p></office:annotation>', 'office:value-type="string"')}${cell('<text:p>1,200</text:p>', 'office:value-type="currency" office:value="1200.5"')}${cell('<text:p>31.03.2025</text:p>', 'office:value-type="date" office:date-value="2025-03-31"')}${cell('<text:p>TRUE</text:p>', 'office:value-type="boolean" office:boolean-value="true"')}</table:table-row>`,
    );
    const rows = await sampleOf(file);
    expect(rows[1]).toEqual({ row: 2, cells: ['Acme  & Co\nBerlin', 1200.5, new Date('2025-03-31T00:00:00Z'), true] });
  });

  test('repeated rows and columns: empty ones cost nothing, filled ones are real rows', async () => {
    const file = ods(
      `<table:table-row>${cell('<text:p>x</text:p>')}<table:table-cell table:number-columns-repeated="16000"/>${cell('<text:p>y</text:p>')}</table:table-row>` +
        `<table:table-row table:number-rows-repeated="1048570"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>` +
        `<table:table-row table:number-rows-repeated="3">${cell('<text:p>again</text:p>', 'table:number-columns-repeated="2"')}</table:table-row>`,
    );
    await expect(sampleOf(file)).rejects.toThrow(/columns/);
    const tall = ods(`<table:table-row table:number-rows-repeated="1048570"><table:table-cell/></table:table-row><table:table-row table:number-rows-repeated="3">${cell('<text:p>again</text:p>', 'table:number-columns-repeated="2"')}</table:table-row>`);
    expect(await sampleOf(tall)).toEqual([1048571, 1048572, 1048573].map((row) => ({ row, cells: ['again', 'again'] })));
  });

  test('a billion repeated rows with a value run into the row limit', async () => {
    const file = ods(`<table:table-row table:number-rows-repeated="1000000000">${cell('<text:p>boom</text:p>')}</table:table-row>`);
    const started = Date.now();
    await expect(sampleOf(file, 1_000_000)).rejects.toThrow(/more than 500,000 rows/);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  test('corpus files from LibreOffice and Excel read as their xlsx twins do', async () => {
    const odsRows = await sampleOf(path.join(CORPUS, 'spreadsheets/sheetjs/1904/1904.ods'));
    const xlsxRows = await sampleOf(path.join(CORPUS, 'spreadsheets/sheetjs/1904/1904.xlsx'));
    expect(odsRows.map((r) => r.cells[0])).toEqual(xlsxRows.map((r) => r.cells[0]));
    expect((odsRows[0]!.cells[1] as Date).toISOString()).toBe((xlsxRows[0]!.cells[1] as Date).toISOString());
    const autoFilter = await sampleOf(path.join(CORPUS, 'spreadsheets/sheetjs/AutoFilter.ods'));
    expect(autoFilter[0]!.cells).toEqual(['Code', 'Format', 'Library', 'Notes', 'Importance']);
  });
});
