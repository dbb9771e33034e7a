/**
 * How the dashboard reacts: periods, filters, empty windows (null, never a silent 0), tombstones,
 * provenance on every headline figure, trends, segments and the loop KPIs.
 */
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MetricsDashboard } from '../../../shared/contract/metrics';
import type { Figure } from '../../../shared/domain/metrics-types';
import { Q3_2026, units, Workspace } from './fixture';

let ws: Workspace;
beforeEach(async () => {
  ws = await Workspace.create();
});
afterEach(() => ws.close());

const dashboard = (input?: unknown) => ws.call<MetricsDashboard>('metrics.dashboard', input);

function twoTiers() {
  const smb = ws.account({ tier: 'SMB', region: 'EMEA' });
  ws.arr(smb, '2025-01-01', units(10_000));
  ws.responses(smb, '2026-08-01', [10, 9]);
  ws.responses(smb, '2026-05-01', [0]); // Q2
  const ent = ws.account({ tier: 'Enterprise', region: 'APAC' });
  ws.arr(ent, '2025-01-01', units(90_000));
  ws.responses(ent, '2026-08-01', [3], 'decision_maker');
  ws.responses(ent, '2026-05-01', [10], 'decision_maker'); // Q2
  return { smb, ent };
}

describe('periods', () => {
  it('defaults to the latest complete quarter, and changing the quarter changes the numbers', async () => {
    twoTiers();
    const latest = await dashboard();
    expect(latest.period).toMatchObject({ kind: 'quarter', label: '2026 Q3', from: '2026-07-01', to: '2026-09-30', partial: false });
    expect(latest.period.rule).toMatch(/default: the latest complete quarter/);
    expect(latest.headline.nps.value).toBeCloseTo(100 / 3, 9);
    const q2 = await dashboard({ period: { kind: 'quarter', year: 2026, quarter: 2 } });
    expect(q2.period.to).toBe('2026-06-30');
    expect(q2.headline.nps.value).toBe(0);
    expect(q2.headline.responses.value).toBe(2);
  });

  it('trailing twelve months and custom windows', async () => {
    twoTiers();
    const t12 = await dashboard({ period: { kind: 'trailing12', endDate: '2026-09-30' } });
    expect(t12.period).toMatchObject({ from: '2025-10-01', to: '2026-09-30' });
    expect(t12.headline.responses.value).toBe(5);
    const custom = await dashboard({ period: { kind: 'custom', from: '2026-04-15', to: '2026-05-01' } });
    expect(custom.headline.responses.value).toBe(2);
    await expect(dashboard({ period: { kind: 'custom', from: '2026-05-02', to: '2026-05-01' } })).rejects.toMatchObject({ code: 'invalid_input' });
  });

  it('quarters follow the fiscal-year start month', async () => {
    twoTiers();
    await ws.call('metrics.settings.update', { fiscalYearStartMonth: 4 });
    const d = await dashboard({ period: { kind: 'quarter', year: 2026, quarter: 2 } });
    expect(d.period).toMatchObject({ label: 'FY2026 Q2', from: '2026-07-01', to: '2026-09-30' });
    const latest = await dashboard();
    expect(latest.period.label).toBe('FY2026 Q2');
  });
});

describe('filters', () => {
  it('tier and region restrict every figure to the matching accounts', async () => {
    const { smb, ent } = twoTiers();
    const all = await dashboard({ period: Q3_2026 });
    expect(all.scope.accounts).toBe(2);
    const onlySmb = await dashboard({ period: Q3_2026, filters: { tier: 'SMB' } });
    expect(onlySmb.scope.accounts).toBe(1);
    expect(onlySmb.headline.nps.value).toBe(100);
    expect(onlySmb.headline.arrAtRisk.value).toBe(0);
    expect(onlySmb.headline.nps.accountIds).toEqual([smb]);
    const apac = await dashboard({ period: Q3_2026, filters: { region: 'APAC' } });
    expect(apac.headline.arrAtRisk.value).toBe(units(90_000));
    expect(apac.headline.arrAtRisk.accountIds).toEqual([ent]);
    expect(apac.npsTrend.at(-2)?.nps.value).toBe(100); // its Q2, through the trend's own query
  });

  it('a segment filter keeps the accounts the rules (or an override) put there', async () => {
    const { smb, ent } = twoTiers();
    const atRisk = await dashboard({ period: Q3_2026, filters: { riskZone: 'at-risk' } });
    expect(atRisk.headline.nps.accountIds).toEqual([ent]);
    const safe = await dashboard({ period: Q3_2026, filters: { riskZone: 'safe' } });
    expect(safe.headline.nps.accountIds).toEqual([smb]);
    const happy = await dashboard({ period: Q3_2026, filters: { segment: 'happy' } });
    expect(happy.headline.nps.accountIds).toEqual([smb]);
    ws.override(smb, 'msp', 'at-risk', 'champion left last week');
    const mspAtRisk = await dashboard({ period: Q3_2026, filters: { segment: 'at-risk' } });
    expect(mspAtRisk.scope.accounts).toBe(2);
    expect(mspAtRisk.headline.nps.accountIds).toEqual([smb, ent].sort());
    expect((await dashboard({ period: Q3_2026, filters: { segment: 'happy' } })).scope.accounts).toBe(0);
  });
});

describe('null, never a silent 0', () => {
  it('an empty window has no NPS, no interval, no portfolio or revenue-weighted NPS', async () => {
    twoTiers();
    const d = await dashboard({ period: { kind: 'quarter', year: 2025, quarter: 1 } });
    for (const f of [d.headline.nps, d.headline.portfolioNps, d.headline.revenueWeightedNps, d.valueOfOnePoint.model]) {
      expect(f.value).toBeNull();
      expect(f.nullReason).toBeTruthy();
    }
    expect(d.headline.interval95).toMatchObject({ low: null, high: null });
    expect(d.headline.responses.value).toBe(0);
    expect(d.headline.coverage.coverage.value).toBe(0); // ARR exists and none of it was heard from: a real 0
    expect(d.drivers.waterfall.nps.value).toBeNull();
  });

  it('an empty workspace: ratios over nothing are null', async () => {
    const d = await dashboard();
    expect(d.headline.nrr.value).toBeNull();
    expect(d.headline.grr.value).toBeNull();
    expect(d.headline.coverage.coverage.value).toBeNull();
    expect(d.headline.coverage.meetsTarget).toBeNull();
    expect(d.npsTrend).toHaveLength(8);
    expect(d.npsTrend.every((point) => point.nps.value === null)).toBe(true);
    expect(d.loop.overall.medianDaysToClose.value).toBeNull();
  });
});

describe('soft-deleted and draft rows never count', () => {
  it('deleted interviews, contacts, accounts, ARR records and drafts change nothing', async () => {
    twoTiers();
    const before = await dashboard({ period: Q3_2026 });
    const other = ws.account({ tier: 'SMB' });
    ws.arr(other, '2025-01-01', units(5_000));
    ws.responses(other, '2026-08-02', [0, 0]);
    ws.softDelete('accounts', other);
    const smb = before.headline.nps.accountIds![0]!;
    const [gone] = ws.responses(smb, '2026-08-03', [0]);
    ws.softDelete('interviews', gone!);
    const leaver = ws.contact(smb, 'decision_maker');
    ws.interview(smb, leaver, '2026-08-04', 0);
    ws.softDelete('contacts', leaver);
    ws.interview(smb, null, '2026-08-05', 0, { status: 'draft' });
    ws.softDelete('arr_records', ws.arr(smb, '2026-09-01', units(1)));
    const after = await dashboard({ period: Q3_2026 });
    expect(after.headline.nps).toEqual(before.headline.nps);
    expect(after.methodPanel).toEqual(before.methodPanel);
    expect(after.scope).toEqual(before.scope);
    expect(after.npsTrend).toEqual(before.npsTrend);
  });
});

describe('provenance', () => {
  it('every headline figure carries its formula, inputs and rule', async () => {
    twoTiers();
    const d = await dashboard({ period: Q3_2026 });
    const { coverage, interval95, ...figures } = d.headline;
    const all: [string, Figure][] = [...Object.entries(figures), ['coverage', coverage.coverage]];
    for (const [name, f] of all) {
      expect(f.formula, name).toMatch(/\S/);
      expect(Object.keys(f.inputs).length, name).toBeGreaterThan(0);
      expect(f.rule === null || typeof f.rule === 'string', name).toBe(true);
      expect(f.unit, name).toBeTruthy();
    }
    expect(interval95.formula).toMatch(/1\.96/);
    expect(d.headline.arrAtRisk.rule).toMatch(/detractor/);
    expect(d.headline.expectedLossShortTerm.notes?.join(' ')).toMatch(/model/);
    expect(d.settings.atRiskRule).toBe('detractor');
  });
});

describe('trends, silence, loop', () => {
  it('has 8 quarters ending with the period, the last one equal to the headline', async () => {
    twoTiers();
    const d = await dashboard({ period: Q3_2026 });
    expect(d.npsTrend.map((p) => p.period.label)).toEqual(['2024 Q4', '2025 Q1', '2025 Q2', '2025 Q3', '2025 Q4', '2026 Q1', '2026 Q2', '2026 Q3']);
    expect(d.npsTrend.at(-1)?.nps.value).toBe(d.headline.nps.value);
    expect(d.npsTrend.at(-2)).toMatchObject({ responses: 2, nps: { value: 0 } });
    expect(d.retentionTrend).toHaveLength(8);
  });

  it('counts silent accounts and their ARR, never-heard-from ones included', async () => {
    twoTiers();
    const quiet = ws.account({ createdAt: '2025-06-01T00:00:00.000Z' });
    ws.arr(quiet, '2025-06-01', units(7_000));
    const d = await dashboard({ period: Q3_2026 });
    expect(d.headline.silentAccounts.value).toBe(1);
    expect(d.headline.silentArr.value).toBe(units(7_000));
    expect(d.headline.silentAccounts.accountIds).toEqual([quiet]);
  });

  it('loop KPIs over the follow-ups opened in the period', async () => {
    const { ent } = twoTiers();
    ws.followUp(ent, '2026-08-01T10:00:00.000Z', '2026-08-02T09:00:00.000Z', '2026-08-05T10:00:00.000Z');
    ws.followUp(ent, '2026-08-10T10:00:00.000Z', '2026-08-14T10:00:00.000Z', null);
    ws.followUp(ent, '2026-05-10T10:00:00.000Z', null, null); // Q2
    const d = await dashboard({ period: Q3_2026 });
    expect(d.loop.overall.actions).toBe(2);
    expect(d.loop.overall.contactedWithinTarget.value).toBe(0.5);
    expect(d.loop.overall.medianDaysToClose.value).toBe(4);
    expect(d.loop.overall.overdue.value).toBe(1);
  });
});

describe('memoised aggregates never go stale', () => {
  it('any write, through this connection or another one, is seen by the next call', async () => {
    const { smb } = twoTiers();
    const first = await dashboard({ period: Q3_2026 });
    expect(first.headline.responses.value).toBe(3);
    ws.responses(smb, '2026-08-20', [0]);
    const second = await dashboard({ period: Q3_2026 });
    expect(second.headline.responses.value).toBe(4);
    const other = new BetterSqlite3(ws.core.workspaces.currentPath()!);
    other.prepare(`UPDATE interviews SET deleted_at = '2026-11-01T00:00:00.000Z' WHERE account_id = ? AND nps = 0`).run(smb);
    other.close();
    const third = await dashboard({ period: Q3_2026 });
    expect(third.headline.responses.value).toBe(3);
  });
});
