/**
 * withMetricMarksDeferred: a big import (and its undo) writes with the metric summaries' per-row
 * triggers suspended and marks the touched months in one statement. Afterwards the summaries must be
 * exactly what a from-scratch computation gives, and the dashboard read from them must equal the one
 * computed by live passes, after the import, after a re-import that changes scores and dates, and after
 * undoing both. A failure inside the deferred load must leave the triggers as they were.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { computeDashboard } from '../../../main/metrics/engine/dashboard';
import { clearQueryCache, queryCache } from '../../../main/metrics/engine/query-cache';
import { rebuildMetricSummaries, refreshMetricSummaries, withMetricMarksDeferred } from '../../../main/metrics/engine/summaries';
import { BULK_ROWS } from '../../../main/workbook/pipeline/commit';
import type { MetricsPeriodInput } from '../../../shared/contract/metrics';
import { tempDir } from '../../helpers/temp-dir';
import { WorkbookClient } from '../workbook/workbook-client';
import { TODAY, Workspace } from './fixture';
import { rolledBack } from '../../helpers/rolled-back';

let ws: Workspace | null = null;
afterEach(async () => {
  await ws?.close();
  ws = null;
});

const PERIODS: (MetricsPeriodInput | undefined)[] = [
  undefined,
  { kind: 'quarter', year: 2026, quarter: 2 },
  { kind: 'custom', from: '2026-05-01', to: '2026-07-31' },
  { kind: 'trailing12', endDate: '2026-09-30' },
];

const triggerNames = (w: Workspace) =>
  w.raw.prepare(`SELECT name FROM sqlite_schema WHERE type = 'trigger' AND name LIKE '%metrics%' ORDER BY name`).pluck().all() as string[];

function summaryRows(w: Workspace): unknown[] {
  return w.raw.prepare(`SELECT * FROM metric_account_windows ORDER BY first_month, account_id`).all();
}

/** What a full rebuild from the responses gives right now (rolled back afterwards). */
function rebuiltRows(w: Workspace): unknown[] {
  return rolledBack(w.raw, () => {
    rebuildMetricSummaries(w.raw);
    return summaryRows(w);
  });
}

async function expectSummariesExact(w: Workspace): Promise<void> {
  const db = w.core.workspaces.db();
  await refreshMetricSummaries(db);
  expect(w.raw.prepare('SELECT count(*) FROM metric_dirty_months').pluck().get()).toBe(0);
  expect(summaryRows(w)).toEqual(rebuiltRows(w));
  clearQueryCache(db, { summaries: false });
  for (const period of PERIODS) {
    const request = period ? { period } : {};
    const fromSummaries = await computeDashboard(db, await queryCache(db), request, TODAY);
    const fromScratch = await computeDashboard(db, await queryCache(db, { summaries: false }), request, TODAY);
    expect(fromSummaries, JSON.stringify(period)).toEqual(fromScratch);
  }
}

const ROWS = BULK_ROWS + 500;
const MONTHS = ['2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09'];

/** A responses CSV big enough to take the deferred path; `shift` changes scores and dates of every third row. */
function responsesCsv(dir: string, name: string, shift: number): string {
  const lines = ['Response ID,Recorded Date,Company,Contact,Email,Role,NPS,Driver: Onboarding'];
  const roles = ['Decision maker', 'Influencer', 'User'];
  for (let i = 0; i < ROWS; i++) {
    const changed = shift > 0 && i % 3 === 0;
    const month = MONTHS[(i + (changed ? shift : 0)) % MONTHS.length]!;
    const person = i % 400;
    const company = person % 12;
    lines.push(`R_${i},${month}-${String(1 + (i % 28)).padStart(2, '0')},Company ${company},Person ${person},person${person}@c${company}.com,${roles[person % 3]},${(i + (changed ? shift : 0)) % 11},${1 + (i % 5)}`);
  }
  const file = path.join(dir, name);
  fs.writeFileSync(file, lines.join('\n'));
  return file;
}

async function importFile(client: WorkbookClient, file: string) {
  const { preview, inspect } = await client.importPreview(file);
  expect(preview.rows.rejected).toBe(0);
  const result = await client.call('workbook.commit', { sessionId: inspect.sessionId });
  expect(result.import).not.toBeNull();
  return result.import!.id;
}

describe('metric marks deferred during big imports', () => {
  it('an import, a re-import that changes scores and dates, and their undos leave the summaries exact', async () => {
    ws = await Workspace.create();
    const w = ws;
    const triggers = triggerNames(w);
    expect(triggers.length).toBeGreaterThan(0);
    // Existing responses in the same accounts and months, so the marks must merge with what is there.
    w.batch(() => {
      const account = w.account({ name: 'Company 3' });
      for (let m = 0; m < MONTHS.length; m++) w.interview(account, w.contact(account, 'user'), `${MONTHS[m]}-15`, m % 11);
    });
    await expectSummariesExact(w);
    const dir = tempDir('ax-deferred-marks-');
    const client = new WorkbookClient(w.core);

    const first = await importFile(client, responsesCsv(dir, 'first.csv', 0));
    expect(w.raw.prepare('SELECT count(*) FROM interviews').pluck().get()).toBe(ROWS + MONTHS.length);
    expect(triggerNames(w)).toEqual(triggers);
    await expectSummariesExact(w);

    const second = await importFile(client, responsesCsv(dir, 'second.csv', 2));
    expect(triggerNames(w)).toEqual(triggers);
    await expectSummariesExact(w);

    await client.call('workbook.undo', { importId: second });
    expect(triggerNames(w)).toEqual(triggers);
    await expectSummariesExact(w);

    await client.call('workbook.undo', { importId: first });
    expect(w.raw.prepare('SELECT count(*) FROM interviews').pluck().get()).toBe(MONTHS.length);
    expect(triggerNames(w)).toEqual(triggers);
    await expectSummariesExact(w);
    fs.rmSync(dir, { recursive: true, force: true });
  }, 120_000);

  it('marks before and after the load, moves every memo counter, and restores the triggers when the load fails', async () => {
    ws = await Workspace.create();
    const w = ws;
    const triggers = triggerNames(w);
    const account = w.account({ name: 'Acme' });
    const moved = w.interview(account, null, '2026-02-10', 9);
    await refreshMetricSummaries(w.core.workspaces.db());
    const counters = () => w.raw.prepare('SELECT name, n FROM metric_change_counters ORDER BY name').all() as { name: string; n: number }[];
    const before = counters();
    const mark = `INSERT OR IGNORE INTO metric_dirty_months (account_id, month)
      SELECT account_id, CAST(substr(interviewed_at, 1, 4) AS INTEGER) * 12 + CAST(substr(interviewed_at, 6, 2) AS INTEGER) - 1 FROM interviews WHERE id = ?`;
    w.batch(() =>
      withMetricMarksDeferred(w.raw, () => {
        expect(triggerNames(w).filter((n) => /_metrics_(summary|memo|touch)_/.test(n))).toEqual([]);
        w.raw.prepare(`UPDATE interviews SET interviewed_at = '2026-08-10T10:00:00.000Z' WHERE id = ?`).run(moved);
      }, mark, [moved]),
    );
    // The old month (February) and the new one (August) are both queued.
    expect(w.raw.prepare('SELECT month FROM metric_dirty_months ORDER BY month').pluck().all()).toEqual([2026 * 12 + 1, 2026 * 12 + 7]);
    for (const [i, c] of counters().entries()) expect(c.n).toBeGreaterThan(before[i]!.n);
    expect(triggerNames(w)).toEqual(triggers);
    await expectSummariesExact(w);

    expect(() =>
      w.batch(() =>
        withMetricMarksDeferred(w.raw, () => {
          w.interview(account, null, '2026-09-10', 3);
          throw new Error('load failed');
        }, mark, ['none']),
      ),
    ).toThrow('load failed');
    expect(triggerNames(w)).toEqual(triggers);
    expect(w.raw.prepare('SELECT count(*) FROM interviews').pluck().get()).toBe(1);
    expect(() => withMetricMarksDeferred(w.raw, () => 0, mark, [moved])).toThrow(/inside a transaction/);
  });
});
