/**
 * Export of the same 100k responses (the workspace the import bench makes: 100k interviews, 200k driver
 * ratings, 20k contacts, 2k accounts) as the full workspace workbook, through the core (job, slices,
 * escaping, exceljs streaming writer), against the floor: exceljs's streaming writer writing the same
 * cells, already in memory. Each side runs in its own process so that peak RSS is its own; ours in a
 * worker thread with the core worker's heap limits, as the app runs it.
 *
 *   npx tsx tests/bench/workbook-export.ts [--rounds 3]
 *
 * Both sides vary from run to run on a 2-core machine: they alternate for several rounds and the medians
 * are compared.
 *
 * Target (issue #5): ≤ 1.5 × the floor's time.
 */
import { isMainThread, parentPort } from 'node:worker_threads';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import BetterSqlite3 from 'better-sqlite3';
import { createCore } from '../../main/core/core';
import { EXPORT_TABLES } from '../../shared/contract/workbook';
import { tempDir } from '../helpers/temp-dir';
import { WorkbookClient } from '../integration/workbook/workbook-client';
import { BENCH_ROWS, ensureBenchWorkbook, median, peakRssMb, runSide } from './workbook-bench-data';

const HERE = fileURLToPath(import.meta.url);
const WORKSPACE = path.join(os.tmpdir(), `ax-bench-export-${BENCH_ROWS}.axw`);

interface PhaseResult {
  ms: number;
  peakRssMb: number;
  cells: number;
  bytes: number;
}

/** The workspace holding the bench responses, made once by importing the bench workbook. */
async function ensureWorkspace(): Promise<void> {
  if (fs.existsSync(WORKSPACE)) return;
  const file = await ensureBenchWorkbook();
  const dataDir = tempDir('ax-bench-export-setup-');
  const target = path.join(dataDir, 'export.axw');
  const core = await createCore({ dataDir, workspacePath: target, demoOnFirstStart: false });
  const client = new WorkbookClient(core);
  const run = await client.importPreview(file);
  await client.call('workbook.commit', { sessionId: run.preview.sessionId });
  await core.close();
  fs.copyFileSync(target, WORKSPACE);
  fs.rmSync(dataDir, { recursive: true, force: true });
}

async function ours(): Promise<PhaseResult> {
  const dataDir = tempDir('ax-bench-export-ours-');
  const copy = path.join(dataDir, 'export.axw');
  fs.copyFileSync(WORKSPACE, copy);
  const core = await createCore({ dataDir, workspacePath: copy, demoOnFirstStart: false });
  const client = new WorkbookClient(core);
  const started = performance.now();
  const { jobId } = await client.call('workbook.export', { kind: 'workspace' });
  const state = await client.waitJob(jobId, 600_000);
  const ms = performance.now() - started;
  if (state.state !== 'done' || state.result?.kind !== 'export') throw new Error(`export failed: ${state.error?.message}`);
  const bytes = state.result.value.sizeBytes;
  await core.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  return { ms, peakRssMb: peakRssMb(), cells: 0, bytes };
}

async function floor(): Promise<PhaseResult> {
  const raw = new BetterSqlite3(WORKSPACE, { readonly: true });
  const sheets: { name: string; rows: unknown[][] }[] = [];
  let cells = 0;
  for (const table of EXPORT_TABLES) {
    const columns = (raw.prepare('SELECT name FROM pragma_table_info(?)').all(table) as { name: string }[]).map((c) => c.name);
    if (columns.length === 0) continue;
    const rows = (raw.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).raw(true).all() as unknown[][]).map((r) => r.map((v) => (v === null ? undefined : v)));
    sheets.push({ name: table, rows: [columns, ...rows] });
    cells += rows.length * columns.length;
  }
  raw.close();
  const file = path.join(tempDir('ax-bench-export-floor-'), 'floor.xlsx');
  const started = performance.now();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: false, useSharedStrings: false });
  for (const sheet of sheets) {
    const ws = wb.addWorksheet(sheet.name);
    for (const row of sheet.rows) ws.addRow(row).commit();
    ws.commit();
  }
  await wb.commit();
  const ms = performance.now() - started;
  const bytes = fs.statSync(file).size;
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
  return { ms, peakRssMb: peakRssMb(), cells, bytes };
}

/** Ours runs in a worker with the core worker's heap limits, as the app runs it (core-worker-launch.ts). */
function runPhase(phase: 'floor' | 'ours'): PhaseResult {
  return phase === 'ours' ? runSide(HERE, true, []) : runSide(HERE, false, ['--phase', phase]);
}

async function main(): Promise<void> {
  await ensureWorkspace();
  if (!isMainThread) {
    parentPort!.postMessage(await ours());
    return;
  }
  if (process.argv.includes('--phase')) {
    const phase = process.argv[process.argv.indexOf('--phase') + 1];
    process.stdout.write(JSON.stringify(phase === 'floor' ? await floor() : await ours()) + '\n');
    return;
  }
  const rounds = Number(process.argv[process.argv.indexOf('--rounds') + 1]) || 3;
  const floors: PhaseResult[] = [];
  const mine: PhaseResult[] = [];
  for (let round = 1; round <= rounds; round++) {
    floors.push(runPhase('floor'));
    mine.push(runPhase('ours'));
    console.log(`round ${round}: floor ${(floors.at(-1)!.ms / 1000).toFixed(2)} s | ours ${(mine.at(-1)!.ms / 1000).toFixed(2)} s | ratio ${(mine.at(-1)!.ms / floors.at(-1)!.ms).toFixed(2)}`);
  }
  const base = floors[0]!;
  const floorMs = median(floors.map((r) => r.ms));
  const ourMs = median(mine.map((r) => r.ms));
  console.log(`workspace: ${BENCH_ROWS} responses, ${base.cells.toLocaleString('en-US')} cells over every table; ${rounds} rounds, floor and ours alternating`);
  console.log(`floor (exceljs streaming writer, the same cells already in memory), median: ${(floorMs / 1000).toFixed(2)} s, ${(base.bytes / 1e6).toFixed(1)} MB, peak RSS up to ${Math.max(...floors.map((r) => r.peakRssMb))} MB`);
  console.log(`AX full workspace export (job: read in slices, escape, stream), median: ${(ourMs / 1000).toFixed(2)} s, ${(mine[0]!.bytes / 1e6).toFixed(1)} MB, peak RSS up to ${Math.max(...mine.map((r) => r.peakRssMb))} MB`);
  const ratio = ourMs / floorMs;
  console.log(`time ratio (export / floor), of the medians: ${ratio.toFixed(2)} (target ≤ 1.50) ${ratio <= 1.5 ? 'OK' : 'ABOVE TARGET'}`);
}

void main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
