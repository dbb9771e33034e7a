import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../main/db/open-database';
import type { OpenedDatabase } from '../../../main/db/open-database';
import { DEMO_OPTIONS, populateDemoWorkspace } from '../../../main/demo/demo-workspace';
import { generateWorkspaceData } from '../../../main/demo/generate-workspace-data';
import type { GenerateSummary } from '../../../main/demo/generate-workspace-data';
import { UUID_PATTERN } from '../../../shared/domain/ids';
import { tempDir } from '../../helpers/temp-dir';

const TODAY = '2026-11-23';
const DAY = 86_400_000;

const GENERATED_TABLES = [
  'drivers',
  'journeys',
  'journey_stages',
  'touchpoints',
  'accounts',
  'arr_records',
  'contacts',
  'interviews',
  'driver_ratings',
  'qbrs',
  'qbr_notes',
  'milestones',
  'actions',
] as const;

async function demoWorkspace(dir: string, name: string): Promise<{ opened: OpenedDatabase; summary: GenerateSummary }> {
  const opened = await openDatabase(path.join(dir, name), { create: true, dataDir: dir });
  return { opened, summary: populateDemoWorkspace(opened.raw, TODAY) };
}

function contentHash(raw: BetterSqlite3.Database): string {
  const hash = crypto.createHash('sha256');
  for (const table of GENERATED_TABLES) {
    hash.update(table);
    for (const row of raw.prepare(`SELECT * FROM ${table} ORDER BY id`).iterate()) hash.update(JSON.stringify(row));
  }
  return hash.digest('hex');
}

function count(raw: BetterSqlite3.Database, sql: string, ...params: unknown[]): number {
  return (raw.prepare(sql).pluck().get(...params) as number) ?? 0;
}

describe('demo workspace generator', () => {
  let dir: string;
  let opened: OpenedDatabase;
  let summary: GenerateSummary;
  let raw: BetterSqlite3.Database;

  beforeAll(async () => {
    dir = tempDir('ax-demo-');
    ({ opened, summary } = await demoWorkspace(dir, 'demo.axw'));
    raw = opened.raw;
  });

  afterAll(async () => {
    await opened?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('produces the demo size, and the summary matches what is in the file', () => {
    expect(summary.accounts).toBe(DEMO_OPTIONS.accounts);
    expect(summary.contacts).toBeGreaterThanOrEqual(300 * 0.85);
    expect(summary.contacts).toBeLessThanOrEqual(300 * 1.15);
    expect(summary.interviews).toBeGreaterThanOrEqual(900 * 0.9);
    expect(summary.interviews).toBeLessThanOrEqual(900 * 1.1);
    for (const table of GENERATED_TABLES) expect(count(raw, `SELECT count(*) FROM ${table}`), table).toBe(summary[table]);
    expect(summary.qbrs).toBeGreaterThan(0);
    expect(summary.qbr_notes).toBeGreaterThanOrEqual(2 * summary.qbrs);
    expect(summary.milestones).toBeGreaterThan(0);
    expect(count(raw, `SELECT count(DISTINCT account_id) FROM qbrs`)).toBeGreaterThanOrEqual(15);
    // The settings row belongs to whoever creates the workspace, not to the generator.
    expect(count(raw, `SELECT count(*) FROM workspace_settings`)).toBe(0);
  });

  it('has eight quarter ends of ARR history with expansion, contraction and churn', () => {
    const dates = raw.prepare(`SELECT DISTINCT effective_date FROM arr_records ORDER BY 1`).pluck().all() as string[];
    expect(dates).toEqual(['2024-12-31', '2025-03-31', '2025-06-30', '2025-09-30', '2025-12-31', '2026-03-31', '2026-06-30', '2026-09-30']);
    const kinds = new Set(raw.prepare(`SELECT DISTINCT kind FROM arr_records`).pluck().all() as string[]);
    for (const kind of ['new', 'renewal', 'expansion', 'contraction', 'churn']) expect(kinds, kind).toContain(kind);
    expect(count(raw, `SELECT count(*) FROM arr_records WHERE kind = 'churn' AND arr_minor <> 0`)).toBe(0);
    // Nothing is recorded for an account after it churned.
    expect(
      count(raw, `SELECT count(*) FROM arr_records r JOIN arr_records c ON c.account_id = r.account_id AND c.kind = 'churn' WHERE r.effective_date > c.effective_date`),
    ).toBe(0);
  });

  it('uses UUIDv7 ids everywhere', () => {
    for (const table of GENERATED_TABLES) {
      const ids = raw.prepare(`SELECT id FROM ${table}`).pluck().all() as string[];
      const bad = ids.filter((id) => !UUID_PATTERN.test(id));
      expect(bad, table).toEqual([]);
    }
  });

  it('stores money as whole minor units, rounded to hundreds of dollars', () => {
    expect(raw.prepare(`SELECT DISTINCT typeof(arr_minor) FROM arr_records`).pluck().all()).toEqual(['integer']);
    expect(count(raw, `SELECT count(*) FROM arr_records WHERE arr_minor % 10000 <> 0`)).toBe(0);
  });

  it('keeps every foreign key', () => {
    expect(raw.pragma('foreign_key_check')).toEqual([]);
  });

  it('has detractors, passives and promoters in every quarter', () => {
    const rows = raw
      .prepare(
        `SELECT substr(interviewed_at, 1, 4) || '-Q' || ((CAST(substr(interviewed_at, 6, 2) AS INTEGER) + 2) / 3) AS quarter,
                sum(nps <= 6) AS d, sum(nps BETWEEN 7 AND 8) AS pa, sum(nps >= 9) AS p
         FROM interviews GROUP BY quarter ORDER BY quarter`,
      )
      .all() as { quarter: string; d: number; pa: number; p: number }[];
    expect(rows.map((r) => r.quarter)).toEqual(['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    for (const row of rows) {
      expect(row.d, row.quarter).toBeGreaterThan(0);
      expect(row.pa, row.quarter).toBeGreaterThan(0);
      expect(row.p, row.quarter).toBeGreaterThan(0);
    }
  });

  it('dates nothing on or after today', () => {
    expect(count(raw, `SELECT count(*) FROM interviews WHERE interviewed_at >= ? OR created_at >= ?`, TODAY, TODAY)).toBe(0);
    for (const table of GENERATED_TABLES) expect(count(raw, `SELECT count(*) FROM ${table} WHERE created_at >= ? OR updated_at >= ?`, TODAY, TODAY), table).toBe(0);
  });

  it('opens a follow-up for every recent detractor, due after 48 hours and 14 days', () => {
    const since = new Date(Date.parse(`${TODAY}T00:00:00Z`) - 90 * DAY).toISOString();
    const detractors = raw
      .prepare(`SELECT id, interviewed_at FROM interviews WHERE nps <= 6 AND interviewed_at >= ?`)
      .all(since) as { id: string; interviewed_at: string }[];
    expect(detractors.length).toBeGreaterThan(0);
    const byInterview = new Map(
      (raw.prepare(`SELECT * FROM actions WHERE kind = 'follow_up'`).all() as Record<string, string | null>[]).map((a) => [a.interview_id, a]),
    );
    for (const interview of detractors) {
      const action = byInterview.get(interview.id);
      expect(action, interview.id).toBeDefined();
      const opened = Date.parse(action!.opened_at!);
      expect(action!.opened_at).toBe(interview.interviewed_at);
      expect(Date.parse(action!.first_contact_due_at!) - opened).toBe(48 * 3_600_000);
      expect(Date.parse(action!.close_due_at!) - opened).toBe(14 * DAY);
    }
    const statuses = new Set([...byInterview.values()].map((a) => a.status));
    expect(statuses).toEqual(new Set(['open', 'contacted', 'closed']));
    expect(count(raw, `SELECT count(*) FROM actions WHERE status = 'closed' AND (closed_at IS NULL OR contacted_at IS NULL OR outcome IS NULL)`)).toBe(0);
    expect(count(raw, `SELECT count(*) FROM actions WHERE status = 'open' AND (contacted_at IS NOT NULL OR closed_at IS NOT NULL)`)).toBe(0);
  });

  it('has no interviews after an account churned, and churned accounts were unhappier', () => {
    expect(
      count(raw, `SELECT count(*) FROM interviews i JOIN arr_records c ON c.account_id = i.account_id AND c.kind = 'churn' WHERE i.interviewed_at >= c.effective_date`),
    ).toBe(0);
    const mean = (churned: boolean): number =>
      raw
        .prepare(
          `SELECT avg(nps) FROM interviews WHERE account_id ${churned ? '' : 'NOT'} IN (SELECT account_id FROM arr_records WHERE kind = 'churn')`,
        )
        .pluck()
        .get() as number;
    expect(mean(true)).toBeLessThan(mean(false));
  });

  it('gives contacts consistent roles, levels and titles', () => {
    const perAccount = raw
      .prepare(`SELECT a.id, (SELECT count(*) FROM contacts c WHERE c.account_id = a.id AND c.role = 'decision_maker') AS dm FROM accounts a`)
      .all() as { dm: number }[];
    expect(perAccount.every((r) => r.dm <= 2)).toBe(true);
    expect(perAccount.filter((r) => r.dm >= 1).length).toBeGreaterThan(perAccount.length * 0.8);
    const nullRoles = count(raw, `SELECT count(*) FROM contacts WHERE role IS NULL`);
    expect(nullRoles).toBeGreaterThan(0);
    expect(nullRoles).toBeLessThan(summary.contacts * 0.15);
    expect(count(raw, `SELECT count(*) FROM contacts WHERE email NOT LIKE '%_.%_@%_.%_'`)).toBe(0);
  });

  it('gives the same workspace for the same seed', async () => {
    const second = await demoWorkspace(dir, 'again.axw');
    try {
      expect(contentHash(second.opened.raw)).toBe(contentHash(raw));
    } finally {
      await second.opened.close();
    }
  });

  it('at bulk size, leaves the schema and connection as it found them, and every foreign key holds', async () => {
    const bulk = await openDatabase(path.join(dir, 'bulk.axw'), { create: true, dataDir: dir });
    try {
      const schema = (): unknown[] => bulk.raw.prepare(`SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name`).all();
      const before = schema();
      const cacheBefore = bulk.raw.pragma('cache_size', { simple: true });
      let rebuilds = 0;
      const result = generateWorkspaceData(bulk.raw, {
        seed: 3,
        accounts: 400,
        contactsPerAccount: 6,
        responses: 50_000,
        quarters: 8,
        today: TODAY,
        rebuildDerived: () => rebuilds++,
      });
      expect(result.interviews).toBe(50_000);
      expect(schema()).toEqual(before);
      expect(rebuilds).toBe(1);
      expect(bulk.raw.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(bulk.raw.pragma('cache_size', { simple: true })).toBe(cacheBefore);
      expect(bulk.raw.pragma('foreign_key_check')).toEqual([]);
    } finally {
      await bulk.close();
    }
  });

  it('gives a different workspace for another seed', async () => {
    const other = await openDatabase(path.join(dir, 'other.axw'), { create: true, dataDir: dir });
    try {
      generateWorkspaceData(other.raw, { ...DEMO_OPTIONS, seed: DEMO_OPTIONS.seed + 1, today: TODAY });
      expect(contentHash(other.raw)).not.toBe(contentHash(raw));
    } finally {
      await other.close();
    }
  });
});
