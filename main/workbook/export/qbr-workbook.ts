import ExcelJS from 'exceljs';
import type BetterSqlite3 from 'better-sqlite3';
import { ApiError } from '../../../shared/contract/errors';
import { subjectiveScore } from '../../metrics/success-vector';
import { addFilter, DATE_FORMAT, dateCell, tableSheet, text } from './sheet-style';

type Row = Record<string, string | number | null>;

/** One QBR: its ratings with the Success Vector's subjective score as a live formula, its notes, the account's milestones. */
export async function writeQbrWorkbook(raw: BetterSqlite3.Database, qbrId: string, filePath: string): Promise<string> {
  const qbr = raw.prepare(`SELECT q.*, a.name AS account FROM qbrs q JOIN accounts a ON a.id = q.account_id WHERE q.id = ? AND q.deleted_at IS NULL`).get(qbrId) as Row | undefined;
  if (!qbr) throw new ApiError({ code: 'not_found', message: 'That QBR does not exist (it may have been deleted).' });
  const wb = new ExcelJS.Workbook();
  wb.creator = 'AX Workbench';
  const ws = wb.addWorksheet('QBR');
  ws.columns = [{ header: 'Field', width: 30 }, { header: 'Value', width: 50 }];
  ws.getRow(1).font = { bold: true };
  ws.addRow(['Account', text(qbr.account as string)]);
  ws.addRow(['Held on', dateCell(qbr.held_on as string)]).getCell(2).numFmt = DATE_FORMAT;
  ws.addRow(['Title', text(qbr.title as string)]);
  ws.addRow(['Rating: has the tools (1–5)', qbr.rating_tools]);
  ws.addRow(['Rating: invests (1–5)', qbr.rating_investment]);
  ws.addRow(['Rating: desire to succeed (1–5)', qbr.rating_desire]);
  const rated = [qbr.rating_tools, qbr.rating_investment, qbr.rating_desire].every((v) => typeof v === 'number');
  const subjective = rated ? subjectiveScore({ tools: qbr.rating_tools as number, investment: qbr.rating_investment as number, desire: qbr.rating_desire as number }).value : null;
  ws.addRow(['Subjective score (mean / 5)', { formula: 'IF(COUNT(B5:B7)<3,"",AVERAGE(B5:B7)/5)', result: subjective ?? '' }]).getCell(2).numFmt = '0.0%';
  ws.addRow(['Summary', text(qbr.summary as string | null)]);

  const notes = raw.prepare('SELECT kind, body FROM qbr_notes WHERE qbr_id = ? AND deleted_at IS NULL ORDER BY position, created_at').all(qbrId) as Row[];
  const ns = tableSheet(wb, 'Notes', [{ header: 'Kind' }, { header: 'Note', width: 80 }]);
  for (const n of notes) ns.addRow([text(n.kind as string), text(n.body as string)]);
  addFilter(ns, 2, notes.length);

  const milestones = raw.prepare('SELECT title, due_date, achieved_on FROM milestones WHERE account_id = ? AND deleted_at IS NULL ORDER BY due_date').all(qbr.account_id) as Row[];
  const ms = tableSheet(wb, 'Milestones', [{ header: 'Milestone', width: 40 }, { header: 'Due', format: DATE_FORMAT }, { header: 'Achieved', format: DATE_FORMAT }]);
  for (const m of milestones) ms.addRow([text(m.title as string), dateCell(m.due_date as string), dateCell(m.achieved_on as string | null)]);
  addFilter(ms, 3, milestones.length);
  await wb.xlsx.writeFile(filePath);
  return `${qbr.account as string} ${qbr.held_on as string}`;
}
