import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { emptyWorkspaceCore } from '../../helpers/test-core';
import { tempDir } from '../../helpers/temp-dir';
import type { Core } from '../../../main/core/core';
import { populateDemoWorkspace } from '../../../main/demo/demo-workspace';
import { todayIso } from '../../../main/db/clock';
import { readPortfolio } from '../../../main/workbook/export/portfolio-data';
import { WorkbookClient } from './workbook-client';

let core: Core;
let client: WorkbookClient;
let dir: string;
const today = todayIso();

beforeAll(async () => {
  ({ core } = await emptyWorkspaceCore());
  client = new WorkbookClient(core);
  dir = tempDir('ax-exports-');
  populateDemoWorkspace(core.workspaces.opened()!.file.raw, today);
  await core.call('accounts.create', { name: '=HYPERLINK("http://evil")', arrMinor: 12_345 });
}, 60_000);
afterAll(async () => {
  await core.close();
});

async function open(input: Parameters<WorkbookClient['exportFile']>[0], name: string) {
  const file = await client.exportFile(input, path.join(dir, name));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

const formulaOf = (cell: ExcelJS.Cell) => (cell.value as { formula?: string }).formula;
// The cached value as stored (exceljs's value getter hides a cached 0).
const resultOf = (cell: ExcelJS.Cell) => (cell as unknown as { model: { result?: unknown } }).model.result;

describe('analysis workbooks', () => {
  test('portfolio: real numbers, dates and currency; frozen header and filter; live NPS formulas equal the engine', async () => {
    const wb = await open({ kind: 'portfolio' }, 'portfolio.xlsx');
    const ws = wb.getWorksheet('Portfolio')!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBeTruthy();
    const header = (ws.getRow(1).values as string[]).slice(1);
    const col = (name: string) => header.indexOf(name) + 1;
    const engine = readPortfolio(core.workspaces.opened()!.file.raw, today);
    expect(ws.rowCount - 1).toBe(engine.accounts.length);
    let scored = 0;
    for (let r = 2; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const account = engine.accounts[r - 2]!;
      expect(typeof row.getCell(col('ARR')).value).toBe('number');
      expect(row.getCell(col('ARR')).numFmt).toMatch(/"\$"#,##0\.00/);
      expect(row.getCell(col('ARR')).value).toBeCloseTo(account.arrMinor / 100, 6);
      if (account.renewalDate) expect(row.getCell(col('Renewal date')).value).toBeInstanceOf(Date);
      const nps = row.getCell(col('NPS (count-all)'));
      expect(formulaOf(nps)).toBe(`IF(I${r}=0,"",100*(J${r}-L${r})/I${r})`);
      const [n, p, d] = ['Responses', 'Promoters', 'Detractors'].map((h) => row.getCell(col(h)).value as number);
      const recomputed = n === 0 ? '' : (100 * (p! - d!)) / n!;
      // An empty result ("" for no responses) is stored as no cached value at all.
      expect(resultOf(nps) ?? '').toBe(account.result.countAll.nps.value ?? '');
      expect(resultOf(nps) ?? '').toBe(recomputed);
      if (n! > 0) scored++;
    }
    expect(scored).toBeGreaterThan(10);
    const names = Array.from({ length: ws.rowCount - 1 }, (_, i) => ws.getRow(i + 2).getCell(1).value as string);
    expect(names).toContain(`'=HYPERLINK("http://evil")`);
    const summary = wb.getWorksheet('Summary')!;
    const figure = (label: string) => summary.getColumn(1).values.indexOf(label);
    expect(resultOf(summary.getRow(figure('Portfolio NPS (count-all)')).getCell(2))).toBe(engine.countAllNps ?? '');
    expect(resultOf(summary.getRow(figure('ARR at risk')).getCell(2))).toBeCloseTo(engine.arrAtRiskMinor / 100, 6);
    expect(formulaOf(summary.getRow(figure('Total ARR')).getCell(2))).toMatch(/^SUM\(Portfolio!G2:G\d+\)$/);
  });

  test('account workbook: facts, contacts, responses with driver columns, ARR history', async () => {
    const raw = core.workspaces.opened()!.file.raw;
    const account = raw.prepare(`SELECT a.id FROM accounts a WHERE (SELECT count(*) FROM interviews i WHERE i.account_id = a.id) > 5 LIMIT 1`).get() as { id: string };
    const wb = await open({ kind: 'account', accountId: account.id }, 'account.xlsx');
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Account', 'Contacts', 'Responses', 'ARR history', 'Actions', 'QBRs']);
    const responses = wb.getWorksheet('Responses')!;
    expect(responses.getRow(2).getCell(1).value).toBeInstanceOf(Date);
    const scores = responses.getColumn(4).values.slice(2).filter((v): v is number => typeof v === 'number');
    const nps = wb.getWorksheet('Account')!.getRow(8).getCell(2);
    const p = scores.filter((s) => s >= 9).length;
    const d = scores.filter((s) => s <= 6).length;
    expect(resultOf(nps)).toBeCloseTo((100 * (p - d)) / scores.length, 9);
    const arr = wb.getWorksheet('ARR history')!;
    expect(typeof arr.getRow(2).getCell(2).value).toBe('number');
    expect(arr.getRow(2).getCell(1).value).toBeInstanceOf(Date);
  });

  test('QBR workbook: the subjective score formula equals the engine', async () => {
    const raw = core.workspaces.opened()!.file.raw;
    const qbr = raw.prepare('SELECT id, rating_tools t, rating_investment i, rating_desire d FROM qbrs WHERE rating_tools IS NOT NULL LIMIT 1').get() as { id: string; t: number; i: number; d: number };
    const wb = await open({ kind: 'qbr', qbrId: qbr.id }, 'qbr.xlsx');
    const ws = wb.getWorksheet('QBR')!;
    const cell = ws.getRow(8).getCell(2);
    expect(formulaOf(cell)).toBe('IF(COUNT(B5:B7)<3,"",AVERAGE(B5:B7)/5)');
    expect(resultOf(cell)).toBeCloseTo((qbr.t + qbr.i + qbr.d) / 3 / 5, 12);
    expect(wb.getWorksheet('Notes')!.rowCount).toBeGreaterThan(1);
  });

  test('unknown records are refused clearly', async () => {
    const { jobId } = await client.call('workbook.export', { kind: 'account', accountId: '0196a000-0000-7000-8000-00000000dead' });
    const state = await client.waitJob(jobId);
    expect(state).toMatchObject({ state: 'failed', error: { code: 'not_found' } });
  });
});
