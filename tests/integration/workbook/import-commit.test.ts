import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { emptyWorkspaceCore, totalChanges } from '../../helpers/test-core';
import { tempDir } from '../../helpers/temp-dir';
import type { Core } from '../../../main/core/core';
import { listBackups, backupFolderFor } from '../../../main/db/backup';
import { WorkbookClient } from './workbook-client';
import { snapshot } from './snapshot';
import type { ImportEntity } from '../../../shared/contract/workbook';

let core: Core;
let client: WorkbookClient;
let dir: string;
let dataDir: string;
let workspaceFile: string;

beforeEach(async () => {
  ({ core, dataDir, file: workspaceFile } = await emptyWorkspaceCore());
  client = new WorkbookClient(core);
  dir = tempDir('ax-import-');
});
afterEach(async () => {
  await core.close();
});

const raw = () => core.workspaces.opened()!.file.raw;
const write = (name: string, text: string) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
};

const ACCOUNTS = [
  'Account Name,Account ID,Industry,Segment,Owner,ARR,Renewal Date',
  'Acme Inc.,A-1,Software,Enterprise,Jo,"$1,200,000.00",2025-03-31',
  'Globex,A-2,Retail,smb,Al,1.2M,31/03/2025',
  'Initech,A-3,Finance,Mid Market,Sam,"950,000.50",2025-12-01',
  ',A-4,,,,,',
].join('\n');

async function commit(file: string, entity?: ImportEntity, options = {}) {
  const run = await client.importPreview(file, { entity, options });
  const result = await client.call('workbook.commit', { sessionId: run.preview.sessionId });
  return { ...run, result };
}

describe('import pipeline: preview, commit, idempotency, undo', () => {
  test('an account list: preview counts and problems, commit with a backup, exact ARR', async () => {
    const file = write('accounts.csv', ACCOUNTS);
    const run = await client.importPreview(file);
    expect(run.proposal.entity).toBe('accounts');
    expect(run.preview.rows).toMatchObject({ total: 4, new: 3, rejected: 1 });
    expect(run.preview.records.account).toEqual({ new: 3, updated: 0, unchanged: 0 });
    expect(run.preview.records.arr_record).toEqual({ new: 3, updated: 0, unchanged: 0 });
    const problems = await client.call('workbook.problems', { sessionId: run.preview.sessionId });
    expect(problems.rows).toEqual([expect.objectContaining({ sheet: 'accounts', row: 5, severity: 'error', message: 'Account name is missing' })]);
    const rows = await client.call('workbook.previewRows', { sessionId: run.preview.sessionId, status: 'new' });
    expect(rows.rows[0]!.summary).toMatch(/New account Acme Inc\./);

    const result = await client.call('workbook.commit', { sessionId: run.preview.sessionId });
    expect(result.import).toMatchObject({ entity: 'accounts', rows: { new: 3, rejected: 1 }, canUndo: true });
    expect(result.backupFileName).toMatch(/before-import/);
    expect(listBackups(backupFolderFor(dataDir, workspaceFile)).some((b) => b.fileName === result.backupFileName)).toBe(true);
    const accounts = raw().prepare('SELECT a.name, a.external_id, a.tier, a.renewal_date, r.arr_minor, r.kind FROM accounts a JOIN arr_records r ON r.account_id = a.id ORDER BY a.name').all();
    expect(accounts).toEqual([
      { name: 'Acme Inc.', external_id: 'A-1', tier: 'Enterprise', renewal_date: '2025-03-31', arr_minor: 120_000_000, kind: 'new' },
      { name: 'Globex', external_id: 'A-2', tier: 'SMB', renewal_date: '2025-03-31', arr_minor: 120_000_000, kind: 'new' },
      { name: 'Initech', external_id: 'A-3', tier: 'Mid-market', renewal_date: '2025-12-01', arr_minor: 95_000_050, kind: 'new' },
    ]);
    const history = await client.call('workbook.history', {});
    expect(history.total).toBe(1);
  });

  test('importing the same file twice changes nothing the second time', async () => {
    const file = write('accounts.csv', ACCOUNTS);
    await commit(file);
    const before = snapshot(raw());
    const changes = totalChanges(core);
    const again = await client.importPreview(file);
    expect(again.inspect.alreadyImported).not.toBeNull();
    expect(again.preview).toMatchObject({ nothingToDo: true, rows: { new: 0, updated: 0, unchanged: 3, rejected: 1 } });
    const result = await client.call('workbook.commit', { sessionId: again.preview.sessionId });
    expect(result).toEqual({ import: null, backupFileName: null });
    expect(totalChanges(core)).toBe(changes);
    expect(snapshot(raw())).toEqual(before);
    expect((await client.call('workbook.history', {})).total).toBe(1);
  });

  test('matching by external id, then normalised name; updates show their changes; undo restores the before-image', async () => {
    await commit(write('accounts.csv', ACCOUNTS));
    const before = snapshot(raw());
    const changed = write('accounts-2.csv', ['Company,Customer ID,Owner,ARR', 'ACME Incorporated,A-1,Jo,"$1,300,000.00"', 'globex,,Kim,"$1,200,000.00"', 'Hooli,H-9,Ann,10k'].join('\n'));
    const run = await client.importPreview(changed);
    expect(run.preview.rows).toMatchObject({ new: 1, updated: 2 });
    const updated = await client.call('workbook.previewRows', { sessionId: run.preview.sessionId, status: 'updated' });
    const acme = updated.rows.find((r) => r.summary.includes('Acme'))!;
    expect(acme.summary).toMatch(/matched by external id A-1/);
    expect(acme.matches.find((m) => m.record === 'account')!.changes).toEqual(expect.arrayContaining([{ field: 'name', from: 'Acme Inc.', to: 'ACME Incorporated' }]));
    expect(updated.rows.find((r) => r.summary.toLowerCase().includes('globex'))!.summary).toMatch(/matched by name/);
    const result = await client.call('workbook.commit', { sessionId: run.preview.sessionId });
    const acmeArr = raw().prepare(`SELECT r.arr_minor, r.kind FROM arr_records r JOIN accounts a ON a.id = r.account_id WHERE a.external_id = 'A-1' ORDER BY r.created_at`).all();
    // Both files state ARR "now": the same day's record is updated, not duplicated.
    expect(acmeArr).toEqual([{ arr_minor: 130_000_000, kind: 'new' }]);
    expect(raw().prepare(`SELECT owner FROM accounts WHERE name_normalized = 'globex'`).get()).toEqual({ owner: 'Kim' });

    const undone = await client.call('workbook.undo', { importId: result.import!.id });
    expect(undone.undoneAt).not.toBeNull();
    expect(snapshot(raw())).toEqual(before);
    await expect(client.call('workbook.undo', { importId: result.import!.id })).rejects.toMatchObject({ code: 'conflict' });
  });

  test('undo is refused, changing nothing, when imported records were edited since', async () => {
    const { result } = await commit(write('accounts.csv', ACCOUNTS));
    const account = raw().prepare(`SELECT id FROM accounts WHERE external_id = 'A-1'`).get() as { id: string };
    await core.call('accounts.update', { id: account.id, patch: { owner: 'Someone else' } });
    const before = snapshot(raw());
    await expect(client.call('workbook.undo', { importId: result.import!.id })).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/changed since/) });
    expect(snapshot(raw())).toEqual(before);
  });

  test('commit is all or nothing: a row failing mid-commit leaves nothing behind', async () => {
    const before = snapshot(raw());
    raw().exec(`CREATE TRIGGER fail_on_globex BEFORE INSERT ON accounts WHEN NEW.name = 'Globex' BEGIN SELECT RAISE(ABORT, 'simulated failure'); END`);
    const run = await client.importPreview(write('accounts.csv', ACCOUNTS));
    await expect(client.call('workbook.commit', { sessionId: run.preview.sessionId })).rejects.toThrow(/simulated failure/);
    raw().exec('DROP TRIGGER fail_on_globex');
    expect(snapshot(raw())).toEqual(before);
    expect(raw().prepare('SELECT count(*) AS n FROM imports').get()).toEqual({ n: 0 });
    expect(raw().prepare('SELECT count(*) AS n FROM change_log WHERE import_id IS NOT NULL').get()).toEqual({ n: 0 });
  });

  test('responses with NPS, driver ratings and verbatims create contacts and drivers; undo removes them all', async () => {
    await commit(write('accounts.csv', ACCOUNTS));
    const before = snapshot(raw());
    const survey = [
      'StartDate,RecordedDate,ResponseId,RecipientEmail,RecipientFirstName,RecipientLastName,Company,Role,Q5,Q5_NPS_GROUP,Q6,Driver: Support,Driver: Onboarding',
      'Start,Recorded,Response ID,Email,First,Last,Company,Role,How likely,Group,Why,Support,Onboarding',
      '{"ImportId":"startDate"},{"ImportId":"recordedDate"},{"ImportId":"_recordId"},{"ImportId":"recipientEmail"},{"ImportId":"recipientFirstName"},{"ImportId":"recipientLastName"},{"ImportId":"Company"},{"ImportId":"Role"},{"ImportId":"QID5"},{"ImportId":"QID5_NPS_GROUP"},{"ImportId":"QID6_TEXT"},{"ImportId":"QID7_1"},{"ImportId":"QID7_2"}',
      '2024-05-01 09:00:00,2024-05-01 09:10:00,R_1,Jane@Acme.com,Jane,Doe,Acme Inc,Decision Maker,9,3,Great support,5,4',
      '2024-05-02 09:00:00,2024-05-02 09:10:00,R_2,bob@globex.com,Bob,Ray,Globex,Champion,3,1,Slow onboarding,2,1',
      '2024-05-03 09:00:00,2024-05-03 09:10:00,R_3,jane@acme.com,Jane,Doe,Acme Inc,Decision Maker,7,3,Fine,3,3',
      '2024-05-04 09:00:00,2024-05-04 09:10:00,R_4,x@nowhere.com,X,Y,,User,11,3,,9,',
    ].join('\n');
    const run = await client.importPreview(write('qualtrics.csv', survey));
    expect(run.proposal.preset).toBe('qualtrics');
    expect(run.proposal.mapping.filter((m) => m.field).map((m) => m.field)).toEqual(expect.arrayContaining(['response.nps', 'response.npsGroup', 'response.verbatim', 'account.name', 'contact.role', 'driver:Support', 'driver:Onboarding']));
    expect(run.preview.rows).toMatchObject({ total: 4, new: 3, rejected: 1 });
    expect(run.preview.records).toMatchObject({ interview: { new: 3 }, contact: { new: 2 }, driver: { new: 2 }, driver_rating: { new: 6 } });
    const problems = await client.call('workbook.problems', { sessionId: run.preview.sessionId });
    expect(problems.rows.map((p) => `${p.row}:${p.column}:${p.message}`)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^7:I \(Q5 \/ How likely\):.*11 is outside 0–10/), expect.stringMatching(/^7:.*Support.*outside 1–5/), expect.stringMatching(/^6:J \(Q5_NPS_GROUP \/ Group\):NPS 7 is a passive.*promoter/)]),
    );
    const result = await client.call('workbook.commit', { sessionId: run.preview.sessionId });
    const interviews = raw().prepare(`SELECT i.external_id, i.nps, i.verbatim, i.interviewed_at, i.import_id, c.email, c.role FROM interviews i JOIN contacts c ON c.id = i.contact_id ORDER BY i.external_id`).all();
    expect(interviews).toEqual([
      { external_id: 'R_1', nps: 9, verbatim: 'Great support', interviewed_at: '2024-05-01T09:10:00.000Z', import_id: result.import!.id, email: 'jane@acme.com', role: 'decision_maker' },
      { external_id: 'R_2', nps: 3, verbatim: 'Slow onboarding', interviewed_at: '2024-05-02T09:10:00.000Z', import_id: result.import!.id, email: 'bob@globex.com', role: 'influencer' },
      { external_id: 'R_3', nps: 7, verbatim: 'Fine', interviewed_at: '2024-05-03T09:10:00.000Z', import_id: result.import!.id, email: 'jane@acme.com', role: 'decision_maker' },
    ]);
    expect(raw().prepare('SELECT count(*) AS n FROM driver_ratings').get()).toEqual({ n: 6 });

    const second = await client.importPreview(write('qualtrics-again.csv', survey));
    expect(second.proposal.remembered).toBe(true);
    expect(second.preview.nothingToDo).toBe(true);

    await client.call('workbook.undo', { importId: result.import!.id });
    expect(snapshot(raw())).toEqual(before);
  });

  test('ambiguous decimal separators are asked, and the answer decides', async () => {
    const file = write('eu.csv', 'Account,ARR\nAcme,1.200\nGlobex,2.500\n');
    const run = await client.importPreview(file);
    expect(run.preview.questions).toEqual([expect.objectContaining({ kind: 'decimalSeparator', examples: ['1.200', '2.500'], choices: ['.', ','] })]);
    expect(run.preview.rows.rejected).toBe(2);
    const answered = await client.preview(run.proposal, { decimalSeparator: ',' });
    expect(answered.ok && answered.value.rows).toMatchObject({ new: 2, rejected: 0 });
    expect(answered.ok && answered.value.questions).toEqual([]);
    await client.call('workbook.commit', { sessionId: run.preview.sessionId });
    expect(raw().prepare('SELECT arr_minor FROM arr_records ORDER BY arr_minor').all()).toEqual([{ arr_minor: 120_000 }, { arr_minor: 250_000 }]);
  });

  test('rows can be left out before commit', async () => {
    const run = await client.importPreview(write('accounts.csv', ACCOUNTS));
    const summary = await client.call('workbook.excludeRows', { sessionId: run.preview.sessionId, rows: [2, 3], excluded: true });
    expect(summary.rows).toMatchObject({ new: 1, excluded: 2, rejected: 1 });
    await client.call('workbook.commit', { sessionId: run.preview.sessionId });
    expect(raw().prepare('SELECT name FROM accounts').all()).toEqual([{ name: 'Initech' }]);
  });

  test('contacts, ARR history, QBR notes and actions', async () => {
    await commit(write('accounts.csv', ACCOUNTS));
    const contacts = await commit(write('contacts.csv', 'Company,Full Name,E-mail,Job Title,Buying Role,Seniority\nAcme Inc,Jane Doe,jane@acme.com,CTO,Economic buyer,C-level\nNew Co,Li Wei,li@new.co,Analyst,User,Staff\n'), 'contacts');
    expect(contacts.preview.records).toMatchObject({ contact: { new: 2 }, account: { new: 1, unchanged: 1 } });
    expect(raw().prepare(`SELECT name, email, role, level FROM contacts ORDER BY name`).all()).toEqual([
      { name: 'Jane Doe', email: 'jane@acme.com', role: 'decision_maker', level: 'executive' },
      { name: 'Li Wei', email: 'li@new.co', role: 'user', level: 'frontline' },
    ]);
    const arr = await commit(write('arr.csv', 'Account ID,Date,ARR,Type\nA-1,2024-01-01,"1,000,000.00",new\nA-1,2024-07-01,"1,100,000.00",upsell\nA-2,2024-06-30,0,churned\n'), 'arr');
    expect(arr.preview.rows).toMatchObject({ new: 3 });
    expect(raw().prepare(`SELECT effective_date, arr_minor, kind FROM arr_records r JOIN accounts a ON a.id = r.account_id WHERE a.external_id = 'A-1' AND effective_date LIKE '2024%' ORDER BY effective_date`).all()).toEqual([
      { effective_date: '2024-01-01', arr_minor: 100_000_000, kind: 'new' },
      { effective_date: '2024-07-01', arr_minor: 110_000_000, kind: 'expansion' },
    ]);
    const qbr = await commit(write('qbr.csv', 'Account,QBR Date,Tools,Investment,Desire,Note\nAcme Inc,2024-03-31,4,3,5,Roadmap agreed\nAcme Inc,2024-03-31,4,3,5,Renewal risk low\n'), 'qbr_notes');
    expect(qbr.preview.records).toMatchObject({ qbr: { new: 1 }, qbr_note: { new: 2 } });
    const actions = await commit(write('actions.csv', 'Account,Action,Owner,Status,Due date\nAcme Inc,Call back the CTO,Jo,In progress,2024-04-15\n'), 'actions');
    expect(actions.preview.rows.new).toBe(1);
    expect(raw().prepare('SELECT title, owner, status, close_due_at FROM actions').get()).toEqual({ title: 'Call back the CTO', owner: 'Jo', status: 'contacted', close_due_at: '2024-04-15T00:00:00.000Z' });
    for (const run of [actions, qbr, arr, contacts]) await client.call('workbook.undo', { importId: run.result.import!.id });
    expect(raw().prepare('SELECT (SELECT count(*) FROM contacts) + (SELECT count(*) FROM qbrs) + (SELECT count(*) FROM actions) AS n').get()).toEqual({ n: 0 });
  });

  test('an xlsx with date cells, 1904 serials and numeric money', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    wb.properties.date1904 = true;
    const ws = wb.addWorksheet('Accounts');
    ws.addRow(['Account', 'ARR', 'Renewal date', 'Renewal serial']);
    ws.addRow(['Acme', 1200000.1, new Date(Date.UTC(2025, 2, 31)), 44000]);
    ws.getCell('C2').numFmt = 'yyyy-mm-dd';
    const file = path.join(dir, 'dates.xlsx');
    await wb.xlsx.writeFile(file);
    const run = await client.importPreview(file);
    expect(run.inspect.date1904).toBe(true);
    expect(run.inspect.sheets[0]!.sample[1]!.cells.map((c) => c.kind)).toEqual(['text', 'number', 'date', 'number']);
    await client.call('workbook.commit', { sessionId: run.preview.sessionId });
    expect(raw().prepare('SELECT a.renewal_date, r.arr_minor FROM accounts a JOIN arr_records r ON r.account_id = a.id').get()).toEqual({ renewal_date: '2025-03-31', arr_minor: 120_000_010 });
    const serial = await client.importPreview(file);
    const mapping = serial.proposal.mapping.map((m) => (m.column === 2 ? { ...m, field: null } : m.column === 3 ? { ...m, field: 'account.renewalDate' } : m));
    const preview = await client.preview({ ...serial.proposal, mapping });
    expect(preview.ok && preview.value.rows.updated).toBe(1);
    const rows = await client.call('workbook.previewRows', { sessionId: serial.preview.sessionId, status: 'updated' });
    expect(rows.rows[0]!.matches[0]!.changes).toEqual([{ field: 'renewal_date', from: '2025-03-31', to: '2024-06-19' }]);
  });
});
