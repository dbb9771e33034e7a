import ExcelJS from 'exceljs';
import type BetterSqlite3 from 'better-sqlite3';
import { ApiError } from '../../../shared/contract/errors';
import { npsFromScores } from '../../metrics/nps';
import { readPortfolio } from './portfolio-data';
import { addFilter, currencyFormat, DATE_FORMAT, DATETIME_FORMAT, dateCell, major, tableSheet, text } from './sheet-style';

type Row = Record<string, string | number | null>;

/** One account: its facts, contacts, responses with driver ratings, ARR history, actions and QBRs. */
export async function writeAccountWorkbook(raw: BetterSqlite3.Database, accountId: string, asOf: string, filePath: string): Promise<string> {
  const account = raw.prepare('SELECT * FROM accounts WHERE id = ? AND deleted_at IS NULL').get(accountId) as Row | undefined;
  if (!account) throw new ApiError({ code: 'not_found', message: 'That account does not exist (it may have been deleted).' });
  const portfolio = readPortfolio(raw, asOf, accountId);
  const figures = portfolio.accounts[0]!;
  const money = currencyFormat(portfolio.currency);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'AX Workbench';

  const responses = raw
    .prepare(
      `SELECT i.id, i.interviewed_at, c.name AS contact, c.role, i.nps, i.csat, i.ces, i.verbatim, i.kind FROM interviews i LEFT JOIN contacts c ON c.id = i.contact_id
       WHERE i.account_id = ? AND i.deleted_at IS NULL AND i.status = 'complete' ORDER BY i.interviewed_at, i.id`,
    )
    .all(accountId) as Row[];
  const drivers = raw.prepare(`SELECT DISTINCT d.id, d.name FROM drivers d JOIN driver_ratings dr ON dr.driver_id = d.id JOIN interviews i ON i.id = dr.interview_id WHERE i.account_id = ? AND dr.deleted_at IS NULL ORDER BY d.sort_order, d.name`).all(accountId) as { id: string; name: string }[];
  const ratings = new Map<string, number>();
  for (const r of raw.prepare(`SELECT dr.interview_id, dr.driver_id, dr.rating FROM driver_ratings dr JOIN interviews i ON i.id = dr.interview_id WHERE i.account_id = ? AND dr.deleted_at IS NULL`).all(accountId) as Row[]) {
    ratings.set(`${r.interview_id}|${r.driver_id}`, r.rating as number);
  }

  const summary = wb.addWorksheet('Account');
  summary.columns = [{ header: 'Field', width: 28 }, { header: 'Value', width: 40 }];
  summary.getRow(1).font = { bold: true };
  const scores = responses.map((r) => r.nps).filter((v): v is number => typeof v === 'number');
  const nps = npsFromScores(scores).nps.value;
  const n = responses.length;
  const npsRange = `Responses!D2:D${Math.max(2, n + 1)}`;
  summary.addRow(['Account', text(account.name as string)]);
  summary.addRow(['External id', text(account.external_id as string | null)]);
  summary.addRow(['Tier', text(account.tier as string | null)]);
  summary.addRow(['Owner', text(account.owner as string | null)]);
  summary.addRow(['ARR', major(figures.arrMinor, portfolio.currency)]).getCell(2).numFmt = money;
  summary.addRow(['Renewal date', dateCell(account.renewal_date as string | null)]).getCell(2).numFmt = DATE_FORMAT;
  summary
    .addRow(['NPS (all responses listed)', { formula: `IF(COUNT(${npsRange})=0,"",100*(COUNTIF(${npsRange},">=9")-COUNTIF(${npsRange},"<=6"))/COUNT(${npsRange}))`, result: nps ?? '' }])
    .getCell(2).numFmt = '0.0';
  summary.addRow(['Account score (12 months)', figures.result.headline.score.value]);
  summary.addRow(['Category (12 months)', figures.result.headline.category ?? 'unscored']);
  summary.addRow(['At risk', figures.atRisk ? 'Yes' : 'No']);
  summary.addRow(['Negative drivers', text(figures.negativeDrivers.join(', '))]);

  const contacts = raw.prepare('SELECT name, email, title, role, level FROM contacts WHERE account_id = ? AND deleted_at IS NULL ORDER BY name').all(accountId) as Row[];
  const cs = tableSheet(wb, 'Contacts', [{ header: 'Name', width: 28 }, { header: 'Email', width: 30 }, { header: 'Title', width: 24 }, { header: 'Role' }, { header: 'Level' }]);
  for (const c of contacts) cs.addRow([text(c.name as string), text(c.email as string | null), text(c.title as string | null), c.role, c.level]);
  addFilter(cs, 5, contacts.length);

  const rs = tableSheet(wb, 'Responses', [
    { header: 'Date', format: DATETIME_FORMAT, width: 18 },
    { header: 'Contact', width: 24 },
    { header: 'Role' },
    { header: 'NPS' },
    { header: 'CSAT' },
    { header: 'CES' },
    { header: 'Verbatim', width: 50 },
    { header: 'Kind' },
    ...drivers.map((d) => ({ header: d.name })),
  ]);
  for (const r of responses) {
    rs.addRow([dateCell(r.interviewed_at as string), text(r.contact as string | null), r.role, r.nps, r.csat, r.ces, text(r.verbatim as string | null), r.kind, ...drivers.map((d) => ratings.get(`${r.id}|${d.id}`) ?? null)]);
  }
  addFilter(rs, 8 + drivers.length, n);

  const arr = raw.prepare('SELECT effective_date, arr_minor, kind, note FROM arr_records WHERE account_id = ? AND deleted_at IS NULL ORDER BY effective_date, created_at').all(accountId) as Row[];
  const as = tableSheet(wb, 'ARR history', [{ header: 'Date', format: DATE_FORMAT, width: 12 }, { header: 'ARR', format: money, width: 16 }, { header: 'Kind' }, { header: 'Note', width: 40 }]);
  for (const a of arr) as.addRow([dateCell(a.effective_date as string), major(a.arr_minor as number, portfolio.currency), a.kind, text(a.note as string | null)]);
  addFilter(as, 4, arr.length);

  const actions = raw.prepare('SELECT title, owner, level, status, opened_at, close_due_at, closed_at FROM actions WHERE account_id = ? AND deleted_at IS NULL ORDER BY opened_at').all(accountId) as Row[];
  const acs = tableSheet(wb, 'Actions', [{ header: 'Action', width: 40 }, { header: 'Owner' }, { header: 'Level' }, { header: 'Status' }, { header: 'Opened', format: DATE_FORMAT }, { header: 'Due', format: DATE_FORMAT }, { header: 'Closed', format: DATE_FORMAT }]);
  for (const a of actions) acs.addRow([text(a.title as string), text(a.owner as string | null), a.level, a.status, dateCell(a.opened_at as string), dateCell(a.close_due_at as string | null), dateCell(a.closed_at as string | null)]);
  addFilter(acs, 7, actions.length);

  const qbrs = raw.prepare('SELECT held_on, title, rating_tools, rating_investment, rating_desire, summary FROM qbrs WHERE account_id = ? AND deleted_at IS NULL ORDER BY held_on').all(accountId) as Row[];
  const qs = tableSheet(wb, 'QBRs', [{ header: 'Held on', format: DATE_FORMAT }, { header: 'Title', width: 30 }, { header: 'Tools' }, { header: 'Investment' }, { header: 'Desire' }, { header: 'Summary', width: 50 }]);
  for (const q of qbrs) qs.addRow([dateCell(q.held_on as string), text(q.title as string), q.rating_tools, q.rating_investment, q.rating_desire, text(q.summary as string | null)]);
  addFilter(qs, 6, qbrs.length);

  await wb.xlsx.writeFile(filePath);
  return account.name as string;
}
