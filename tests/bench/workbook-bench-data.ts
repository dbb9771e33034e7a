import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';

export const BENCH_ROWS = 100_000;
export const BENCH_HEADER = [
  'Response ID', 'Recorded Date', 'Company', 'Company ID', 'Contact', 'Email', 'Role', 'NPS', 'CSAT', 'CES', 'Comment', 'Kind', 'Interviewer', 'Driver: Onboarding', 'Driver: Support',
] as const;
const ROLES = ['Decision maker', 'Influencer', 'User'];

/** Row i of the bench responses workbook: 2,000 companies, 20,000 people, 15 columns, every kind of cell. */
export function benchRow(i: number): (string | number | Date)[] {
  const company = i % 2000;
  const person = i % 20_000;
  return [
    `R_${i}`,
    new Date(Date.UTC(2024, 0, 1) + i * 60_000),
    `Company ${company}`,
    `ACC-${company}`,
    `Person ${person}`,
    `person${person}@company${company}.com`,
    ROLES[person % 3]!,
    i % 11,
    1 + (i % 5),
    1 + (i % 7),
    `Comment number ${i} about the service, which was ${i % 2 ? 'good' : 'slow to respond'}`,
    'relationship',
    'Alex',
    1 + (i % 5),
    1 + ((i * 7) % 5),
  ];
}

/** The 100k × 15 responses workbook, written once with exceljs's streaming writer and kept in the temp folder. */
export async function ensureBenchWorkbook(): Promise<string> {
  const file = path.join(os.tmpdir(), `ax-bench-responses-${BENCH_ROWS}.xlsx`);
  if (fs.existsSync(file)) return file;
  const partial = `${file}.partial`;
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: partial, useSharedStrings: true, useStyles: true });
  const ws = wb.addWorksheet('Responses');
  ws.addRow([...BENCH_HEADER]).commit();
  for (let i = 0; i < BENCH_ROWS; i++) {
    const row = ws.addRow(benchRow(i));
    row.getCell(2).numFmt = 'yyyy-mm-dd hh:mm';
    row.commit();
  }
  ws.commit();
  await wb.commit();
  fs.renameSync(partial, file);
  return file;
}

/** Peak resident memory of this process so far, in MB (the OS's own high-water mark). */
export function peakRssMb(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}
