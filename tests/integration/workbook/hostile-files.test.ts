import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { emptyWorkspaceCore } from '../../helpers/test-core';
import { tempDir } from '../../helpers/temp-dir';
import type { Core } from '../../../main/core/core';
import { buildZip, compoundFile, sheetXml, xlsxWith } from './zip-builder';
import { WorkbookClient } from './workbook-client';

const CORPUS = path.join(__dirname, '../../fixtures/corpus');
let core: Core;
let client: WorkbookClient;
let dir: string;

beforeAll(async () => {
  ({ core } = await emptyWorkspaceCore());
  client = new WorkbookClient(core);
  dir = tempDir('ax-hostile-');
});
afterAll(async () => {
  await core.close();
});

/** Refused with a clear message, in bounded time, without touching the workspace. */
async function expectRefused(fileName: string, bytes: Buffer | null, reason: RegExp, source?: string) {
  const file = source ?? path.join(dir, fileName);
  if (bytes) fs.writeFileSync(file, bytes);
  const started = Date.now();
  const rssBefore = process.memoryUsage().rss;
  const result = await client.inspect(file, fileName);
  let message: string | undefined;
  if (result.ok) {
    // Some damage only shows when the rows are read: the preview must refuse it then.
    const proposal = await client.propose(result.value.sessionId, result.value.suggestedSheet, 'accounts');
    const preview = await client.preview({ ...proposal, mapping: proposal.columns.map((c, i) => ({ column: c.index, field: i === 0 ? 'account.name' : null, confidence: 1 })) });
    expect(preview.ok, `${fileName} should have been refused`).toBe(false);
    if (!preview.ok) message = preview.state.error?.message;
  } else {
    expect(result.state.state).toBe('failed');
    expect(result.state.error?.code).toBe('invalid_input');
    message = result.state.error?.message;
  }
  expect(message).toMatch(reason);
  expect(message!.length).toBeLessThan(400);
  expect(message).not.toMatch(/\n\s+at /);
  expect(Date.now() - started).toBeLessThan(20_000);
  expect(process.memoryUsage().rss - rssBefore).toBeLessThan(400 * 1024 * 1024);
  const counts = core.workspaces.opened()!.file.raw.prepare('SELECT (SELECT count(*) FROM accounts) + (SELECT count(*) FROM imports) AS n').get() as { n: number };
  expect(counts.n).toBe(0);
}

describe('hostile and broken files are refused with a clear message, in bounded time and memory', () => {
  test('zip bomb: an entry that inflates a thousand times its size', async () => {
    const zeros = Buffer.alloc(200 * 1024 * 1024);
    await expectRefused('bomb.xlsx', xlsxWith(zeros), /zip bomb/);
  });

  test('lying zip bomb: the directory claims a small size, the data inflates far past it', async () => {
    const big = Buffer.alloc(64 * 1024 * 1024, 0x20);
    const bytes = xlsxWith(Buffer.concat([Buffer.from(sheetXml([['Name'], ['Acme']]).replace('</worksheet>', '')), big, Buffer.from('</worksheet>')]), { claimSize: 4096 });
    await expectRefused('lying-bomb.xlsx', bytes, /zip bomb|damaged/);
  });

  test('too many zip entries', async () => {
    const parts = Array.from({ length: 10_050 }, (_, i) => ({ name: `x/${i}.xml`, data: '<a/>', store: true }));
    await expectRefused('many.xlsx', buildZip(parts), /parts/);
  });

  test('an entity declaration deep inside a sheet is refused by the zip reader, before any parser reads it', async () => {
    // Thousands of rows first: the declaration arrives in a later chunk, away from any chunk's start.
    const rows = Array.from({ length: 20_000 }, (_, i) => [`Company ${i}`, i]);
    const sheet = sheetXml([['Name', 'ARR'], ...rows]).replace('<row r="15000">', '<!ENTITY x "y"><row r="15000">');
    await expectRefused('deep-entity.xlsx', xlsxWith(sheet), /part xl\/worksheets\/sheet1\.xml declares a DOCTYPE or entities/);
  });

  test('billion laughs: XML with DOCTYPE and entities', async () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>`;
    await expectRefused('laughs.xlsx', xlsxWith(laughs), /DOCTYPE/);
  });

  test('a CSV with 2 million rows, over the row limit', async () => {
    const file = path.join(dir, 'huge.csv');
    const out = fs.openSync(file, 'w');
    const block = 'name,arr\n' + 'Acme,1\n'.repeat(100_000);
    for (let i = 0; i < 20; i++) fs.writeSync(out, i === 0 ? block : block.slice(9));
    fs.closeSync(out);
    await expectRefused('huge.csv', null, /more than 500,000 rows/, file);
  });

  test('a sheet with more columns than the limit', async () => {
    await expectRefused('wide.csv', Buffer.from(Array.from({ length: 2_000 }, (_, i) => `c${i}`).join(',') + '\n'), /columns/);
  });

  test('an unclosed quote cannot swallow the file', async () => {
    await expectRefused('quote.csv', Buffer.from('name,notes\nAcme,"never closed ' + 'x'.repeat(50_000)), /quote/);
  });

  test('truncated and corrupt zips', async () => {
    const real = fs.readFileSync(path.join(CORPUS, 'spreadsheets/sheetjs/Attendance.xlsx'));
    await expectRefused('cut.xlsx', real.subarray(0, Math.floor(real.length / 2)), /damaged|incomplete/);
    const flipped = Buffer.from(real);
    for (let i = 200; i < 2_000; i++) flipped[i] = flipped[i]! ^ 0x5a;
    await expectRefused('corrupt.xlsx', flipped, /damaged|could not be read/);
  });

  test('renamed non-spreadsheets are named for what they are', async () => {
    await expectRefused('photo.xlsx', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(100)]), /PNG image/);
    await expectRefused('report.csv', Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n'), /PDF/);
    await expectRefused('archive.xlsx', buildZip([{ name: 'readme.txt', data: 'hello' }]), /zip archive/);
    await expectRefused('letter.xlsx', buildZip([{ name: '[Content_Types].xml', data: '<Types/>' }, { name: 'word/document.xml', data: '<w/>' }]), /Word document/);
    await expectRefused('empty.csv', Buffer.alloc(0), /empty/);
  });

  test('password-protected OOXML (an encrypted package in a compound file)', async () => {
    await expectRefused('secret.xlsx', compoundFile(['EncryptionInfo', 'EncryptedPackage']), /password-protected/);
  });

  test('password-protected and old binary workbooks from the corpus', async () => {
    for (const name of ['password_2002_40_xor.xls', 'password_2002_128_strong.xls', 'password_2002_40_972000.xls']) {
      await expectRefused(name, null, /password-protected/, path.join(CORPUS, 'spreadsheets/sheetjs', name));
    }
    await expectRefused('write.xls', null, /\.xls.*save it as \.xlsx or \.csv/, path.join(CORPUS, 'spreadsheets/sheetjs/write.xls'));
    await expectRefused('CRLFX5_2.XLS', null, /very old Excel/, path.join(CORPUS, 'spreadsheets/sheetjs/crlf/CRLFX5_2.XLS'));
    await expectRefused('encrypted.zip.xlsx', (() => {
      const zip = xlsxWith(sheetXml([['a']]));
      zip.writeUInt16LE(zip.readUInt16LE(6) | 1, 6);
      const central = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
      zip.writeUInt16LE(zip.readUInt16LE(central + 8) | 1, central + 8);
      return zip;
    })(), /encrypted|password/);
  });

  test('Object.prototype stays untouched by hostile headers and values', async () => {
    const csv = '__proto__,constructor,prototype,toString\n{"polluted":1},x,y,z\n';
    const file = path.join(dir, 'proto.csv');
    fs.writeFileSync(file, csv);
    const inspected = await client.inspect(file);
    if (!inspected.ok) throw new Error('inspect failed');
    const proposal = await client.propose(inspected.value.sessionId, 0, 'accounts');
    const preview = await client.preview({ ...proposal, mapping: [{ column: 0, field: 'account.name', confidence: 1 }, { column: 3, field: 'account.notes', confidence: 1 }] });
    expect(preview.ok && preview.value.rows).toMatchObject({ total: 1, new: 1 });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(Object.prototype)).toEqual([]);
  });

  test('cancelling a long read stops it', async () => {
    const file = path.join(dir, 'long.csv');
    fs.writeFileSync(file, 'Account,ARR\n' + Array.from({ length: 300_000 }, (_, i) => `Company ${i},${i}`).join('\n'));
    const inspected = await client.inspect(file);
    if (!inspected.ok) throw new Error('inspect failed');
    const proposal = await client.propose(inspected.value.sessionId, 0, 'accounts');
    const { jobId } = await client.call('workbook.preview', { sessionId: proposal.sessionId, sheet: 0, headerRows: proposal.headerRows, entity: 'accounts', mapping: proposal.mapping.map(({ column, field }) => ({ column, field })), options: {}, excludedRows: [] });
    await new Promise((r) => setTimeout(r, 30));
    expect((await client.call('workbook.cancel', { jobId })).cancelled).toBe(true);
    const state = await client.waitJob(jobId);
    expect(state.state).toBe('cancelled');
  });
});

void zlib;
