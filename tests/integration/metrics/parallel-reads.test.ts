/**
 * The metrics reader thread (main/metrics/engine/metrics-reader.ts, parallel-reads.ts): a cold
 * dashboard's ARR, last-touch, follow-up, year-earlier, citation and trend reads run on a second core,
 * and the dashboard is the one the core computes alone, whichever reads the core takes back. A result read from another snapshot than the memo's is never used, a
 * reader that dies leaves the core reading itself, and the thread's connection to a workspace closes
 * before the core's (the last connection folds the log into the file).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../main/core/core';
import { pinClock } from '../../../main/db/clock';
import { computeDashboard } from '../../../main/metrics/engine/dashboard';
import { MetricsReader } from '../../../main/metrics/engine/metrics-reader';
import { inParallel, type ParallelRead, type ParallelReader, type ParallelResult } from '../../../main/metrics/engine/parallel-reads';
import { clearQueryCache, queryCache } from '../../../main/metrics/engine/query-cache';
import { arrColumns } from '../../../main/metrics/engine/sql-accounts';
import type { MetricsDashboard } from '../../../shared/contract/metrics';
import { buildMetricsReaderWorker } from '../../helpers/bundle-worker';
import { tempDir } from '../../helpers/temp-dir';

const TODAY = '2026-11-23';
/** What a cold dashboard without filters asks the reader for. */
const READ_KINDS = ['arr-columns', 'citations', 'contact-facts', 'last-touches', 'loop-times', 'trend-counts'];
let workerFile: string;
beforeAll(async () => {
  workerFile = await buildMetricsReaderWorker();
});

const opened: Core[] = [];
afterEach(async () => {
  for (const core of opened.splice(0)) await core.close();
  pinClock(null);
});

async function demoCore(metricsReaderWorkerFile?: string): Promise<{ core: Core; file: string }> {
  pinClock(new Date(`${TODAY}T12:00:00.000Z`));
  const dataDir = tempDir('ax-parallel-reads-');
  const file = path.join(dataDir, 'demo.axw');
  const core = await createCore({ dataDir, workspacePath: file, demoOnFirstStart: false, metricsReaderWorkerFile });
  opened.push(core);
  return { core, file };
}

/**
 * The reader of `core`, recording what it was asked and what it answered. Without work sharing, so
 * that the thread answers every read (with it, the core takes back what the thread has not started).
 */
function recording(core: Core, file: string, shareWork = false): { reader: ParallelReader; asked: ParallelRead['kind'][]; answered: number } {
  const inner = core.metricsReader!.forFile(file, shareWork);
  const log = { asked: [] as ParallelRead['kind'][], answered: 0 };
  return {
    ...log,
    get asked() {
      return log.asked;
    },
    get answered() {
      return log.answered;
    },
    reader: {
      async read(read) {
        log.asked.push(read.kind);
        const result = await inner.read(read);
        if (result) log.answered += 1;
        return result;
      },
    },
  };
}

async function dashboardAlone(core: Core): Promise<MetricsDashboard> {
  const db = core.workspaces.db();
  clearQueryCache(db);
  return computeDashboard(db, await queryCache(db), {}, TODAY);
}

describe('the metrics reader thread', () => {
  it('reads ARR, last touch, follow-ups, the year-earlier quarter, citations and trend counts of a cold dashboard on its thread, and the dashboard is the core’s own', async () => {
    const { core, file } = await demoCore(workerFile);
    await core.call('workspace.create', { name: 'Parallel demo', withDemoData: true });
    const current = core.workspaces.currentPath()!;
    expect(core.metricsReader?.available).toBe(true);
    const db = core.workspaces.db();

    const alone = await dashboardAlone(core);
    clearQueryCache(db);
    const log = recording(core, current);
    const withReader = await computeDashboard(db, await queryCache(db, { reader: log.reader }), {}, TODAY);

    expect([...new Set(log.asked)].sort()).toEqual(READ_KINDS);
    // One trend read per earlier quarter of the trend.
    expect(log.asked.filter((kind) => kind === 'trend-counts')).toHaveLength(withReader.npsTrend.length - 1);
    expect(log.answered).toBe(log.asked.length);
    expect(withReader.headline.nps.value).not.toBeNull();
    expect(withReader).toEqual(alone);
    expect(file).not.toBe(current);
  });

  it('with work sharing, the reads the thread has not started when the core is idle are the core’s, and the dashboard is the same', async () => {
    const { core } = await demoCore(workerFile);
    await core.call('workspace.create', { name: 'Parallel demo', withDemoData: true });
    const db = core.workspaces.db();
    const alone = await dashboardAlone(core);
    for (let run = 0; run < 3; run++) {
      clearQueryCache(db);
      const log = recording(core, core.workspaces.currentPath()!, true);
      expect(await computeDashboard(db, await queryCache(db, { reader: log.reader }), {}, TODAY)).toEqual(alone);
      expect([...new Set(log.asked)].sort()).toEqual(READ_KINDS);
      expect(log.answered).toBeLessThanOrEqual(log.asked.length);
    }
  });

  it('the dashboard over the API goes through the thread when the core has one, with the same numbers', async () => {
    const { core } = await demoCore(workerFile);
    await core.call('workspace.create', { name: 'Parallel demo', withDemoData: true });
    const reader = core.metricsReader!;
    const forFile = reader.forFile.bind(reader);
    const asked: string[] = [];
    reader.forFile = (file) => {
      const inner = forFile(file);
      return { read: (read) => (asked.push(`${read.kind} ${path.basename(file)}`), inner.read(read)) };
    };
    const viaApi = (await core.call('metrics.dashboard', {})) as MetricsDashboard;
    const name = path.basename(core.workspaces.currentPath()!);
    expect([...new Set(asked)].sort()).toEqual(READ_KINDS.map((kind) => `${kind} ${name}`));
    expect(viaApi).toEqual(await dashboardAlone(core));
  });

  it('does not use a result read from another snapshot: a write not yet committed by the core is one', async () => {
    const { core } = await demoCore(workerFile);
    await core.call('workspace.create', { name: 'Parallel demo', withDemoData: true });
    const { raw, db } = core.workspaces.opened()!.file;
    const days = ['2026-06-30', '2026-09-30'];
    const committed = await arrColumns(db, days);
    // The summaries' dirty queue folded in now: the memo refreshes it in a transaction of its own.
    await queryCache(db);

    raw.exec('BEGIN');
    try {
      raw.prepare(`UPDATE arr_records SET arr_minor = arr_minor + 100 WHERE deleted_at IS NULL`).run();
      clearQueryCache(db);
      const cache = await queryCache(db, { reader: core.metricsReader!.forFile(core.workspaces.currentPath()!, false) });
      let localRuns = 0;
      const columns = await inParallel(cache, { kind: 'arr-columns', days }, ['accounts', 'arr'], () => {
        localRuns += 1;
        return arrColumns(db, days);
      });
      // The thread still sees the committed ARR; the core's own read sees its write.
      expect(localRuns).toBe(1);
      const before = committed.get('2026-09-30')!;
      const after = columns.get('2026-09-30')!;
      const changed = before.findIndex((arr) => arr > 0);
      expect(changed).toBeGreaterThanOrEqual(0);
      expect(after[changed]).toBe(before[changed]! + 100);
    } finally {
      raw.exec('ROLLBACK');
    }
  });

  it('falls back to the core’s own read when the reader answers nothing or from other counters', async () => {
    const { core } = await demoCore();
    await core.call('workspace.create', { name: 'Parallel demo', withDemoData: true });
    const db = core.workspaces.db();
    const read: ParallelRead = { kind: 'last-touches', day: '2026-09-30' };
    const answers: (ParallelResult | null)[] = [];
    const fake: ParallelReader = { read: async () => answers.shift() ?? null };
    const cache = await queryCache(db, { reader: fake });
    const local = async () => ['local'];

    answers.push(null);
    expect(await inParallel(cache, read, ['accounts', 'touch'], local)).toEqual(['local']);
    answers.push({ counters: { ...cache.counters, touch: cache.counters.touch + 1 }, value: ['elsewhere'] });
    expect(await inParallel(cache, read, ['accounts', 'touch'], local)).toEqual(['local']);
    // A group the read does not depend on may have moved.
    answers.push({ counters: { ...cache.counters, responses: cache.counters.responses + 1 }, value: ['thread'] });
    expect(await inParallel(cache, read, ['accounts', 'touch'], local)).toEqual(['thread']);
  });

  it('a reader thread that dies leaves every read to the core, and the dashboard still comes', async () => {
    const broken = path.join(tempDir('ax-broken-reader-'), 'reader.cjs');
    fs.writeFileSync(broken, `throw new Error('the reader could not load');`);
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args.join(' '));
    try {
      const { core } = await demoCore(broken);
      await core.call('workspace.create', { name: 'Parallel demo', withDemoData: true });
      const dashboard = (await core.call('metrics.dashboard', {})) as MetricsDashboard;
      expect(dashboard).toEqual(await dashboardAlone(core));
      expect(core.metricsReader?.available).toBe(false);
      expect(String(errors[0])).toMatch(/metrics reader thread failed.*could not load/);
    } finally {
      console.error = original;
    }
  });

  it('closes its connection to a workspace before the core’s, so the log is folded into the file', async () => {
    const { core } = await demoCore(workerFile);
    await core.call('workspace.create', { name: 'First', withDemoData: true });
    const first = core.workspaces.currentPath()!;
    await core.call('metrics.dashboard', {});
    expect(fs.existsSync(`${first}-wal`)).toBe(true);

    await core.call('workspace.create', { name: 'Second', withDemoData: true });
    const second = core.workspaces.currentPath()!;
    await core.call('metrics.dashboard', {});
    // Switching closed the first file: no connection is left to it, the thread's included.
    expect(fs.existsSync(`${first}-wal`)).toBe(false);

    // The thread reads the new workspace, not the old one.
    const log = recording(core, second);
    const db = core.workspaces.db();
    clearQueryCache(db);
    await computeDashboard(db, await queryCache(db, { reader: log.reader }), {}, TODAY);
    expect(log.answered).toBe(log.asked.length);
    expect(log.answered).toBeGreaterThan(0);

    await core.close();
    opened.splice(opened.indexOf(core), 1);
    expect(fs.existsSync(`${second}-wal`)).toBe(false);
  });

  it('starts only from a worker file that exists', () => {
    expect(MetricsReader.start(undefined)).toBeNull();
    expect(MetricsReader.start('/nonexistent/metrics-reader-worker.cjs')).toBeNull();
  });
});
