/**
 * The loop KPIs tallied in SQL (sql-loop.ts) equal metrics.md §8's loopKpiBreakdown() over the same
 * follow-ups, figure for figure, for any actions, clock and targets; scope and soft deletes respected.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { metricSettingsSchema } from '../../../shared/domain/metrics-settings';
import { newId } from '../../../main/db/new-id';
import { loopBreakdownFromGroups } from '../../../main/metrics/engine/loop-breakdown';
import { loopGroups, type LoopScope } from '../../../main/metrics/engine/sql-loop';
import { loopKpiBreakdown, type LoopAction } from '../../../main/metrics/loop';
import { Workspace } from './fixture';

const WINDOW = { from: '2026-07-01', to: '2026-09-30' };
let ws: Workspace;
let accounts: string[];
let deleted: string;
beforeAll(async () => {
  ws = await Workspace.create();
  accounts = [ws.account(), ws.account(), ws.account()];
  deleted = ws.account();
  ws.raw.prepare(`UPDATE accounts SET deleted_at = '2026-10-01T00:00:00.000Z' WHERE id = ?`).run(deleted);
});
afterAll(() => ws.close());

const db = () => ws.core.workspaces.opened()!.file.db;

// Half hours from late June to late August (so some actions fall outside the window, and contacts land
// exactly on a due time), now and then off the grid by some milliseconds; both stored shapes.
const instant = fc
  .tuple(fc.integer({ min: -2 * 24 * 5, max: 2 * 24 * 60 }), fc.constantFrom(0, 0, 0, 1, 999), fc.boolean())
  .map(([halfHours, millis, withMillis]) => {
    const iso = new Date(Date.UTC(2026, 6, 1) + halfHours * 1_800_000 + (withMillis ? millis : 0)).toISOString();
    return withMillis ? iso : iso.replace('.000Z', 'Z');
  });
const stored = fc.record({
  account: fc.integer({ min: 0, max: 3 }),
  owner: fc.constantFrom('Dana', 'Sam', null),
  level: fc.constantFrom('frontline', 'management', 'executive', null),
  kind: fc.constantFrom('follow_up', 'follow_up', 'follow_up', 'task'),
  deleted: fc.constantFrom(false, false, false, false, true),
  openedAt: instant,
  // Half hours after the response: often exactly on a due time (1, 2, 48, 96 half hours; 1, 2, 14 days).
  contactedAfter: fc.option(fc.oneof(fc.constantFrom(1, 2, 48, 96), fc.integer({ min: -4, max: 2 * 24 * 20 }))),
  closedAfter: fc.option(fc.oneof(fc.constantFrom(48, 96, 28 * 48), fc.integer({ min: -4, max: 2 * 24 * 40 }))),
});
type Generated = typeof stored extends fc.Arbitrary<infer T> ? T : never;
type Stored = Omit<Generated, 'contactedAfter' | 'closedAfter'> & { contactedAt: string | null; closedAt: string | null };

const later = (iso: string, halfHours: number | null) => (halfHours === null ? null : new Date(Date.parse(iso) + halfHours * 1_800_000).toISOString());
const withTimes = ({ contactedAfter, closedAfter, ...row }: Generated): Stored => ({
  ...row,
  contactedAt: later(row.openedAt, contactedAfter),
  closedAt: later(row.openedAt, closedAfter),
});

function store(rows: readonly Stored[]): { id: string; accountId: string; row: Stored }[] {
  const all = [...accounts, deleted];
  const written: { id: string; accountId: string; row: Stored }[] = [];
  ws.raw.transaction(() => {
    ws.raw.prepare(`DELETE FROM actions`).run();
    const insert = ws.raw.prepare(
      `INSERT INTO actions (id, account_id, kind, title, owner, level, status, opened_at, contacted_at, closed_at, created_at, updated_at, deleted_at)
       VALUES (?,?,?,'Call back',?,?,'open',?,?,?,'2026-06-01T00:00:00.000Z','2026-06-01T00:00:00.000Z',?)`,
    );
    for (const row of rows) {
      const id = newId();
      const accountId = all[row.account]!;
      insert.run(id, accountId, row.kind, row.owner, row.level, row.openedAt, row.contactedAt, row.closedAt, row.deleted ? '2026-09-01T00:00:00.000Z' : null);
      written.push({ id, accountId, row });
    }
  })();
  return written;
}

/** What the row-by-row reading sees: the window's live follow-ups of accounts in scope, in (opened_at, id) order. */
function expectedActions(written: ReturnType<typeof store>, scope: ReadonlySet<string>): LoopAction[] {
  return written
    .filter(({ accountId, row }) => scope.has(accountId) && row.kind === 'follow_up' && !row.deleted && row.openedAt >= WINDOW.from && row.openedAt < '2026-10-01')
    .sort((a, b) => (a.row.openedAt < b.row.openedAt ? -1 : a.row.openedAt > b.row.openedAt ? 1 : a.id < b.id ? -1 : 1))
    .map(({ id, row }) => ({ actionId: id, owner: row.owner, level: row.level ?? 'frontline', respondedAt: row.openedAt, firstContactAt: row.contactedAt, closedAt: row.closedAt }));
}

describe('loop KPIs tallied in SQL = loopKpiBreakdown()', () => {
  it('for any follow-ups, clock and targets, over every live account or a chosen few', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(stored, { maxLength: 30 }),
        instant,
        fc.oneof(fc.constantFrom(0.5, 1, 24, 48), fc.double({ min: 0.5, max: 100, noNaN: true })),
        fc.oneof(fc.constantFrom(1, 2, 14), fc.double({ min: 0.5, max: 30, noNaN: true })),
        fc.boolean(),
        async (rows, asOf, hours, days, chosen) => {
          const written = store(rows.map(withTimes));
          const settings = metricSettingsSchema.parse({ loop: { firstContactHours: hours, closeDays: days } });
          const ids = chosen ? accounts.slice(0, 2) : accounts;
          const scope: LoopScope = chosen ? { kind: 'accounts', ids } : { kind: 'live' };
          const asOfIso = new Date(Date.parse(asOf)).toISOString();
          const groups = await loopGroups(db(), WINDOW, scope, Date.parse(asOfIso), settings);
          expect(groups).not.toBeNull();
          expect(loopBreakdownFromGroups(groups!, asOfIso, settings)).toEqual(loopKpiBreakdown(expectedActions(written, new Set(ids)), asOfIso, settings));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('on the due times themselves: contacted at the due time is on time; at the due time it is not yet overdue', async () => {
    const settings = metricSettingsSchema.parse({ loop: { firstContactHours: 48, closeDays: 14 } });
    const opened = '2026-07-02T10:00:00.000Z';
    store([
      { account: 0, owner: 'Dana', level: 'frontline', kind: 'follow_up', deleted: false, openedAt: opened, contactedAt: '2026-07-04T10:00:00.000Z', closedAt: null },
      { account: 1, owner: 'Sam', level: 'executive', kind: 'follow_up', deleted: false, openedAt: opened, contactedAt: null, closedAt: null },
    ]);
    const at = async (asOf: string) => loopBreakdownFromGroups((await loopGroups(db(), WINDOW, { kind: 'live' }, Date.parse(asOf), settings))!, asOf, settings);
    const atFirstDue = await at('2026-07-04T10:00:00.000Z');
    expect(atFirstDue.overall.contactedWithinTarget.value).toBe(1);
    expect(atFirstDue.overall.overdue.value).toBe(0);
    const justAfter = await at('2026-07-04T10:00:00.001Z');
    expect(justAfter.overall.contactedWithinTarget.value).toBe(0.5);
    expect(justAfter.overall.overdue.value).toBe(1);
    expect((await at('2026-07-16T10:00:00.000Z')).overall.overdue.value).toBe(1);
    expect((await at('2026-07-16T10:00:00.001Z')).overall.overdue.value).toBe(2);
    expect(justAfter.byOwner.map((group) => group.owner)).toEqual(['Dana', 'Sam']);
  });

  it('hands back to the row-by-row reading when SQLite cannot read a stored timestamp', async () => {
    const settings = metricSettingsSchema.parse({});
    store([{ account: 0, owner: 'Dana', level: 'frontline', kind: 'follow_up', deleted: false, openedAt: '2026-07-02T10:00:00.000Z', contactedAt: 'yesterday', closedAt: null }]);
    expect(await loopGroups(db(), WINDOW, { kind: 'live' }, Date.parse('2026-10-01T00:00:00.000Z'), settings)).toBeNull();
    store([{ account: 0, owner: 'Dana', level: 'frontline', kind: 'follow_up', deleted: false, openedAt: '2026-07-02T10:00:00.000Z', contactedAt: null, closedAt: null }]);
    expect(await loopGroups(db(), WINDOW, { kind: 'live' }, Date.parse('2026-10-01T00:00:00.000Z'), settings)).toHaveLength(1);
  });
});
