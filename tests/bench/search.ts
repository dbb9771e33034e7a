/**
 * Full-text search on the large workspace (10k accounts, 1M responses):
 *  1. opening it through the core, which applies migration 003 (online backup + search backfill) when the
 *     file predates it, and the backfill alone (documents + FTS rebuild, in a transaction rolled back);
 *  2. search.query through the core: median and p90 of 20 runs for a few phrases and filters;
 *  3. a baseline: the same texts scanned with LIKE '%phrase%' (newest 50 matches), for the ratio.
 *
 *   npx tsx tests/bench/search.ts
 */
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { createCore } from '../../main/core/core';
import { LATEST_SCHEMA_VERSION } from '../../main/db/migrations';
import { rebuildSearchIndex } from '../../main/search/bulk-load';
import type { SearchResult } from '../../shared/contract';
import { ensureLargeWorkspace } from './generate-large';

const RUNS = 20;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
}

async function timed<T>(fn: () => Promise<T> | T): Promise<[number, T]> {
  const start = performance.now();
  const result = await fn();
  return [performance.now() - start, result];
}

async function main(): Promise<void> {
  const file = await ensureLargeWorkspace();
  const probe = new BetterSqlite3(file, { readonly: true });
  const versionBefore = probe.pragma('user_version', { simple: true }) as number;
  probe.close();

  // Beside the file, as generate-large.ts does: the daily backup at open is then taken once, not every run.
  const dataDir = path.join(path.dirname(file), 'data');
  const [openMs, core] = await timed(() => createCore({ dataDir, workspacePath: file }));
  const raw = core.workspaces.opened()!.file.raw;
  if (versionBefore < LATEST_SCHEMA_VERSION) {
    console.log(`open with migration v${versionBefore} → v${LATEST_SCHEMA_VERSION} (online backup + search backfill): ${(openMs / 1000).toFixed(1)} s`);
  } else {
    console.log(`open (already at v${versionBefore}, search index present): ${(openMs / 1000).toFixed(1)} s`);
  }

  const documents = (raw.prepare('SELECT count(*) AS n FROM search_documents').get() as { n: number }).n;
  raw.exec('BEGIN');
  const [backfillMs] = await timed(() => rebuildSearchIndex(raw));
  raw.exec('ROLLBACK');
  console.log(`search backfill alone (${documents} documents + FTS5 rebuild, rolled back): ${(backfillMs / 1000).toFixed(1)} s`);

  const top = raw.prepare(`SELECT account_id AS id FROM search_documents GROUP BY account_id ORDER BY count(*) DESC LIMIT 1`).get() as { id: string };
  const driver = raw.prepare(`SELECT id FROM drivers WHERE deleted_at IS NULL ORDER BY sort_order LIMIT 1`).get() as { id: string };
  const touchpoint = raw.prepare(`SELECT id FROM touchpoints WHERE deleted_at IS NULL ORDER BY position LIMIT 1`).get() as { id: string };
  const lastDay = (raw.prepare(`SELECT max(at) AS at FROM search_documents`).get() as { at: string }).at.slice(0, 10);
  const quarterAgo = new Date(Date.parse(`${lastDay}T00:00:00Z`) - 91 * 86_400_000).toISOString().slice(0, 10);

  const cases: { label: string; input: Record<string, unknown>; like: string | null }[] = [
    { label: 'one word: support', input: { text: 'support' }, like: 'support' },
    { label: 'two words: priority tickets', input: { text: 'priority tickets' }, like: 'priority tickets' },
    { label: 'quoted phrase: "data migration"', input: { text: '"data migration"' }, like: 'data migration' },
    { label: 'typing: onboarding drag', input: { text: 'onboarding drag' }, like: null },
    { label: 'very common word: the', input: { text: 'the' }, like: 'the' },
    { label: 'renewal + category detractor', input: { text: 'renewal', category: 'detractor' }, like: null },
    { label: 'support + biggest account', input: { text: 'support', accountId: top.id }, like: null },
    { label: 'support + last quarter', input: { text: 'support', from: quarterAgo, to: lastDay }, like: null },
    { label: 'support + driver', input: { text: 'support', driverId: driver.id }, like: null },
    { label: 'support + touchpoint', input: { text: 'support', touchpointId: touchpoint.id }, like: null },
    { label: 'the + driver + detractor', input: { text: 'the', driverId: driver.id, category: 'detractor' }, like: null },
  ];

  const like = raw.prepare(`
    SELECT * FROM (
      SELECT id, interviewed_at AS at FROM interviews WHERE deleted_at IS NULL AND verbatim LIKE @p
      UNION ALL SELECT id, interviewed_at FROM interviews WHERE deleted_at IS NULL AND notes LIKE @p
      UNION ALL SELECT n.id, q.held_on FROM qbr_notes n JOIN qbrs q ON q.id = n.qbr_id WHERE n.deleted_at IS NULL AND n.body LIKE @p
      UNION ALL SELECT id, coalesce(closed_at, opened_at) FROM actions WHERE deleted_at IS NULL AND outcome LIKE @p
    ) ORDER BY at DESC LIMIT 50`);

  console.log(`search.query through the core, ${RUNS} runs each (first run not counted):`);
  for (const c of cases) {
    const times: number[] = [];
    let last: SearchResult | null = null;
    for (let i = 0; i <= RUNS; i++) {
      const [ms, result] = await timed(() => core.call('search.query', c.input) as Promise<SearchResult>);
      if (i > 0) times.push(ms);
      last = result;
    }
    const median = percentile(times, 0.5);
    let baseline = '';
    if (c.like) {
      const likeTimes: number[] = [];
      for (let i = 0; i < 3; i++) likeTimes.push((await timed(() => like.all({ p: `%${c.like}%` })))[0]);
      const likeMedian = percentile(likeTimes, 0.5);
      baseline = `; LIKE scan ${likeMedian.toFixed(0)} ms (${(likeMedian / median).toFixed(0)}x slower)`;
    }
    const capped = last!.rankedNewest ? `, ranked newest ${last!.rankedNewest}` : '';
    console.log(
      `  ${c.label.padEnd(40)} median ${median.toFixed(1)} ms, p90 ${percentile(times, 0.9).toFixed(1)} ms; ${last!.hits.length} hits of ${last!.total}${capped}${baseline}`,
    );
  }
  await core.close();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
