/**
 * The maintained summaries of migration 004 must give exactly what a from-scratch computation over the
 * responses gives, whatever was written since: inserts, score corrections (through the real call),
 * moved dates and accounts, soft deletes and restores of interviews, ratings, contacts and drivers,
 * role changes, drafts completed, hard-deleted ratings. Checked two ways after every batch of writes:
 * the summary rows equal a full rebuild, and the dashboard read from summaries deep-equals the one
 * computed by live passes over the responses (same numbers to the bit, same provenance).
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { pinClock } from '../../../main/db/clock';
import type { Database } from '../../../main/db/tables';
import { computeDashboard } from '../../../main/metrics/engine/dashboard';
import { clearQueryCache, queryCache } from '../../../main/metrics/engine/query-cache';
import { rebuildMetricSummaries, refreshMetricSummaries, summaryFirstMonth } from '../../../main/metrics/engine/summaries';
import type { MetricsPeriodInput } from '../../../shared/contract/metrics';
import { TODAY, units, Workspace } from './fixture';
import type { Kysely } from 'kysely';
import { withReopened, workspaceAtSchema } from '../../helpers/old-schema';
import { rolledBack } from '../../helpers/rolled-back';

let ws: Workspace | null = null;
afterEach(async () => {
  await ws?.close();
  ws = null;
});

const PERIODS: (MetricsPeriodInput | undefined)[] = [
  undefined, // 2026 Q3, the default
  { kind: 'quarter', year: 2026, quarter: 2 },
  { kind: 'quarter', year: 2025, quarter: 4 },
  // Three whole months on another grid (a fiscal year starting in May): still served by the summaries.
  { kind: 'custom', from: '2026-05-01', to: '2026-07-31' },
  // Not three whole months: live passes on both sides, and a check that nothing else differs.
  { kind: 'trailing12', endDate: '2026-09-30' },
];

function summaryRows(raw: Workspace['raw']): unknown[] {
  return raw.prepare(`SELECT * FROM metric_account_windows ORDER BY first_month, account_id`).all();
}

/** What a full rebuild from the responses gives right now (rolled back afterwards). */
function rebuiltRows(raw: Workspace['raw']): unknown[] {
  return rolledBack(raw, () => {
    rebuildMetricSummaries(raw);
    return summaryRows(raw);
  });
}

async function expectSummariesExact(w: Workspace): Promise<void> {
  const db = w.core.workspaces.db();
  await refreshMetricSummaries(db);
  expect(w.raw.prepare('SELECT count(*) FROM metric_dirty_months').pluck().get()).toBe(0);
  expect(summaryRows(w.raw)).toEqual(rebuiltRows(w.raw));
  // The summaries' memo is kept across the writes (what it carries over must still be right); the
  // reference's is emptied, so it is computed from scratch after every batch.
  clearQueryCache(db, { summaries: false });
  for (const period of PERIODS) {
    const request = period ? { period } : {};
    const fromSummaries = await computeDashboard(db, await queryCache(db), request, TODAY);
    const fromScratch = await computeDashboard(db, await queryCache(db, { summaries: false }), request, TODAY);
    expect(fromSummaries, JSON.stringify(period)).toEqual(fromScratch);
  }
}

const MONTHS = ['2025-06', '2025-07', '2025-09', '2025-10', '2025-12', '2026-01', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10'];
const ROLES = ['decision_maker', 'influencer', 'user', null] as const;

interface Book {
  accounts: string[];
  contacts: string[];
  drivers: string[];
  interviews: string[];
}

function seedBook(w: Workspace): Book {
  const book: Book = { accounts: [], contacts: [], drivers: [], interviews: [] };
  w.batch(() => {
    for (const name of ['Speed', 'Support', 'Price']) book.drivers.push(w.driver(name));
    for (let a = 0; a < 4; a++) {
      const account = w.account({ tier: a % 2 ? 'SMB' : 'Enterprise' });
      book.accounts.push(account);
      w.arr(account, '2024-06-30', units(10_000 * (a + 1)));
      if (a === 3) w.arr(account, '2026-05-31', units(5_000));
      for (let c = 0; c < 3; c++) book.contacts.push(w.contact(account, ROLES[(a + c) % 4]!));
    }
  });
  return book;
}

const op = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), account: fc.nat(), contact: fc.option(fc.nat(), { freq: 4 }), month: fc.nat(), day: fc.integer({ min: 1, max: 28 }), nps: fc.option(fc.integer({ min: 0, max: 10 }), { freq: 6 }), draft: fc.boolean(), ratings: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 1, max: 5 })), { maxLength: 3 }) }),
  fc.record({ kind: fc.constant('correct' as const), interview: fc.nat(), nps: fc.option(fc.integer({ min: 0, max: 10 }), { freq: 5 }) }),
  fc.record({ kind: fc.constant('correctRating' as const), interview: fc.nat(), driver: fc.nat(), rating: fc.integer({ min: 1, max: 5 }) }),
  fc.record({ kind: fc.constant('move' as const), interview: fc.nat(), month: fc.nat(), day: fc.integer({ min: 1, max: 28 }) }),
  fc.record({ kind: fc.constant('reassign' as const), interview: fc.nat(), account: fc.nat() }),
  fc.record({ kind: fc.constant('toggleInterview' as const), interview: fc.nat() }),
  fc.record({ kind: fc.constant('complete' as const), interview: fc.nat() }),
  fc.record({ kind: fc.constant('dropRatings' as const), interview: fc.nat(), hard: fc.boolean() }),
  fc.record({ kind: fc.constant('role' as const), contact: fc.nat(), role: fc.constantFrom(...ROLES) }),
  fc.record({ kind: fc.constant('toggleContact' as const), contact: fc.nat() }),
  fc.record({ kind: fc.constant('toggleDriver' as const), driver: fc.nat() }),
  fc.record({ kind: fc.constant('toggleAccount' as const), account: fc.nat() }),
);
type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

const pick = <T>(list: readonly T[], n: number): T | undefined => (list.length === 0 ? undefined : list[n % list.length]);
const STAMP = `${TODAY}T08:00:00.000Z`;

async function apply(w: Workspace, book: Book, o: Op): Promise<void> {
  const raw = w.raw;
  const toggle = (table: string, id: string | undefined) => {
    if (id) raw.prepare(`UPDATE ${table} SET deleted_at = CASE WHEN deleted_at IS NULL THEN ? ELSE NULL END WHERE id = ?`).run(STAMP, id);
  };
  switch (o.kind) {
    case 'insert': {
      const account = pick(book.accounts, o.account)!;
      const contact = o.contact === null ? null : pick(book.contacts, o.contact)!;
      const id = w.interview(account, contact, `${pick(MONTHS, o.month)}-${String(o.day).padStart(2, '0')}`, o.nps, { status: o.draft ? 'draft' : 'complete' });
      const seen = new Set<string>();
      for (const [driver, rating] of o.ratings) {
        const driverId = pick(book.drivers, driver)!;
        if (seen.has(driverId)) continue;
        seen.add(driverId);
        w.rating(id, driverId, rating);
      }
      book.interviews.push(id);
      return;
    }
    case 'correct':
    case 'correctRating': {
      const id = pick(book.interviews, o.interview);
      const row = id ? (raw.prepare(`SELECT status, nps, deleted_at FROM interviews WHERE id = ?`).get(id) as { status: string; nps: number | null; deleted_at: string | null }) : undefined;
      if (!id || !row || row.status !== 'complete' || row.deleted_at !== null) return;
      if (o.kind === 'correct') {
        if (row.nps === o.nps) return;
        await w.call('interviews.correctScore', { interviewId: id, field: 'nps', value: o.nps, reason: 'typed wrong', by: 'Test' });
      } else {
        const driverId = pick(book.drivers, o.driver)!;
        const current = raw.prepare(`SELECT rating FROM driver_ratings WHERE interview_id = ? AND driver_id = ? AND deleted_at IS NULL`).pluck().get(id, driverId);
        if (current === o.rating) return;
        await w.call('interviews.correctScore', { interviewId: id, field: 'driver_rating', driverId, value: o.rating, reason: 'typed wrong', by: 'Test' });
      }
      return;
    }
    case 'move': {
      const id = pick(book.interviews, o.interview);
      if (id) raw.prepare(`UPDATE interviews SET interviewed_at = ? WHERE id = ?`).run(`${pick(MONTHS, o.month)}-${String(o.day).padStart(2, '0')}T15:30:00.000Z`, id);
      return;
    }
    case 'reassign': {
      const id = pick(book.interviews, o.interview);
      if (id) raw.prepare(`UPDATE interviews SET account_id = ? WHERE id = ?`).run(pick(book.accounts, o.account)!, id);
      return;
    }
    case 'toggleInterview':
      return toggle('interviews', pick(book.interviews, o.interview));
    case 'complete': {
      const id = pick(book.interviews, o.interview);
      if (id) raw.prepare(`UPDATE interviews SET status = 'complete' WHERE id = ? AND status = 'draft'`).run(id);
      return;
    }
    case 'dropRatings': {
      const id = pick(book.interviews, o.interview);
      if (!id) return;
      if (o.hard) raw.prepare(`DELETE FROM driver_ratings WHERE interview_id = ?`).run(id);
      else raw.prepare(`UPDATE driver_ratings SET deleted_at = ? WHERE interview_id = ?`).run(STAMP, id);
      return;
    }
    case 'role': {
      const id = pick(book.contacts, o.contact);
      if (id) raw.prepare(`UPDATE contacts SET role = ? WHERE id = ?`).run(o.role, id);
      return;
    }
    case 'toggleContact':
      return toggle('contacts', pick(book.contacts, o.contact));
    case 'toggleDriver':
      return toggle('drivers', pick(book.drivers, o.driver));
    case 'toggleAccount':
      return toggle('accounts', pick(book.accounts, o.account));
  }
}

describe('summaries = from scratch', () => {
  it('summaryFirstMonth takes exactly the windows of three whole calendar months', () => {
    expect(summaryFirstMonth({ from: '2026-07-01', to: '2026-09-30' })).toBe(2026 * 12 + 6);
    expect(summaryFirstMonth({ from: '2025-12-01', to: '2026-02-28' })).toBe(2025 * 12 + 11);
    expect(summaryFirstMonth({ from: '2027-12-01', to: '2028-02-28' })).toBeNull(); // 2028-02 has 29 days
    expect(summaryFirstMonth({ from: '2026-07-02', to: '2026-09-30' })).toBeNull();
    expect(summaryFirstMonth({ from: '2026-07-01', to: '2026-10-31' })).toBeNull();
  });

  it('after any sequence of inserts, corrections, moves, soft and hard deletes, restores and role changes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(op, { minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 4 }), async (batches) => {
        await ws?.close();
        ws = await Workspace.create();
        const book = seedBook(ws);
        const w = ws;
        for (let i = 0; i < 25; i++) {
          await apply(w, book, { kind: 'insert', account: i, contact: i % 5 === 0 ? null : i * 7, month: i * 3, day: 1 + ((i * 11) % 28), nps: i % 11, draft: false, ratings: [[i, 1 + (i % 5)], [i + 1, 2]] });
        }
        await expectSummariesExact(w);
        for (const batch of batches) {
          for (const o of batch) await apply(w, book, o);
          await expectSummariesExact(w);
        }
      }),
      { numRuns: 12 },
    );
  }, 120_000);

  it('the dashboard really reads the summaries for a quarter (a wrong summary row shows), and not for other windows', async () => {
    ws = await Workspace.create();
    const account = ws.account();
    ws.arr(account, '2024-06-30', units(1_000));
    ws.responses(account, '2026-08-10', [10, 9, 3]);
    const db = ws.core.workspaces.db();
    const before = await computeDashboard(db, await queryCache(db), {}, TODAY);
    expect(before.headline.responses.value).toBe(3);
    // Bypass the triggers' bookkeeping on purpose: the summary now disagrees with the responses.
    ws.raw.prepare(`UPDATE metric_account_windows SET promoters = promoters + 5 WHERE account_id = ? AND first_month = ?`).run(account, 2026 * 12 + 6);
    const tampered = await computeDashboard(db, await queryCache(db), {}, TODAY);
    expect(tampered.headline.responses.value).toBe(8);
    const scratch = await computeDashboard(db, await queryCache(db, { summaries: false }), {}, TODAY);
    expect(scratch.headline.responses.value).toBe(3);
    const t12 = await computeDashboard(db, await queryCache(db), { period: { kind: 'trailing12', endDate: '2026-09-30' } }, TODAY);
    expect(t12.headline.responses.value).toBe(3);
  });

  it('a write marks its months dirty in the same transaction, and a rolled-back write leaves nothing behind', async () => {
    ws = await Workspace.create();
    const account = ws.account();
    ws.arr(account, '2024-06-30', units(1_000));
    const [id] = ws.responses(account, '2026-08-10', [10]);
    const dirty = () => ws!.raw.prepare(`SELECT account_id, month FROM metric_dirty_months`).all();
    expect(dirty()).toEqual([{ account_id: account, month: 2026 * 12 + 7 }]);
    await refreshMetricSummaries(ws.core.workspaces.db());
    expect(dirty()).toEqual([]);
    expect(() =>
      ws!.raw.transaction(() => {
        ws!.raw.prepare(`UPDATE interviews SET nps = 2 WHERE id = ?`).run(id);
        expect(dirty()).toHaveLength(1);
        throw new Error('abort');
      })(),
    ).toThrow('abort');
    expect(dirty()).toEqual([]);
    // An edit that touches nothing the metrics read (the verbatim) queues nothing.
    ws.raw.prepare(`UPDATE interviews SET verbatim = 'fine' WHERE id = ?`).run(id);
    expect(dirty()).toEqual([]);
  });
});

describe('migration 004 backfills an existing workspace', () => {
  it('a file at schema 3 with responses gets summaries equal to a from-scratch computation', async () => {
    const stamp = `${TODAY}T08:00:00.000Z`;
    const old = await workspaceAtSchema(3, (raw) => {
      raw
        .prepare(`INSERT INTO workspace_settings (id, name, currency, locale, fiscal_year_start_month, metric_settings_json, is_demo, created_at, updated_at) VALUES ('w', 'Old', 'USD', 'en-US', 1, '{}', 0, ?, ?)`)
        .run(stamp, stamp);
      raw.prepare(`INSERT INTO drivers (id, name, created_at, updated_at) VALUES ('d1', 'Speed', ?, ?)`).run(stamp, stamp);
      for (let a = 0; a < 3; a++) {
        raw.prepare(`INSERT INTO accounts (id, name, name_normalized, created_at, updated_at) VALUES (?, ?, ?, ?, ?)`).run(`a${a}`, `A${a}`, `a${a}`, stamp, stamp);
        raw.prepare(`INSERT INTO arr_records (id, account_id, effective_date, arr_minor, kind, created_at, updated_at) VALUES (?, ?, '2024-01-01', ?, 'new', ?, ?)`).run(`r${a}`, `a${a}`, 100_000 * (a + 1), stamp, stamp);
        for (let c = 0; c < 3; c++) {
          raw.prepare(`INSERT INTO contacts (id, account_id, name, role, created_at, updated_at) VALUES (?, ?, 'C', ?, ?, ?)`).run(`c${a}${c}`, `a${a}`, ROLES[c], stamp, stamp);
          for (const [k, day] of ['2025-08-03', '2026-07-15', '2026-09-30'].entries()) {
            const id = `i${a}${c}${k}`;
            raw
              .prepare(`INSERT INTO interviews (id, account_id, contact_id, kind, status, interviewed_at, nps, created_at, updated_at) VALUES (?, ?, ?, 'relationship', 'complete', ?, ?, ?, ?)`)
              .run(id, `a${a}`, `c${a}${c}`, `${day}T10:00:00.000Z`, (a * 3 + c * 4 + k) % 11, stamp, stamp);
            raw.prepare(`INSERT INTO driver_ratings (id, interview_id, driver_id, rating, created_at, updated_at) VALUES (?, ?, 'd1', ?, ?, ?)`).run(`dr${id}`, id, 1 + ((a + c + k) % 5), stamp, stamp);
          }
        }
      }
    });

    await withReopened(old, async (reopened) => {
      pinClock(new Date(`${TODAY}T12:00:00.000Z`));
      try {
        expect(reopened.migratedFrom).toBe(3);
        const db = reopened.db as Kysely<Database>;
        const rows = reopened.raw.prepare(`SELECT count(*) FROM metric_account_windows`).pluck().get() as number;
        expect(rows).toBeGreaterThan(0);
        for (const period of PERIODS) {
          const request = period ? { period } : {};
          expect(await computeDashboard(db, await queryCache(db), request, TODAY)).toEqual(await computeDashboard(db, await queryCache(db, { summaries: false }), request, TODAY));
        }
        const q3 = await computeDashboard(db, await queryCache(db), {}, TODAY);
        expect(q3.headline.responses.value).toBe(18);
      } finally {
        pinClock(null);
      }
    });
  });
});
