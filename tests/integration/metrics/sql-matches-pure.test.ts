/**
 * The SQL aggregation must give exactly what the pure functions give on the raw rows. A seeded
 * random workspace (ties, drafts, tombstones, anonymous responses, churned accounts, drivers) is
 * computed both ways: by the engine, and by reading every row into JS and calling the pure
 * functions directly.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountScoresFromResponses, accountNps, methodPanel, type WindowResponse } from '../../../main/metrics/account-nps';
import { revenueCoverage } from '../../../main/metrics/coverage';
import { parseCitations } from '../../../main/metrics/engine/driver-partials';
import { driverCitations } from '../../../main/metrics/engine/sql-driver-citations';
import { driverArrAtRisk, npsWaterfall } from '../../../main/metrics/drivers';
import { npsFromCounts, poolCounts } from '../../../main/metrics/nps';
import { isAccountAtRisk } from '../../../main/metrics/revenue-at-risk';
import type { MetricsDashboard } from '../../../shared/contract/metrics';
import { DEFAULT_METRIC_SETTINGS } from '../../../shared/domain/metrics-settings';
import type { StakeholderRole } from '../../../shared/domain/metrics-types';
import { Q3_2026, Workspace } from './fixture';

const WINDOW = { from: '2026-07-01', to: '2026-09-30' };
let ws: Workspace;

function rng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

beforeAll(async () => {
  ws = await Workspace.create();
  const random = rng(7);
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const pick = <T>(items: readonly T[]) => items[int(0, items.length - 1)]!;
  const day = (from: number, to: number) => new Date(Date.UTC(2026, 0, 1) + int(from, to) * 86_400_000).toISOString().slice(0, 10);
  ws.batch(() => {
    const drivers = ['Price', 'Support', 'Product', 'Onboarding', 'Billing'].map((name) => ws.driver(name));
    ws.softDelete('drivers', drivers[4]!);
    for (let a = 0; a < 60; a++) {
      const account = ws.account({ tier: pick(['SMB', 'Enterprise']) });
      ws.arr(account, '2025-01-01', int(1, 50) * 100_000);
      if (random() < 0.15) ws.arr(account, day(150, 260), 0, 'churn');
      if (random() < 0.2) ws.arr(account, day(150, 260), int(1, 80) * 100_000, 'expansion');
      if (random() < 0.1) ws.softDelete('arr_records', ws.arr(account, '2026-02-01', 123));
      const contacts = Array.from({ length: int(1, 5) }, () => ws.contact(account, pick(['decision_maker', 'influencer', 'user', null] as const)));
      if (random() < 0.3) {
        // A stakeholder removed from the account: their answers leave with them, driver ratings too.
        ws.softDelete('contacts', contacts[0]!);
        ws.rating(ws.interview(account, contacts[0]!, '2026-08-03T09:00:00.000Z', int(0, 10)), pick(drivers), int(1, 5));
      }
      for (let i = 0; i < int(0, 14); i++) {
        const contact = random() < 0.1 ? null : pick(contacts);
        // Few distinct instants, so the same contact often answers twice at the same time.
        const at = `${day(150, 290)}T${pick(['09', '14'])}:00:00.000Z`;
        const id = ws.interview(account, contact, at, random() < 0.1 ? null : int(0, 10), { status: random() < 0.1 ? 'draft' : 'complete' });
        if (random() < 0.05) ws.softDelete('interviews', id);
        const rated = new Set<string>();
        for (let r = 0; r < int(0, 3); r++) rated.add(pick(drivers));
        for (const driver of rated) ws.rating(id, driver, int(1, 5));
      }
      if (random() < 0.1) ws.softDelete('accounts', account);
    }
    ws.raw.prepare(`UPDATE driver_ratings SET deleted_at = created_at WHERE rowid % 17 = 0`).run();
  });
});
afterAll(() => ws.close());

interface Row {
  id: string;
  account_id: string;
  contact_id: string | null;
  interviewed_at: string;
  nps: number | null;
  status: string;
  deleted_at: string | null;
}

/** Everything from raw rows, filtered in JS: the reference the engine must match. */
function reference(tier?: string) {
  const raw = ws.raw;
  const accounts = (raw.prepare(`SELECT id, tier FROM accounts WHERE deleted_at IS NULL`).all() as { id: string; tier: string }[]).filter((a) => !tier || a.tier === tier);
  const contacts = new Map((raw.prepare(`SELECT id, role, deleted_at FROM contacts`).all() as { id: string; role: StakeholderRole | null; deleted_at: string | null }[]).map((c) => [c.id, c]));
  const arrRows = raw.prepare(`SELECT account_id, effective_date, arr_minor, created_at FROM arr_records WHERE deleted_at IS NULL ORDER BY effective_date, created_at`).all() as { account_id: string; effective_date: string; arr_minor: number }[];
  const arrAt = (account: string, dayIso: string) => arrRows.filter((r) => r.account_id === account && r.effective_date <= dayIso).at(-1)?.arr_minor ?? 0;
  const liveDrivers = new Set((raw.prepare(`SELECT id FROM drivers WHERE deleted_at IS NULL`).all() as { id: string }[]).map((d) => d.id));
  const ratings = raw.prepare(`SELECT interview_id, driver_id, rating FROM driver_ratings WHERE deleted_at IS NULL`).all() as { interview_id: string; driver_id: string; rating: number }[];
  const interviews = (raw.prepare(`SELECT id, account_id, contact_id, interviewed_at, nps, status, deleted_at FROM interviews ORDER BY interviewed_at, id`).all() as Row[]).filter(
    (i) =>
      i.deleted_at === null &&
      i.status === 'complete' &&
      i.nps !== null &&
      i.interviewed_at.slice(0, 10) >= WINDOW.from &&
      i.interviewed_at.slice(0, 10) <= WINDOW.to &&
      (i.contact_id === null || contacts.get(i.contact_id)?.deleted_at === null),
  );
  const settings = DEFAULT_METRIC_SETTINGS;
  const results = accounts.map((account) => {
    const mine = interviews.filter((i) => i.account_id === account.id);
    const responses: WindowResponse[] = mine.map((i) => ({
      contactId: i.contact_id ?? `interview:${i.id}`,
      role: i.contact_id ? (contacts.get(i.contact_id)?.role ?? null) : null,
      score: i.nps!,
      interviewDate: i.interviewed_at,
    }));
    const arr = arrAt(account.id, WINDOW.to);
    const nps = accountNps(accountScoresFromResponses(account.id, arr, responses, WINDOW), settings);
    const cited = mine.map((i) => ratings.filter((r) => r.interview_id === i.id && liveDrivers.has(r.driver_id)));
    const negative = [...new Set(cited.flat().filter((r) => r.rating <= 2).map((r) => r.driver_id))];
    return { account, arr, nps, mine, cited, negative };
  });
  const active = results.filter((r) => r.arr > 0);
  return {
    panel: methodPanel(results.map((r) => r.nps), settings),
    pooled: npsFromCounts(poolCounts(active.map((r) => r.nps.countAll.counts))),
    coverage: revenueCoverage(results.map((r) => ({ accountId: r.account.id, arr: r.arr, responded: r.nps.countAll.counts.total > 0 })), settings),
    waterfall: npsWaterfall(active.flatMap((r) => r.mine.map((i, k) => ({ score: i.nps!, driverIds: r.cited[k]!.map((c) => c.driver_id) })))),
    drivers: driverArrAtRisk(
      results.map((r) => ({
        accountId: r.account.id,
        arr: r.arr,
        atRisk: isAccountAtRisk({ accountId: r.account.id, category: r.nps.headline.category, countAllNps: r.nps.countAll.nps.value }, settings.atRiskRule).atRisk,
        negativeDriverIds: r.negative,
      })),
    ),
  };
}

function expectSame(d: MetricsDashboard, ref: ReturnType<typeof reference>) {
  for (const method of ['count-all', 'average', 'waterfall', 'weighted'] as const) {
    expect(d.methodPanel.portfolioNps[method].value, method).toBeCloseTo(ref.panel.portfolioNps[method].value!, 9);
  }
  for (const method of ['average', 'waterfall', 'weighted'] as const) {
    expect(d.methodPanel.revenueWeightedNps[method].value, method).toBeCloseTo(ref.panel.revenueWeightedNps[method].value!, 9);
  }
  expect(d.headline.nps.inputs).toEqual(ref.pooled.nps.inputs);
  expect(d.headline.interval95.low).toBeCloseTo(ref.pooled.interval95.low!, 9);
  expect(d.headline.coverage.coverage.value).toBeCloseTo(ref.coverage.coverage.value!, 12);
  for (const c of ref.waterfall.contributions) {
    const mine = d.drivers.waterfall.contributions.find((x) => x.driverId === c.driverId);
    expect(mine?.contribution.value).toBeCloseTo(c.contribution.value!, 9);
    expect(mine?.responses).toBe(c.responses);
  }
  expect(d.drivers.waterfall.contributions.length).toBe(ref.waterfall.contributions.length);
  expect(d.drivers.arrAtRisk.value).toBe(ref.drivers.arrAtRisk.value);
  for (const driver of ref.drivers.drivers) {
    const mine = [...d.drivers.ranking, ...(d.drivers.unattributed ? [d.drivers.unattributed] : [])].find((x) => x.driverId === driver.driverId);
    expect(mine?.attributed.value).toBe(driver.attributed.value);
    expect(mine?.exposed.value).toBe(driver.exposed.value);
  }
}

describe('SQL aggregation = pure functions on the raw rows', () => {
  it('over all accounts', async () => {
    const d = await ws.call<MetricsDashboard>('metrics.dashboard', { period: Q3_2026 });
    expect(d.headline.responses.value).toBeGreaterThan(50);
    expectSame(d, reference());
  });

  it('filtered by tier', async () => {
    const d = await ws.call<MetricsDashboard>('metrics.dashboard', { period: Q3_2026, filters: { tier: 'SMB' } });
    expectSame(d, reference('SMB'));
  });
});

describe('driver codes', () => {
  it('CASE codes (a few drivers) and rowid codes (many) decode to the same citations', async () => {
    const db = ws.core.workspaces.db();
    const decode = async (forceRowid: boolean) => {
      const { rows, codes } = await driverCitations(db, WINDOW, 2, forceRowid);
      return new Map(rows.map((row) => [row.accountId, parseCitations(row.cites ?? '', codes)]));
    };
    const [byCase, byRowid] = await Promise.all([decode(false), decode(true)]);
    expect(byCase.size).toBeGreaterThan(20);
    expect(byRowid).toEqual(byCase);
  });
});
