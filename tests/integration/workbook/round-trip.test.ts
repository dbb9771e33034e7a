import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { emptyWorkspaceCore } from '../../helpers/test-core';
import { tempDir } from '../../helpers/temp-dir';
import type { Core } from '../../../main/core/core';
import { populateDemoWorkspace } from '../../../main/demo/demo-workspace';
import { todayIso } from '../../../main/db/clock';
import { DATA_TABLES, snapshot } from './snapshot';
import { WorkbookClient } from './workbook-client';

const TRICKY = ['=1+2', "=cmd|' /C calc'!A0", '+49 30 1234', '-5 points', '@SUM(A1)', "'already quoted", "''=x", 'tab\tinside', '\tleading tab', 'line\nbreak', 'control \u0001 char', '_x0041_ literal', 'emoji 🎉 ünïcödé', ' padded '];

let source: Core;
let target: Core;
let dir: string;
let exported: string;

beforeAll(async () => {
  ({ core: source } = await emptyWorkspaceCore());
  ({ core: target } = await emptyWorkspaceCore());
  dir = tempDir('ax-roundtrip-');
  const raw = source.workspaces.opened()!.file.raw;
  populateDemoWorkspace(raw, todayIso());
  raw.prepare(`UPDATE workspace_settings SET currency = 'EUR', locale = 'de-DE', fiscal_year_start_month = 4, metric_settings_json = '{"atRiskRule":"nps-below-minus-20"}'`).run();
  for (const [i, text] of TRICKY.entries()) {
    const account = (await source.call('accounts.create', { name: `Tricky ${i} ${text}`.slice(0, 200), arrMinor: 100 + i })) as { id: string };
    await source.call('contacts.create', { accountId: account.id, name: `Person ${i}`, title: 'x' });
    // Straight into the table: the forms trim, but files from elsewhere may hold anything.
    raw.prepare('UPDATE accounts SET notes = ? WHERE id = ?').run(text, account.id);
    raw.prepare('UPDATE contacts SET title = ? WHERE account_id = ?').run(text, account.id);
  }
  raw.prepare(`UPDATE accounts SET industry = '' WHERE notes = ' padded '`).run();
  fillTheRest(raw);
  exported = await new WorkbookClient(source).exportFile({ kind: 'workspace' }, path.join(dir, 'workspace.xlsx'));
}, 120_000);

/** Tables the demo leaves empty get rows too, so the comparison covers every table with data in it. */
function fillTheRest(raw: BetterSqlite3.Database) {
  const at = '2026-01-15T10:00:00.000Z';
  const one = <T>(sql: string) => raw.prepare(sql).get() as T;
  const account = one<{ id: string }>('SELECT id FROM accounts ORDER BY rowid LIMIT 1').id;
  const interview = one<{ id: string }>('SELECT id FROM interviews ORDER BY rowid LIMIT 1').id;
  const touchpoint = one<{ id: string }>('SELECT id FROM touchpoints ORDER BY rowid LIMIT 1').id;
  const ids = ['0196a000-0000-7000-8000-000000000001', '0196a000-0000-7000-8000-000000000002', '0196a000-0000-7000-8000-000000000003', '0196a000-0000-7000-8000-000000000004', '0196a000-0000-7000-8000-000000000005', '0196a000-0000-7000-8000-000000000006', '0196a000-0000-7000-8000-000000000007', '0196a000-0000-7000-8000-000000000008'];
  raw.prepare(`INSERT INTO interview_guides (id, guide_key, version, name, kind, touchpoint_id, description, is_default, created_at, updated_at) VALUES (?, 'rel', 1, 'Relationship guide', 'relationship', ?, '=not a formula', 1, ?, ?)`).run(ids[0], touchpoint, at, at);
  raw.prepare(`INSERT INTO guide_questions (id, guide_id, position, kind, prompt, required, scale_min, scale_max, options_json, created_at, updated_at) VALUES (?, ?, 0, 'nps', 'How likely…?', 1, 0, 10, '["a","b"]', ?, ?)`).run(ids[1], ids[0], at, at);
  raw.prepare(`INSERT INTO interview_sessions (id, account_id, guide_id, interviewer, status, current_interview_id, started_at, created_at, updated_at) VALUES (?, ?, ?, 'Kim', 'open', ?, ?, ?, ?)`).run(ids[2], account, ids[0], interview, at, at, at);
  raw.prepare(`INSERT INTO interview_answers (id, interview_id, question_id, value_number, value_text, value_json, created_at, updated_at) VALUES (?, ?, ?, 9.5, NULL, '{"x":1}', ?, ?)`).run(ids[3], interview, ids[1], at, at);
  raw.prepare(`INSERT INTO score_corrections (id, interview_id, field, old_value, new_value, reason, corrected_by, corrected_at) VALUES (?, ?, 'nps', '6', '7', 'typo', 'Kim', ?)`).run(ids[4], interview, at);
  raw.prepare(`INSERT INTO tags (id, name, color, created_at, updated_at) VALUES (?, 'vip', '#ff0000', ?, ?)`).run(ids[5], at, at);
  raw.prepare(`INSERT INTO entity_tags (tag_id, entity_type, entity_id, created_at) VALUES (?, 'account', ?, ?)`).run(ids[5], account, at);
  raw.prepare(`INSERT INTO segment_overrides (id, account_id, board, segment, reason, created_by, created_at, updated_at, deleted_at) VALUES (?, ?, 'risk', 'safe', 'Renewed early', 'Kim', ?, ?, ?)`).run(ids[6], account, at, at, at);
  raw.prepare(`INSERT INTO quarter_snapshots (id, period, inputs_json, results_json, frozen_at, created_at, updated_at) VALUES (?, '2025Q4', '{"a":[1,2]}', '{"nps":-12.5}', ?, ?, ?)`).run(ids[7], at, at, at);
  raw.prepare(`INSERT INTO scenarios (id, name, snapshot_id, moves_json, results_json, created_at, updated_at) VALUES ('0196a000-0000-7000-8000-000000000009', 'What if', ?, '[]', NULL, ?, ?)`).run(ids[7], at, at);
}

afterAll(async () => {
  await source.close();
  await target.close();
});

describe('full workspace export → import into an empty workspace', () => {
  test('every table comes back identical, row for row and column for column', async () => {
    const client = new WorkbookClient(target);
    const inspected = await client.inspect(exported);
    if (!inspected.ok) throw new Error(inspected.state.error?.message);
    expect(inspected.value.sheets.every((s) => s.preset === 'workspace-export')).toBe(true);
    const proposal = await client.propose(inspected.value.sessionId, 0);
    expect(proposal.entity).toBe('workspace');
    const preview = await client.preview(proposal);
    if (!preview.ok) throw new Error(preview.state.error?.message);
    expect(preview.value.rows.rejected).toBe(0);
    expect(preview.value.records.accounts!.new).toBeGreaterThan(60);
    const result = await client.call('workbook.commit', { sessionId: inspected.value.sessionId });
    expect(result.import?.entity).toBe('workspace');

    const tables = DATA_TABLES.filter((t) => t !== 'workspace_settings');
    const before = snapshot(source.workspaces.opened()!.file.raw, tables);
    const after = snapshot(target.workspaces.opened()!.file.raw, tables);
    for (const table of tables) expect(after[table], table).toEqual(before[table]);
    expect(before.interviews!.length).toBeGreaterThan(500);
    for (const table of tables) expect(before[table]!.length, `${table} has rows to compare`).toBeGreaterThan(0);
    const settings = (core: Core) => core.workspaces.opened()!.file.raw.prepare('SELECT currency, locale, fiscal_year_start_month, metric_settings_json FROM workspace_settings').get();
    expect(settings(target)).toEqual(settings(source));

    const again = await client.importPreview(exported);
    expect(again.preview.nothingToDo).toBe(true);
    await client.call('workbook.undo', { importId: result.import!.id });
    const emptied = snapshot(target.workspaces.opened()!.file.raw, tables);
    // Undo leaves the workspace as it was before: empty, apart from its own default guides, seeded again.
    const seeded = new Set(['interview_guides', 'guide_questions']);
    for (const table of tables.filter((t) => !seeded.has(t))) expect(emptied[table], table).toEqual([]);
    const guides = emptied.interview_guides as { is_default: number; guide_key: string }[];
    expect(guides.map((g) => g.guide_key).sort()).toEqual(['default-future', 'default-post-project', 'default-qbr-pulse', 'default-relationship'].sort());
    expect(guides.every((g) => g.is_default === 1)).toBe(true);
  }, 120_000);

  test('text that could run as a formula is escaped in the file; ids stay stable; numbers stay numbers', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(exported);
    const accounts = wb.getWorksheet('accounts')!;
    const header = (accounts.getRow(1).values as string[]).slice(1);
    const notes = header.indexOf('notes') + 1;
    const texts: string[] = [];
    accounts.eachRow((row, n) => {
      if (n > 1 && typeof row.getCell(notes).value === 'string') texts.push(row.getCell(notes).value as string);
    });
    expect(texts).toEqual(expect.arrayContaining(["'=1+2", "'=cmd|' /C calc'!A0", "'+49 30 1234", "'-5 points", "'@SUM(A1)", "'already quoted", "'''=x", "'\tleading tab", ' padded ']));
    for (const text of texts) expect(text).not.toMatch(/^[=+\-@\t\r\0]/);
    const arr = wb.getWorksheet('arr_records')!;
    const arrColumn = (arr.getRow(1).values as string[]).indexOf('arr_minor');
    expect(typeof arr.getRow(2).getCell(arrColumn).value).toBe('number');
    const ids = (source.workspaces.opened()!.file.raw.prepare('SELECT id FROM accounts ORDER BY rowid').all() as { id: string }[]).map((r) => r.id);
    const exportedIds: string[] = [];
    accounts.eachRow((row, n) => n > 1 && exportedIds.push(row.getCell(1).value as string));
    expect(exportedIds).toEqual(ids);
    expect(fs.statSync(exported).size).toBeGreaterThan(10_000);
  });

  test('CSV of a table: escaped text, plain numbers, UTF-8 with BOM', async () => {
    const file = await new WorkbookClient(source).exportFile({ kind: 'csv', table: 'accounts' }, path.join(dir, 'accounts.csv'));
    const text = fs.readFileSync(file, 'utf8');
    expect(text.startsWith('\ufeffid,name,name_normalized')).toBe(true);
    expect(text).toContain(`,'=1+2,`);
    expect(text).toContain(`,'=cmd|' /C calc'!A0,`);
    expect(text).toContain(',0,');
    expect(text).not.toMatch(/,[=+\-@]/);
    const contacts = await new WorkbookClient(source).exportFile({ kind: 'csv', table: 'arr_records' }, path.join(dir, 'arr.csv'));
    expect(fs.readFileSync(contacts, 'utf8').split('\r\n')[1]).toMatch(/,\d+,(new|renewal|expansion|contraction|churn|adjustment),/);
  });
});
