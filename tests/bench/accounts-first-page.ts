/**
 * How the accounts table behaves on the large workspace (10k accounts, 100k contacts, 1M responses):
 *  1. opening the file (pragmas + quick_check + migrations check), through the real openDatabase;
 *  2. the first page of accounts.list through the core, against a baseline: the same 200 rows read with
 *     one hand-written SQL query that has none of the per-row figures (ARR, last NPS, contact count);
 *  3. browser mode end to end: process start → URL printed, and page load in Chromium → first row shown.
 *
 *   npm run build && npx tsx tests/bench/accounts-first-page.ts
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import { chromium } from 'playwright-core';
import { openDatabase } from '../../main/db/open-database';
import { createCore } from '../../main/core/core';
import type { AccountListPage } from '../../shared/contract';
import { ensureLargeWorkspace } from './generate-large';
import { tempDir } from '../helpers/temp-dir';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..');

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function timed<T>(fn: () => Promise<T> | T): Promise<[number, T]> {
  const start = performance.now();
  const result = await fn();
  return [performance.now() - start, result];
}

async function main(): Promise<void> {
  const file = await ensureLargeWorkspace();
  const dataDir = tempDir('ax-bench-');

  const openTimes: number[] = [];
  for (let i = 0; i < 3; i++) {
    const [ms, opened] = await timed(() => openDatabase(file, { create: false, dataDir }));
    openTimes.push(ms);
    await opened.close();
  }
  console.log(`open workspace (quick_check included): median ${median(openTimes).toFixed(0)} ms of ${openTimes.map((t) => t.toFixed(0)).join(', ')}`);

  const core = await createCore({ dataDir, workspacePath: file });
  const listTimes: Record<string, number[]> = { name: [], arr: [] };
  for (let i = 0; i < 6; i++) {
    for (const sort of ['name', 'arr'] as const) {
      const [ms, page] = await timed(() => core.call('accounts.list', { sort, direction: sort === 'arr' ? 'desc' : 'asc', limit: 200 }) as Promise<AccountListPage>);
      if (i > 0) listTimes[sort]!.push(ms);
      if (page.total < 10_000) throw new Error(`expected ≥10k accounts, got ${page.total}`);
    }
  }
  await core.close();

  const raw = new BetterSqlite3(file, { readonly: true });
  const baseline = raw.prepare(`SELECT id, name, industry, tier, region, owner, renewal_date FROM accounts WHERE deleted_at IS NULL ORDER BY name_normalized LIMIT 200`);
  const baselineCount = raw.prepare(`SELECT count(*) FROM accounts WHERE deleted_at IS NULL`);
  const baseTimes: number[] = [];
  for (let i = 0; i < 6; i++) {
    const [ms] = await timed(() => {
      baseline.all();
      baselineCount.get();
    });
    if (i > 0) baseTimes.push(ms);
  }
  raw.close();
  const byName = median(listTimes.name!);
  const base = median(baseTimes);
  console.log(`accounts.list first page (200 rows, by name, with ARR/last NPS/contacts): median ${byName.toFixed(1)} ms`);
  console.log(`accounts.list first page sorted by ARR desc: median ${median(listTimes.arr!).toFixed(1)} ms`);
  console.log(`baseline raw SQL page (no per-row figures): median ${base.toFixed(2)} ms; ratio ${(byName / base).toFixed(1)}x`);

  // Browser mode, as a user starts it.
  const started = performance.now();
  const child = spawn(process.execPath, [path.join(ROOT, 'dist/main/serve.cjs'), '--port', '0', '--data-dir', dataDir, '--workspace', file], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /Open: (\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`serve exited ${code}`)));
  });
  const serveReadyMs = performance.now() - started;
  const origin = new URL(url).origin;
  const token = new URL(url).hash.replace('#token=', '');
  const first = (await (await fetch(`${origin}/api/call/accounts.list`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: '{"limit":1}' })).json()) as { value: AccountListPage };
  const firstName = first.value.rows[0]!.name;

  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  const pageTimes: number[] = [];
  for (let i = 0; i < 3; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const [ms] = await timed(async () => {
      await page.goto(url);
      await page.getByText(firstName, { exact: true }).first().waitFor({ state: 'visible', timeout: 60_000 });
    });
    pageTimes.push(ms);
    await context.close();
  }
  await browser.close();
  child.kill('SIGTERM');
  console.log(`browser mode: process start → URL printed ${serveReadyMs.toFixed(0)} ms (opens the 1M-response file)`);
  console.log(`browser mode: page load → first accounts row visible: median ${median(pageTimes).toFixed(0)} ms of ${pageTimes.map((t) => t.toFixed(0)).join(', ')}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
