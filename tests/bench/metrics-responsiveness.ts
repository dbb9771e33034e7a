/**
 * Responsiveness while the dashboard recomputes: the data core runs in its worker thread exactly as the
 * app runs it (bundled by esbuild, started by startCore), browser mode's HTTP server runs on this (the
 * host's) thread. While the worker recomputes metrics.dashboard cold on the large workspace, over and
 * over, this measures on the host thread:
 * - the event loop's lag (the longest gaps between 5 ms timer ticks): what the Electron main thread sees;
 * - the latency of a trivial HTTP request to browser mode (GET / of the static app), every 20 ms;
 * - for contrast, a trivial contract call (metrics.settings.get) sent over HTTP: it needs the core, and
 *   core calls run one at a time, so it waits for the recompute in progress (by design: one connection).
 *
 *   npx tsx tests/bench/metrics-responsiveness.ts [--workspace path] [--rounds 6]
 *
 * Each round first writes, from a connection of its own, a change that no memo counter tracks (a
 * summary row rewritten as it is): such a write empties the engine's whole memo (query-cache.ts), so
 * every dashboard is a full cold recompute. (A settings change, which this bench used to make, keeps the
 * memo since migration 005's counters, and measured only the pure functions.)
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { fileURLToPath } from 'node:url';
import { bundleWorker } from '../helpers/bundle-worker';
import { startCore } from '../../main/core/core-host';
import { startBrowserServer } from '../../main/serve';
import { ensureLargeWorkspace } from './generate-large';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '../..');

function parseArgs(argv: readonly string[]): { workspace: string | null; rounds: number } {
  const args = { workspace: null as string | null, rounds: 6 };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (flag === '--workspace' && value) args.workspace = value;
    else if (flag === '--rounds' && value && Number.isInteger(Number(value)) && Number(value) > 0) args.rounds = Number(value);
    else throw new Error(`unknown or incomplete option ${flag ?? ''}`);
  }
  return args;
}

const percentile = (values: readonly number[], p: number) => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
};
const ms = (value: number) => `${value.toFixed(1)} ms`;
const summary = (values: readonly number[]) =>
  `median ${ms(percentile(values, 50))}, p95 ${ms(percentile(values, 95))}, max ${ms(Math.max(...values))} (${values.length} samples)`;

function request(port: number, method: 'GET' | 'POST', pathname: string, token: string, body?: string): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method, path: pathname, headers: { host: `127.0.0.1:${port}`, authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) } },
      (res) => {
        res.resume();
        res.on('end', () => (res.statusCode === 200 ? resolve(performance.now() - started) : reject(new Error(`${pathname}: HTTP ${res.statusCode}`))));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const file = path.resolve(args.workspace ?? (await ensureLargeWorkspace()));
  const scratch = path.join(REPO, '.tmp', `bench-worker-${process.pid}`);
  const workerFile = await bundleWorker('main/core/worker.ts', 'core-worker.cjs', scratch);
  // Its threads beside it, as scripts/build.mjs ships them: the core worker finds them there.
  await bundleWorker('main/db/checkpoint-worker.ts', 'checkpoint-worker.cjs', scratch);
  await bundleWorker('main/metrics/engine/metrics-reader-worker.ts', 'metrics-reader-worker.cjs', scratch);
  const staticDir = path.join(scratch, 'static');
  fs.mkdirSync(staticDir, { recursive: true });
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>AX Workbench</title>');

  const core = startCore({ dataDir: path.join(path.dirname(file), 'data'), workspacePath: file, workerFile, demoOnFirstStart: false });
  await core.ready;
  const server = await startBrowserServer({ core, staticDir, port: 0 });
  const outside = new BetterSqlite3(file);
  // It runs on this (the host's) thread between probes: no fsync to show up as the host's own lag.
  outside.pragma('synchronous = OFF');
  const untracked = outside.prepare(
    `UPDATE metric_account_windows SET promoters = promoters WHERE (first_month, account_id) = (SELECT first_month, account_id FROM metric_account_windows LIMIT 1)`,
  );
  try {
    const period = (await core.call('metrics.dashboard', {})) as { period: { label: string } };
    console.log(`workspace: ${file}`);
    console.log(`period: ${period.period.label}; ${args.rounds} cold recomputes in the core worker, probes on the host thread\n`);

    // Idle reference first: the same probes with the worker doing nothing. One contract call over HTTP
    // before any measuring, so the host's call path is compiled.
    await request(server.port, 'POST', '/api/call/metrics.settings.get', server.token, '{}');
    // And one cold recompute, untimed: on the first, V8 compiles the engine's hot code on its compiler
    // threads, which on 2 cores starved the host thread once for 50–80 ms (a one-off after each start).
    untracked.run();
    await core.call('metrics.dashboard', {});
    const idleHttp: number[] = [];
    for (let i = 0; i < 30; i++) idleHttp.push(await request(server.port, 'GET', '/', server.token));

    const lags: number[] = [];
    let last = performance.now();
    const ticker = setInterval(() => {
      const now = performance.now();
      lags.push(now - last - 5);
      last = now;
    }, 5);
    const httpLatencies: number[] = [];
    const recomputes: number[] = [];
    const queuedCalls: number[] = [];
    const writes: number[] = [];
    let busy = true;
    const httpProbe = (async () => {
      while (busy) {
        httpLatencies.push(await request(server.port, 'GET', '/', server.token));
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    for (let round = 0; round < args.rounds; round++) {
      const writeStarted = performance.now();
      untracked.run();
      writes.push(performance.now() - writeStarted);
      const started = performance.now();
      const dashboard = core.call('metrics.dashboard', {});
      // Sent just after the dashboard: it waits in the core's queue for the recompute to finish.
      await new Promise((resolve) => setTimeout(resolve, 5));
      const queued = request(server.port, 'POST', '/api/call/metrics.settings.get', server.token, '{}');
      await dashboard;
      recomputes.push(performance.now() - started);
      queuedCalls.push(await queued);
    }
    busy = false;
    await httpProbe;
    clearInterval(ticker);

    console.log(`dashboard recompute in the worker (cold):   ${summary(recomputes)}`);
    console.log(`host event-loop lag during recomputes:       ${summary(lags)}`);
    console.log(`  (of which the bench's own write, to empty the memo: ${summary(writes)})`);
    console.log(`HTTP GET / to browser mode, idle:            ${summary(idleHttp)}`);
    console.log(`HTTP GET / to browser mode, during recompute: ${summary(httpLatencies)}`);
    console.log(`a contract call queued behind a recompute:   ${summary(queuedCalls)}  (core calls are serial: it waits its turn)`);
  } finally {
    outside.close();
    await server.close();
    await core.close();
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exitCode = 1;
});
