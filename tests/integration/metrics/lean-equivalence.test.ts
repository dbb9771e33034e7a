/**
 * The engine's lean per-account paths must agree exactly with the explained pure functions they
 * stand in for over thousands of accounts: scores, categories, silence, the waterfall, loop KPIs.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accountNps } from '../../../main/metrics/account-nps';
import { silenceStatus } from '../../../main/metrics/coverage';
import { npsWaterfall } from '../../../main/metrics/drivers';
import { scoreAccount } from '../../../main/metrics/engine/account-scoring';
import { isSilent } from '../../../main/metrics/engine/account-state';
import { addPartials, parseCitations, waterfallFromPartials, type DriverPartials } from '../../../main/metrics/engine/driver-partials';
import { loopBreakdown } from '../../../main/metrics/engine/loop-breakdown';
import { loopKpiBreakdown } from '../../../main/metrics/loop';
import { countCategories } from '../../../main/metrics/nps';
import { metricSettingsSchema } from '../../../shared/domain/metrics-settings';

const contact = fc.record({ role: fc.constantFrom('decision_maker', 'influencer', 'user', null), score: fc.integer({ min: 0, max: 10 }) });
const settings = fc.record({
  headlineMethod: fc.constantFrom('count-all', 'average', 'waterfall', 'weighted'),
  roleWeights: fc.record({ decision_maker: fc.double({ min: 0.1, max: 10, noNaN: true }), influencer: fc.double({ min: 0.1, max: 10, noNaN: true }), user: fc.double({ min: 0.1, max: 10, noNaN: true }) }),
});

describe('lean account scoring = accountNps()', () => {
  it('same scores (to the bit), categories, count-all NPS and headline category', () => {
    fc.assert(
      fc.property(fc.array(contact, { maxLength: 12 }), fc.array(fc.integer({ min: 0, max: 10 }), { maxLength: 20 }), settings, (contacts, extra, raw) => {
        const s = metricSettingsSchema.parse(raw);
        const counts = countCategories([...contacts.map((c) => c.score), ...extra]);
        const lean = scoreAccount(contacts, counts, s);
        let full: ReturnType<typeof accountNps>;
        try {
          full = accountNps({ accountId: 'a', arr: 1, contactScores: contacts, responseCounts: counts }, s);
        } catch (err) {
          // accountNps() rejects a weighted mean a few ulps above 10 (fractional weights); the lean path clamps it.
          expect(String(err)).toMatch(/cannot categorise 10\.0000/);
          expect(lean.score.weighted).toBe(10);
          return;
        }
        for (const method of ['average', 'waterfall', 'weighted'] as const) {
          expect(lean.score[method]).toBe(full[method].score.value);
          expect(lean.category[method]).toBe(full[method].category);
        }
        expect(lean.waterfallRole).toBe(full.waterfall.role);
        expect(lean.countAllNps).toBe(full.countAll.nps.value);
        expect(lean.headlineCategory).toBe(full.headline.category);
        expect(lean.responses).toBe(full.countAll.counts.total);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('isSilent = silenceStatus().silent', () => {
  const day = fc.integer({ min: 0, max: 900 }).map((n) => new Date(Date.UTC(2024, 0, 1) + n * 86_400_000 + (n % 7) * 3_600_000).toISOString());
  it('for active, inactive, never-heard-from accounts and any threshold', () => {
    fc.assert(
      fc.property(fc.constantFrom(0, 5_000), fc.option(day), fc.option(day), fc.integer({ min: 1, max: 400 }), (arr, lastTouch, knownSince, silenceDays) => {
        const s = metricSettingsSchema.parse({ silenceDays });
        const asOf = '2026-09-30';
        const full = silenceStatus({ accountId: 'a', arr, lastResponseAt: lastTouch, lastInterviewAt: lastTouch, knownSince }, asOf, s);
        expect(isSilent(arr, lastTouch, knownSince, Date.parse(asOf), silenceDays)).toBe(full.silent);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('waterfall from per-account partials = npsWaterfall() over the responses', () => {
  const response = fc.record({ score: fc.integer({ min: 0, max: 10 }), drivers: fc.uniqueArray(fc.constantFrom('1', '2', '3', '4', '5'), { maxLength: 4 }) });
  it('contributions and response counts per driver, split over accounts in any way', () => {
    const codes = new Map(['1', '2', '3', '4', '5'].map((code) => [code, `driver-${code}`]));
    fc.assert(
      fc.property(fc.array(fc.array(response, { maxLength: 15 }), { minLength: 1, maxLength: 8 }), (accounts) => {
        const all = accounts.flat();
        const expected = npsWaterfall(all.map((r) => ({ score: r.score, driverIds: r.drivers.map((code) => codes.get(code)!) })));
        const partials: DriverPartials = new Map();
        for (const account of accounts) {
          const encoded = account.map((r) => (r.score >= 9 ? '+' : r.score <= 6 ? '-' : '0') + r.drivers.join(' ')).join(';');
          addPartials(partials, parseCitations(encoded, codes).partials);
        }
        const actual = waterfallFromPartials(partials, countCategories(all.map((r) => r.score)));
        expect(actual.nps.value).toBe(expected.nps.value);
        expect(actual.contributions.length).toBe(expected.contributions.length);
        for (const c of expected.contributions) {
          const mine = actual.contributions.find((x) => x.driverId === c.driverId)!;
          expect(mine.responses).toBe(c.responses);
          expect(mine.contribution.value).toBeCloseTo(c.contribution.value!, 9);
        }
        const sum = actual.contributions.reduce((total, c) => total + (c.contribution.value ?? 0), 0);
        if (actual.nps.value !== null) expect(Math.abs(sum - actual.nps.value)).toBeLessThanOrEqual(1e-9);
      }),
      { numRuns: 500 },
    );
  });
});

describe('loopBreakdown = loopKpiBreakdown(), figure for figure', () => {
  const instant = fc.integer({ min: 0, max: 60 * 24 * 30 }).map((minutes) => new Date(Date.UTC(2026, 6, 1) + minutes * 60_000).toISOString());
  const action = fc.record({
    actionId: fc.uuid(),
    owner: fc.constantFrom('Dana', 'Sam', null),
    level: fc.constantFrom('frontline', 'management', 'executive'),
    respondedAt: instant,
    firstContactAt: fc.option(instant),
    closedAt: fc.option(instant),
  });
  it('for any actions, as-of time and targets', () => {
    fc.assert(
      fc.property(fc.array(action, { maxLength: 40 }), instant, fc.double({ min: 0.5, max: 100, noNaN: true }), fc.double({ min: 0.5, max: 30, noNaN: true }), (actions, asOf, hours, days) => {
        const s = metricSettingsSchema.parse({ loop: { firstContactHours: hours, closeDays: days } });
        expect(loopBreakdown(actions, asOf, s)).toEqual(loopKpiBreakdown(actions, asOf, s));
      }),
      { numRuns: 1000 },
    );
  });
});
