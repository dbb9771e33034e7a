import type BetterSqlite3 from 'better-sqlite3';
import type { ExportFile } from '../../../shared/contract/workbook';
import type { z } from 'zod';
import type { exportInput } from '../../../shared/contract/workbook';
import { todayIso } from '../../db/clock';
import type { JobContext } from '../jobs';
import { writeAccountWorkbook } from './account-workbook';
import { writeTableCsv } from './csv-export';
import type { ExportFiles } from './export-files';
import { writePortfolioWorkbook } from './portfolio-workbook';
import { writeQbrWorkbook } from './qbr-workbook';
import { writeWorkspaceExport } from './workspace-export';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const safeName = (text: string) => text.replace(/[<>:"/\\|?*\u0000-\u001f]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 80) || 'export';

/** Writes the asked-for export into the staging folder and registers it for download. */
export async function runExport(raw: BetterSqlite3.Database, files: ExportFiles, input: z.output<typeof exportInput>, stem: string, job: JobContext): Promise<ExportFile> {
  const day = todayIso();
  switch (input.kind) {
    case 'workspace': {
      const { id, filePath } = files.reserve('.xlsx');
      await writeWorkspaceExport(raw, filePath, job);
      return files.register(id, filePath, `${safeName(stem)} workspace ${day}.xlsx`, XLSX);
    }
    case 'portfolio': {
      const { id, filePath } = files.reserve('.xlsx');
      job.progress('Computing the portfolio', 0, null);
      await writePortfolioWorkbook(raw, input.asOf ?? day, filePath);
      return files.register(id, filePath, `${safeName(stem)} portfolio ${input.asOf ?? day}.xlsx`, XLSX);
    }
    case 'account': {
      const { id, filePath } = files.reserve('.xlsx');
      const name = await writeAccountWorkbook(raw, input.accountId, input.asOf ?? day, filePath);
      return files.register(id, filePath, `${safeName(name)} ${day}.xlsx`, XLSX);
    }
    case 'qbr': {
      const { id, filePath } = files.reserve('.xlsx');
      const name = await writeQbrWorkbook(raw, input.qbrId, filePath);
      return files.register(id, filePath, `QBR ${safeName(name)}.xlsx`, XLSX);
    }
    case 'csv': {
      const { id, filePath } = files.reserve('.csv');
      await writeTableCsv(raw, input.table, filePath, job);
      return files.register(id, filePath, `${safeName(stem)} ${input.table} ${day}.csv`, 'text/csv');
    }
  }
}
