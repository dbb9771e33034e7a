import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type BetterSqlite3 from 'better-sqlite3';
import { EXPORT_TABLES } from '../../../shared/contract/workbook';
import { nowIso } from '../../db/clock';
import type { JobContext } from '../jobs';
import { refuse } from '../refusal';
import { tableColumns, tableExists, tableSlices, totalChanges } from './db-slices';
import { exportText } from './escape';

export const WORKSPACE_FORMAT = 'ax-workbench-workspace';
export const WORKSPACE_FORMAT_VERSION = 1;
export const ABOUT_SHEET = '_about';
const MAX_SHEET_ROWS = 1_048_575;

/**
 * The full workspace as a workbook: one sheet per table, named after it, header = column names, rows
 * in storage order with their ids; numbers as numeric cells, text (ids, ISO dates, JSON) as text,
 * NULL as an empty cell. It re-imports into an empty workspace as exactly the same rows.
 */
export async function writeWorkspaceExport(raw: BetterSqlite3.Database, filePath: string, job: JobContext): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const before = totalChanges(raw);
    await writeOnce(raw, filePath, job);
    if (totalChanges(raw) === before) return;
    job.progress('The workspace changed meanwhile; exporting again', 0, null);
  }
  refuse('The workspace kept changing during the export; try again when nobody is editing.');
}

async function writeOnce(raw: BetterSqlite3.Database, filePath: string, job: JobContext): Promise<void> {
  const tables = EXPORT_TABLES.filter((t) => tableExists(raw, t));
  const counts = new Map(tables.map((t) => [t, (raw.prepare(`SELECT count(*) AS n FROM "${t}"`).get() as { n: number }).n]));
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  for (const [table, n] of counts) if (n > MAX_SHEET_ROWS) refuse(`The ${table} table has ${n} rows, more than one sheet holds; export it as CSV instead.`);
  const stream = fs.createWriteStream(filePath);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: false, useSharedStrings: false });
  const settings = raw.prepare('SELECT * FROM workspace_settings LIMIT 1').get() as Record<string, unknown> | undefined;
  const about = wb.addWorksheet(ABOUT_SHEET);
  const aboutRows: [string, string | number][] = [
    ['format', WORKSPACE_FORMAT],
    ['format_version', WORKSPACE_FORMAT_VERSION],
    ['schema_version', raw.pragma('user_version', { simple: true }) as number],
    ['exported_at', nowIso()],
    ['workspace_name', String(settings?.name ?? '')],
    ['currency', String(settings?.currency ?? 'USD')],
    ['locale', String(settings?.locale ?? 'en-US')],
    ['fiscal_year_start_month', Number(settings?.fiscal_year_start_month ?? 1)],
    ['metric_settings_json', String(settings?.metric_settings_json ?? '{}')],
  ];
  about.addRow(['key', 'value']).commit();
  for (const [key, value] of aboutRows) about.addRow([key, typeof value === 'string' ? exportText(value) : value]).commit();
  about.commit();
  let done = 0;
  for (const table of tables) {
    const columns = tableColumns(raw, table);
    const ws = wb.addWorksheet(table);
    ws.addRow(columns.map((c) => c.name)).commit();
    for await (const slice of tableSlices(raw, table, columns.map((c) => c.name), job.signal)) {
      for (const values of slice) {
        const cells = new Array<unknown>(values.length);
        for (let i = 0; i < values.length; i++) {
          const v = values[i];
          cells[i] = v === null ? undefined : typeof v === 'string' ? exportText(v) : typeof v === 'bigint' ? Number(v) : v;
        }
        ws.addRow(cells).commit();
      }
      done += slice.length;
      job.progress(`Writing ${table}`, done, total);
    }
    ws.commit();
  }
  await wb.commit();
}
