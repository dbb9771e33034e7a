import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { CORE_YOUNG_GENERATION_MB } from '../../main/core/core-heap';

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

const LAUNCH = path.join(path.dirname(fileURLToPath(import.meta.url)), 'core-worker-launch.ts');

/**
 * Runs one side of a workbook bench in a process of its own (so that peak RSS is its own) and returns the
 * JSON line it prints last. Ours runs in a worker with the core worker's heap limits (core-worker-launch.ts
 * hands `args` to the worker); any other side in a plain process with the same young generation, so that
 * its garbage is collected as ours is.
 */
export function runSide<T>(script: string, inCoreWorker: boolean, args: readonly string[]): T {
  const argv = inCoreWorker ? [LAUNCH, script, ...args] : [`--max-semi-space-size=${CORE_YOUNG_GENERATION_MB / 3}`, script, ...args];
  const out = execFileSync(process.execPath, [...process.execArgv, ...argv], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  // Each side leaves hundreds of MB for the OS to write back (its log folded into the file, its folder
  // removed): flushed here, so that the next side does not run while the disk is still busy with them.
  execFileSync('sync');
  return JSON.parse(out.trim().split('\n').pop()!) as T;
}

/** The middle value (the upper one of an even count). */
export function median(values: readonly number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
}
