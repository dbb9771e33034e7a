import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { emptyWorkspaceCore } from '../../helpers/test-core';
import type { Core } from '../../../main/core/core';
import type { ApiErrorData } from '../../../shared/contract';
import { WorkbookClient } from './workbook-client';

/**
 * Every file of the real-world corpus (tests/fixtures/corpus, copied from shared/data with its
 * licences) goes through the importer as a person would: either a sensible preview or a refusal
 * with a clear message, never an uncaught error, each within a time bound.
 */
const ROOT = path.join(__dirname, '../../fixtures/corpus');
const PER_FILE_MS = 20_000;
const walk = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
const FILES = walk(ROOT).map((f) => path.relative(ROOT, f)).sort();

let core: Core;
let client: WorkbookClient;
const outcomes = new Map<string, string>();

beforeAll(async () => {
  ({ core } = await emptyWorkspaceCore());
  client = new WorkbookClient(core);
});
afterAll(async () => {
  await core.close();
});

function expectClearRefusal(error: ApiErrorData | null | undefined, file: string) {
  expect(error, file).toBeTruthy();
  expect(error!.code, `${file}: ${error!.message}`).toBe('invalid_input');
  expect(error!.message.length).toBeGreaterThan(10);
  expect(error!.message.length).toBeLessThan(400);
  expect(error!.message).not.toMatch(/\n\s+at |undefined|\[object/);
}

describe('the whole corpus through the importer', () => {
  test('the corpus is all there (licences and provenance included)', () => {
    expect(FILES.length).toBeGreaterThanOrEqual(400);
    for (const needed of ['spreadsheets/PROVENANCE.csv', 'spreadsheets/sheetjs/LICENSE', 'spreadsheets/exceljs/LICENSE', 'survey-exports/qualtrics/LICENSE']) expect(FILES).toContain(needed);
  });

  test.each(FILES)('%s', async (file) => {
    const started = Date.now();
    const inspected = await client.inspect(path.join(ROOT, file), path.basename(file));
    if (!inspected.ok) {
      expectClearRefusal(inspected.state.error, file);
      outcomes.set(file, `refused: ${inspected.state.error!.message}`);
      return;
    }
    const result = inspected.value;
    expect(result.sheets.length).toBeGreaterThan(0);
    const sheet = result.sheets[result.suggestedSheet]!;
    let proposal = await client.propose(result.sessionId, sheet.index);
    if (!proposal.mapping.some((m) => m.field) && proposal.entity !== 'workspace') {
      // Nothing recognisable: map the first column that has text as the account name, as a person would.
      proposal = await client.propose(result.sessionId, sheet.index, 'accounts');
      const column = proposal.columns.find((c) => c.samples.some((s) => /[A-Za-z]/.test(s)))?.index ?? 0;
      proposal = { ...proposal, mapping: proposal.columns.map((c) => ({ column: c.index, field: c.index === column ? 'account.name' : null, confidence: 1 })) };
    }
    const preview = await client.preview(proposal);
    if (!preview.ok) {
      expectClearRefusal(preview.state.error, file);
      outcomes.set(file, `preview refused: ${preview.state.error!.message}`);
    } else {
      const { rows } = preview.value;
      expect(rows.new + rows.updated + rows.unchanged + rows.rejected + rows.excluded).toBe(rows.total);
      const problems = await client.call('workbook.problems', { sessionId: result.sessionId, limit: 50 });
      for (const p of problems.rows) {
        expect(p.sheet).toBeTruthy();
        expect(p.row).toBeGreaterThan(0);
        expect(p.message.length).toBeGreaterThan(3);
      }
      outcomes.set(file, `preview: ${rows.total} rows`);
    }
    await client.call('workbook.closeSession', { sessionId: result.sessionId });
    expect(Date.now() - started).toBeLessThan(PER_FILE_MS);
  }, PER_FILE_MS + 10_000);

  test('known traps end the way they should', () => {
    expect(outcomes.get('spreadsheets/sheetjs/password_2002_128_strong.xls')).toMatch(/password-protected/);
    expect(outcomes.get('spreadsheets/sheetjs/number_format.xls')).toMatch(/\.xls\).*save it as \.xlsx or \.csv/);
    expect(outcomes.get('spreadsheets/sheetjs/crlf/CRLFX5_2.XLS')).toMatch(/very old Excel/);
    expect(outcomes.get('spreadsheets/sheetjs/minimal_112.numbers')).toMatch(/Apple Numbers/);
    expect(outcomes.get('spreadsheets/sheetjs/Attendance.numbers')).toMatch(/Apple Numbers/);
    expect(outcomes.get('spreadsheets/sheetjs/LO7322.fods')).toMatch(/flat OpenDocument/);
    expect(outcomes.get('spreadsheets/sheetjs/number_format.ods')).toMatch(/preview/);
    expect(outcomes.get('spreadsheets/sheetjs/1904/1904.ods')).toMatch(/preview: 5 rows/);
    expect(outcomes.get('spreadsheets/exceljs/spec/integration/data/missing-bits.xlsx')).toMatch(/incomplete/);
    expect(outcomes.get('spreadsheets/exceljs/spec/integration/data/test-issue-1842.xlsx')).toMatch(/preview/);
    expect(outcomes.get('spreadsheets/sheetjs/LICENSE')).toMatch(/does not look like a table/);
    expect(outcomes.get('survey-exports/qualtrics/sample.csv')).toMatch(/preview: 1 rows/);
    expect(outcomes.get('spreadsheets/sheetjs/large_strings.xlsx')).toMatch(/preview/);
    expect(outcomes.get('spreadsheets/sheetjs/wtf_path.xlsx')).toMatch(/preview/);
    expect(outcomes.get('spreadsheets/sheetjs/sheet_visibility_strict.xlsx')).toMatch(/preview/);
  });
});
