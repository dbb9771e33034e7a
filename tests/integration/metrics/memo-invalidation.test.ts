/**
 * The metrics memo outlives a write only where the write cannot have changed the result (migration
 * 005's change counters, query-cache.ts). After every kind of write, the dashboard computed with the
 * memo kept must deep-equal one computed with the memo emptied; and a score correction must leave the
 * accounts, their ARR and last touch, and the segment overrides memoised; a settings change, everything.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { METRIC_MEMO_GROUPS } from '../../../main/db/migrations/007-metrics-arr-counter';
import { computeDashboard, type DashboardRequest } from '../../../main/metrics/engine/dashboard';
import { addDays, resolvePeriod, retentionStart } from '../../../main/metrics/engine/period';
import { trendPlan } from '../../../main/metrics/engine/trends';
import { clearQueryCache, queryCache } from '../../../main/metrics/engine/query-cache';
import type { MetricsDashboard } from '../../../shared/contract/metrics';
import { withReopened, workspaceAtSchema } from '../../helpers/old-schema';
import { TODAY, units, Workspace } from './fixture';

let ws: Workspace | null = null;
afterEach(async () => {
  await ws?.close();
  ws = null;
});

const REQUESTS: DashboardRequest[] = [
  {},
  { filters: { tier: 'Enterprise' } },
  // Segments and risk zones come from placements, which read every group.
  { filters: { riskZone: 'at-risk' } },
  // Not a quarter: live passes over the responses.
  { period: { kind: 'trailing12', endDate: '2026-09-30' } },
];

interface Seeded {
  accounts: string[];
  contacts: string[];
  interviews: string[];
  drivers: string[];
  arr: string[];
}

function seed(w: Workspace): Seeded {
  const s: Seeded = { accounts: [], contacts: [], interviews: [], drivers: [w.driver('Support'), w.driver('Price')], arr: [] };
  w.batch(() => {
    for (let a = 0; a < 4; a++) {
      const account = w.account({ tier: a % 2 ? 'Enterprise' : 'SMB', owner: `Owner ${a}` });
      s.accounts.push(account);
      s.arr.push(w.arr(account, '2025-01-15', units(10_000 * (a + 1))));
      for (let c = 0; c < 3; c++) {
        const contact = w.contact(account, c === 0 ? 'decision_maker' : 'user');
        s.contacts.push(contact);
        for (const [k, at] of ['2025-08-10T10:00:00.000Z', '2026-07-05T10:00:00.000Z', '2026-08-20T10:00:00.000Z'].entries()) {
          const interview = w.interview(account, contact, at, (a * 3 + c * 2 + k * 5) % 11);
          s.interviews.push(interview);
          w.rating(interview, s.drivers[(c + k) % 2]!, 1 + ((a + c + k) % 5));
        }
      }
      w.followUp(account, '2026-07-06T09:00:00.000Z', a % 2 ? '2026-07-06T15:00:00.000Z' : null, a === 0 ? '2026-07-20T09:00:00.000Z' : null);
      w.qbr(account, '2026-06-01', 3, 4, a + 1);
      w.milestone(account, '2026-08-01', a % 2 ? '2026-07-25' : null);
    }
  });
  return s;
}

const WRITES: [string, (w: Workspace, s: Seeded) => void | Promise<unknown>][] = [
  ['a score correction', (w, s) => w.raw.prepare(`UPDATE interviews SET nps = 10 - nps WHERE id = ?`).run(s.interviews[4])],
  ['an interview moved to another quarter', (w, s) => w.raw.prepare(`UPDATE interviews SET interviewed_at = '2026-04-02T10:00:00.000Z' WHERE id = ?`).run(s.interviews[5])],
  ['a new interview', (w, s) => void w.interview(s.accounts[2]!, s.contacts[7]!, '2026-09-29T10:00:00.000Z', 2)],
  ['an interview soft-deleted', (w, s) => w.softDelete('interviews', s.interviews[10]!)],
  // Last touch moves back a year: the account falls silent.
  ['an account’s recent interviews soft-deleted', (w, s) => w.raw.prepare(`UPDATE interviews SET deleted_at = ? WHERE account_id = ? AND interviewed_at >= '2026'`).run(`${TODAY}T09:00:00.000Z`, s.accounts[2])],
  ['a churn (ARR record)', (w, s) => void w.arr(s.accounts[1]!, '2026-08-01', 0)],
  ['an ARR record soft-deleted', (w, s) => w.softDelete('arr_records', s.arr[3]!)],
  ['an account’s tier', (w, s) => w.raw.prepare(`UPDATE accounts SET tier = 'Enterprise' WHERE id = ?`).run(s.accounts[0])],
  ['an account soft-deleted', (w, s) => w.softDelete('accounts', s.accounts[3]!)],
  ['a follow-up opened', (w, s) => w.followUp(s.accounts[2]!, '2026-08-02T09:00:00.000Z', null, null)],
  ['a follow-up closed', (w) => w.raw.prepare(`UPDATE actions SET status = 'closed', closed_at = '2026-08-30T09:00:00.000Z' WHERE closed_at IS NULL`).run()],
  ['a QBR', (w, s) => void w.qbr(s.accounts[1]!, '2026-09-01', 1, 1, 1)],
  ['a milestone', (w, s) => w.milestone(s.accounts[2]!, '2026-09-01', null)],
  ['a segment override', (w, s) => w.override(s.accounts[0]!, 'risk', 'at-risk', 'escalation')],
  ['a contact’s role', (w, s) => w.raw.prepare(`UPDATE contacts SET role = 'influencer' WHERE id = ?`).run(s.contacts[3])],
  ['a contact soft-deleted', (w, s) => w.softDelete('contacts', s.contacts[6]!)],
  ['a driver rating', (w, s) => w.raw.prepare(`UPDATE driver_ratings SET rating = 1 WHERE interview_id = ?`).run(s.interviews[2])],
  ['a driver soft-deleted', (w, s) => w.softDelete('drivers', s.drivers[1]!)],
  // Through the settings' own writer: the memo is kept whole, and every figure follows the new settings.
  ['metric settings', (w) => w.call('metrics.settings.update', { patch: { roleWeights: { user: 3 }, silenceDays: 30, driverScale: { negativeAtMost: 3 }, loop: { firstContactHours: 2 } } })],
  ['the fiscal year', (w) => w.call('metrics.settings.update', { fiscalYearStartMonth: 2 })],
];

async function dashboards(w: Workspace): Promise<MetricsDashboard[]> {
  const db = w.core.workspaces.db();
  const result: MetricsDashboard[] = [];
  for (const request of REQUESTS) result.push(await computeDashboard(db, await queryCache(db), request, TODAY));
  return result;
}

/**
 * Whether the memo holds `key`: a miss runs the probe, which fails, and a failed computation leaves
 * the memo as it was (query-cache.ts drops it), so probing does not disturb the next dashboard.
 */
async function memoHolds(db: Parameters<typeof queryCache>[0], key: string): Promise<boolean> {
  let ran = false;
  const probe = (await queryCache(db)).get(key, async () => {
    ran = true;
    throw new Error('probe');
  });
  await probe.catch(() => undefined);
  return !ran;
}

/** The memo key of the default request's ARR columns: its quarter's end, the day before it, t0, and the trend's days. */
function arrKeyOfDefaultRequest(): string {
  const period = resolvePeriod(undefined, TODAY, 1, 'latest-complete-quarter');
  const days = [...new Set([period.to, addDays(period.from, -1), retentionStart(period.to), ...trendPlan(period, TODAY).days])].sort();
  return `account-arr|${days.join(',')}`;
}

describe('metrics memo invalidation by change counters', () => {
  it('after every kind of write, a dashboard from the kept memo equals one from an empty memo', async () => {
    ws = await Workspace.create();
    const w = ws;
    const s = seed(w);
    const db = w.core.workspaces.db();
    await dashboards(w); // fills the memo
    for (const [label, write] of WRITES) {
      await write(w, s);
      const kept = await dashboards(w);
      clearQueryCache(db);
      const fresh = await dashboards(w);
      expect(kept, label).toEqual(fresh);
    }
  }, 60_000);

  it('a score correction keeps the accounts, ARR, last touch and segment overrides memoised; an ARR record drops the ARR columns only', async () => {
    ws = await Workspace.create();
    const w = ws;
    const s = seed(w);
    const db = w.core.workspaces.db();
    await dashboards(w);
    const counters = () => Object.fromEntries((w.raw.prepare(`SELECT name, n FROM metric_change_counters`).all() as { name: string; n: number }[]).map((r) => [r.name, r.n]));
    const before = counters();
    w.raw.prepare(`UPDATE interviews SET nps = 10 - nps WHERE id = ?`).run(s.interviews[4]);
    const after = counters();
    expect(METRIC_MEMO_GROUPS.filter((group) => after[group] !== before[group])).toEqual(['responses']);

    const held = (key: string) => memoHolds(db, key);
    expect(await held('live-accounts')).toBe(true);
    expect(await held('segment-overrides')).toBe(true);
    expect(await held('contact-scores|2026-07-01|2026-09-30')).toBe(false);

    await dashboards(w);
    const period = resolvePeriod(undefined, TODAY, 1, 'latest-complete-quarter');
    expect(await held(`last-touch|${period.to}`)).toBe(true);
    w.arr(s.accounts[0]!, '2026-08-01', units(5));
    expect(await held('live-accounts')).toBe(true);
    expect(await held(`last-touch|${period.to}`)).toBe(true);
    expect(await held(arrKeyOfDefaultRequest())).toBe(false);
    expect(await held('segment-overrides')).toBe(true);
  });

  it('a new interview moves last touch but keeps the ARR columns memoised', async () => {
    ws = await Workspace.create();
    const w = ws;
    const s = seed(w);
    const db = w.core.workspaces.db();
    await dashboards(w);
    const period = resolvePeriod(undefined, TODAY, 1, 'latest-complete-quarter');
    const arrKey = arrKeyOfDefaultRequest();
    const touchKey = `last-touch|${period.to}`;
    expect(await memoHolds(db, arrKey)).toBe(true);
    expect(await memoHolds(db, touchKey)).toBe(true);
    w.interview(s.accounts[1]!, s.contacts[3]!, '2026-09-29T10:00:00.000Z', 9);
    expect(await memoHolds(db, arrKey)).toBe(true);
    expect(await memoHolds(db, touchKey)).toBe(false);
  });

  it('a settings change through its writer keeps every memoised aggregate; one written around it empties the memo', async () => {
    ws = await Workspace.create();
    const w = ws;
    seed(w);
    const db = w.core.workspaces.db();
    await dashboards(w);
    await w.call('metrics.settings.update', { patch: { roleWeights: { decision_maker: 4 } } });
    expect(await memoHolds(db, 'live-accounts')).toBe(true);
    expect(await memoHolds(db, 'contact-scores|2026-07-01|2026-09-30')).toBe(true);
    const dashboard = await computeDashboard(db, await queryCache(db), {}, TODAY);
    expect(dashboard.settings.roleWeights.decision_maker).toBe(4);
    w.raw.prepare(`UPDATE workspace_settings SET metric_settings_json = '{}'`).run();
    expect(await memoHolds(db, 'live-accounts')).toBe(false);
  });

  it('a write no counter tracks (a summary row edited by hand) empties the whole memo', async () => {
    ws = await Workspace.create();
    const w = ws;
    seed(w);
    const db = w.core.workspaces.db();
    await dashboards(w);
    expect(await memoHolds(db, 'live-accounts')).toBe(true);
    w.raw.prepare(`UPDATE metric_account_windows SET promoters = promoters`).run();
    expect(await memoHolds(db, 'live-accounts')).toBe(false);
  });
});

describe('migration 005 on an existing workspace', () => {
  it('a file at schema 4 gets every group’s counter and its triggers; writes then move the right counters', async () => {
    const stamp = `${TODAY}T08:00:00.000Z`;
    const old = await workspaceAtSchema(4, (raw) => {
      raw.prepare(`INSERT INTO accounts (id, name, name_normalized, created_at, updated_at) VALUES ('a1', 'A1', 'a1', ?, ?)`).run(stamp, stamp);
    });
    await withReopened(old, (reopened) => {
      expect(reopened.migratedFrom).toBe(4);
      const counters = () =>
        Object.fromEntries((reopened.raw.prepare(`SELECT name, n FROM metric_change_counters`).all() as { name: string; n: number }[]).map((r) => [r.name, r.n]));
      expect(counters()).toEqual(Object.fromEntries(METRIC_MEMO_GROUPS.map((group) => [group, 0])));
      reopened.raw.prepare(`INSERT INTO arr_records (id, account_id, effective_date, arr_minor, kind, created_at, updated_at) VALUES ('r1', 'a1', '2024-01-01', 100, 'new', ?, ?)`).run(stamp, stamp);
      reopened.raw.prepare(`INSERT INTO interviews (id, account_id, kind, status, interviewed_at, nps, created_at, updated_at) VALUES ('i1', 'a1', 'relationship', 'complete', '2026-07-01T10:00:00.000Z', 9, ?, ?)`).run(stamp, stamp);
      expect(counters()).toEqual({ accounts: 0, arr: 1, responses: 1, touch: 1, actions: 0, success: 0 });
      // A score correction is not a touch; a moved date is.
      reopened.raw.prepare(`UPDATE interviews SET nps = 3 WHERE id = 'i1'`).run();
      expect(counters()).toMatchObject({ responses: 2, touch: 1 });
      reopened.raw.prepare(`UPDATE interviews SET interviewed_at = '2026-07-02T10:00:00.000Z' WHERE id = 'i1'`).run();
      expect(counters()).toMatchObject({ responses: 3, touch: 2 });
    });
  });
});

describe('migration 007 on an existing workspace', () => {
  it('a file at schema 6 gets the ARR counter: ARR writes move it, and no longer the accounts’', async () => {
    const stamp = `${TODAY}T08:00:00.000Z`;
    const old = await workspaceAtSchema(6, (raw) => {
      raw.prepare(`INSERT INTO accounts (id, name, name_normalized, created_at, updated_at) VALUES ('a1', 'A1', 'a1', ?, ?)`).run(stamp, stamp);
      raw.prepare(`INSERT INTO arr_records (id, account_id, effective_date, arr_minor, kind, created_at, updated_at) VALUES ('r1', 'a1', '2024-01-01', 100, 'new', ?, ?)`).run(stamp, stamp);
    });
    await withReopened(old, (reopened) => {
      expect(reopened.migratedFrom).toBe(6);
      const counter = (name: string) => reopened.raw.prepare(`SELECT n FROM metric_change_counters WHERE name = ?`).pluck().get(name) as number;
      const accountsBefore = counter('accounts');
      expect(accountsBefore).toBe(2);
      expect(counter('arr')).toBe(0);
      reopened.raw.prepare(`UPDATE arr_records SET arr_minor = 200 WHERE id = 'r1'`).run();
      reopened.raw.prepare(`DELETE FROM arr_records WHERE id = 'r1'`).run();
      expect(counter('arr')).toBe(2);
      expect(counter('accounts')).toBe(accountsBefore);
      reopened.raw.prepare(`UPDATE accounts SET tier = 'SMB' WHERE id = 'a1'`).run();
      expect(counter('accounts')).toBe(accountsBefore + 1);
    });
  });
});
