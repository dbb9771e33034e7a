/**
 * The engine's lean per-account paths must agree exactly with the explained pure functions they
 * stand in for over thousands of accounts: scores, categories, silence, the waterfall, loop KPIs.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accountNps, tallyContacts } from '../../../main/metrics/account-nps';
import { storedTimeMs } from '../../../main/metrics/dates';
import { silenceStatus } from '../../../main/metrics/coverage';
import { npsWaterfall } from '../../../main/metrics/drivers';
import { headlineCategoryOf, scoreAccount, weightedScore } from '../../../main/metrics/engine/account-scoring';
import { isSilent } from '../../../main/metrics/engine/account-state';
import { CitationColumnsBuilder, citationsAt, WindowCitations } from '../../../main/metrics/engine/citation-columns';
import { contactFactColumns, tallyScores, WindowFacts } from '../../../main/metrics/engine/contact-columns';
import { addPartials, liveDriverIds, parseCitations, parseRatedCitations, ratedCitationsParser, waterfallFromPartials, type DriverPartials } from '../../../main/metrics/engine/driver-partials';
import { isoTimeMs } from '../../../main/metrics/engine/loop-breakdown';
import type { AccountAttributes } from '../../../main/metrics/engine/sql-accounts';
import { arrAtDays } from '../../../main/metrics/engine/sql-accounts';
import { retention, retentionRates } from '../../../main/metrics/retention';
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
        const lean = scoreAccount(tallyContacts(contacts), counts, s);
        // Both clamp a weighted mean a few ulps outside the scores' range (fractional weights) the same way.
        const full = accountNps({ accountId: 'a', arr: 1, contactScores: contacts, responseCounts: counts }, s);
        for (const method of ['average', 'waterfall', 'weighted'] as const) {
          expect(lean.score[method]).toBe(full[method].score.value);
          expect(lean.category[method]).toBe(full[method].category);
        }
        expect(lean.waterfallRole).toBe(full.waterfall.role);
        expect(lean.countAllNps).toBe(full.countAll.nps.value);
        expect(lean.headlineCategory).toBe(full.headline.category);
        expect(lean.responses).toBe(full.countAll.counts.total);
        // The evidence's two figures alone, without the scores' objects.
        const tally = tallyContacts(contacts);
        expect(weightedScore(tally, s)).toBe(lean.score.weighted);
        expect(headlineCategoryOf(tally, s, weightedScore(tally, s))).toBe(lean.headlineCategory);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('the summaries’ contact scores, tallied = the contacts’ tally', () => {
  const initial = { decision_maker: 'd', influencer: 'i', user: 'u' } as const;
  it('for any contacts, roles (none counts as a user) and scores', () => {
    fc.assert(
      fc.property(fc.array(contact, { maxLength: 12 }), (contacts) => {
        const encoded = contacts.map((c) => `${initial[c.role ?? 'user']}${c.score}`).join(',');
        expect(tallyScores(encoded)).toEqual(tallyContacts(contacts));
      }),
      { numRuns: 1000 },
    );
  });

  it('refuses what the summaries never write', () => {
    for (const bad of ['x7', 'd', 'd7,,u3', 'd11', 'd7;u3', 'u-1']) expect(() => tallyScores(bad), bad).toThrow(RangeError);
  });
});

describe('window facts as columns = the per-account objects they replace', () => {
  const initial = { decision_maker: 'd', influencer: 'i', user: 'u' } as const;
  it('contact facts: counts and tally by account id, undefined for an account without responses', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.array(contact, { maxLength: 6 }), fc.nat(50), fc.nat(50), fc.nat(50)), { maxLength: 8 }), (accounts) => {
        const rows = accounts.map(([contacts, p, pa, d], index) => [`account-${index}`, p, pa, d, contacts.length === 0 ? null : contacts.map((c) => `${initial[c.role ?? 'user']}${c.score}`).join(',')] as [string, number, number, number, string | null]);
        const facts = new WindowFacts(contactFactColumns(rows));
        const live = accounts.map((_, index) => ({ id: `account-${index}` }) as AccountAttributes);
        const factRows = facts.rowsFor(live);
        const tally = tallyContacts([]);
        accounts.forEach(([contacts, promoters, passives, detractors], index) => {
          expect(facts.get(`account-${index}`)).toEqual({ counts: { promoters, passives, detractors }, contacts: tallyContacts(contacts) });
          expect(facts.tallyInto(factRows[index]!, tally)).toBe(true);
          expect(tally).toEqual(tallyContacts(contacts));
          expect(facts.countsAt(factRows[index]!)).toEqual({ promoters, passives, detractors });
        });
        expect(facts.tallyInto(-1, tally)).toBe(false);
        expect(facts.get('elsewhere')).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  });

  it('citations: each account’s partials add up as addPartials() adds them, negative drivers sorted by id', () => {
    const codes = new Map([['1', 'driver-b'], ['2', 'driver-a'], ['3', 'driver-c']]);
    const response = fc.record({ score: fc.integer({ min: 0, max: 10 }), drivers: fc.uniqueArray(fc.tuple(fc.constantFrom('1', '2', '3'), fc.boolean()), { maxLength: 3, selector: ([code]) => code }) });
    fc.assert(
      fc.property(fc.array(fc.array(response, { maxLength: 10 }), { maxLength: 6 }), (accounts) => {
        const parsed = accounts.map((responses) =>
          parseCitations(responses.map((r) => (r.score >= 9 ? '+' : r.score <= 6 ? '-' : '0') + r.drivers.map(([code, negative]) => code + (negative ? '!' : '')).join(' ')).join(';'), codes),
        );
        const into = new CitationColumnsBuilder([...codes.values()].sort());
        parsed.forEach((citations, index) => into.addCitations(`account-${index}`, citations));
        const view = new WindowCitations(into.finish());
        const live = parsed.map((_, index) => ({ id: `account-${index}` }) as AccountAttributes);
        const rows = view.rowsFor(live);
        const expected: DriverPartials = new Map();
        const actual: DriverPartials = new Map();
        parsed.forEach((citations, index) => {
          expect(view.get(`account-${index}`)).toEqual(citations);
          expect(view.negativeDriverIdsAt(rows[index]!)).toEqual([...citations.negativeDriverIds].sort());
          addPartials(expected, citations.partials);
          view.addPartialsAt(rows[index]!, actual);
        });
        expect([...actual]).toEqual([...expected]);
        expect(view.get('elsewhere')).toBeUndefined();
        expect(view.negativeDriverIdsAt(-1)).toEqual([]);
      }),
      { numRuns: 300 },
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

describe('the summaries’ rated citations = the live pass’s citations', () => {
  const rated = fc.record({
    score: fc.integer({ min: 0, max: 10 }),
    ratings: fc.uniqueArray(fc.tuple(fc.integer({ min: 1, max: 7 }), fc.integer({ min: 1, max: 7 })), { maxLength: 5, selector: ([code]) => code }),
  });
  it('same partials (to the bit), negative drivers and response count, soft-deleted drivers dropped', () => {
    fc.assert(
      fc.property(fc.array(rated, { maxLength: 20 }), fc.integer({ min: 1, max: 5 }), fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { maxLength: 3 }), (responses, negativeAtMost, deleted) => {
        const sign = (score: number) => (score >= 9 ? '+' : score <= 6 ? '-' : '0');
        const liveByCode: (string | undefined)[] = [];
        for (let code = 1; code <= 7; code++) if (!deleted.includes(code)) liveByCode[code] = `driver-${code}`;
        const summary = responses.map((r) => sign(r.score) + r.ratings.map(([code, rating]) => `${code}:${rating}`).join(' ')).join(';');
        // The live pass writes only live drivers, each with "!" when rated at or below the threshold.
        const live = responses
          .map((r) => sign(r.score) + r.ratings.filter(([code]) => !deleted.includes(code)).map(([code, rating]) => `${code}${rating <= negativeAtMost ? '!' : ''}`).join(' '))
          .join(';');
        const codes = new Map([...liveByCode.entries()].filter(([, id]) => id !== undefined).map(([code, id]) => [String(code), id!]));
        expect(parseRatedCitations(summary, liveByCode, negativeAtMost)).toEqual(parseCitations(live, codes));
      }),
      { numRuns: 1000 },
    );
  });

  it('refuses what the summaries never write, naming the response', () => {
    const liveByCode = [undefined, 'driver-1', 'driver-2'];
    for (const [bad, message] of [
      ['+1:3;x1:2', /unexpected response sign in "x1:2"/],
      ['+1:3;-2', /driver code 2 without a rating in "-2"/],
      ['+1:3 2:;0', /driver code 2 without a rating in "\+1:3 2:"/],
      ['-1:3:4', /unexpected ":" in "-1:3:4"/],
      ['0:3', /unexpected ":" in "0:3"/],
      ['+1:3a', /unexpected "a" in "\+1:3a"/],
    ] as const) {
      expect(() => parseRatedCitations(bad, liveByCode, 2), bad).toThrow(message);
    }
    // A parser that refused one account still reads the next one right.
    const into = new CitationColumnsBuilder(liveDriverIds(liveByCode));
    const reused = ratedCitationsParser(liveByCode, 2, into);
    expect(() => reused('refused', '+1:2 2:5;x')).toThrow(/unexpected response sign/);
    reused('next', '+1:5');
    const columns = into.finish();
    expect(columns.accountIds).toEqual(['next']);
    expect(citationsAt(columns, 0)).toEqual(parseRatedCitations('+1:5', liveByCode, 2));
    // Empty responses between separators are skipped; a sign alone is a response citing no driver.
    expect(parseRatedCitations(';+;;-1:1;', liveByCode, 2)).toEqual({ partials: { keys: [null, 'driver-1'], sums: [1, -1], responses: [1, 1] }, negativeDriverIds: ['driver-1'], responses: 2 });
  });

  it('one parser reused account after account gives what a fresh one gives each account', () => {
    const account = fc.array(rated, { maxLength: 8 });
    fc.assert(
      fc.property(fc.array(account, { minLength: 2, maxLength: 6 }), fc.integer({ min: 1, max: 5 }), (accounts, negativeAtMost) => {
        const sign = (score: number) => (score >= 9 ? '+' : score <= 6 ? '-' : '0');
        const liveByCode: (string | undefined)[] = [];
        for (let code = 1; code <= 6; code++) liveByCode[code] = `driver-${code}`;
        const strings = accounts.map((responses) => responses.map((r) => sign(r.score) + r.ratings.map(([code, rating]) => `${code}:${rating}`).join(' ')).join(';'));
        const into = new CitationColumnsBuilder(liveDriverIds(liveByCode));
        const reused = ratedCitationsParser(liveByCode, negativeAtMost, into);
        strings.forEach((cites, row) => reused(`account-${row}`, cites));
        const columns = into.finish();
        expect(strings.map((_, row) => citationsAt(columns, row))).toEqual(strings.map((cites) => parseRatedCitations(cites, liveByCode, negativeAtMost)));
      }),
      { numRuns: 500 },
    );
  });
});

describe('retentionRates = retention(), for the three figures it gives', () => {
  it('cohort size, NRR and GRR with their explanations', () => {
    const input = fc.record({ accountId: fc.uuid(), arrStart: fc.integer({ min: 0, max: 1e9 }), arrEnd: fc.integer({ min: 0, max: 1e9 }) });
    fc.assert(
      fc.property(fc.array(input, { maxLength: 40 }), (inputs) => {
        const full = retention(inputs);
        expect(retentionRates(inputs)).toEqual({ cohortSize: full.cohortSize, nrr: full.nrr, grr: full.grr });
      }),
      { numRuns: 1000 },
    );
  });
});

describe('isoTimeMs and storedTimeMs = Date.parse for stored timestamps', () => {
  it('every shape: with and without milliseconds, date only, late days of the month, old years, junk', () => {
    const pad = (n: number, w = 2) => String(n).padStart(w, '0');
    const stamp = fc
      .record({ y: fc.integer({ min: 1, max: 9999 }), mo: fc.integer({ min: 0, max: 13 }), d: fc.integer({ min: 0, max: 32 }), h: fc.integer({ min: 0, max: 25 }), mi: fc.integer({ min: 0, max: 60 }), s: fc.integer({ min: 0, max: 60 }), ms: fc.integer({ min: 0, max: 999 }), shape: fc.integer({ min: 0, max: 2 }) })
      .map(({ y, mo, d, h, mi, s, ms, shape }) => {
        const day = `${pad(y, 4)}-${pad(mo)}-${pad(d)}`;
        return shape === 0 ? `${day}T${pad(h)}:${pad(mi)}:${pad(s)}.${pad(ms, 3)}Z` : shape === 1 ? `${day}T${pad(h)}:${pad(mi)}:${pad(s)}Z` : day;
      });
    fc.assert(
      fc.property(fc.oneof(stamp, fc.string({ maxLength: 24 })), (iso) => {
        const expected = Date.parse(iso);
        // The fast path reads only what it is sure of, and then exactly as Date.parse does.
        const fast = storedTimeMs(iso);
        if (fast !== null) expect(fast).toBe(expected);
        if (Number.isNaN(expected)) expect(() => isoTimeMs(iso, 'time')).toThrow(/not an ISO 8601 date/);
        else expect(isoTimeMs(iso, 'time')).toBe(expected);
      }),
      { numRuns: 5000 },
    );
  });
});

describe('arrAtDays = the latest record dated on or before each day', () => {
  it('for any history and days', () => {
    const day = fc.integer({ min: 0, max: 800 }).map((n) => new Date(Date.UTC(2024, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(fc.array(fc.tuple(day, fc.integer({ min: 0, max: 1e10 })), { maxLength: 12 }), fc.uniqueArray(day, { maxLength: 6 }), (records, days) => {
        const sorted = [...records].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
        const history = sorted.length === 0 ? null : sorted.map(([d, arr]) => `${d}=${arr}`).join(',');
        const asked = [...days].sort();
        const expected = asked.map((d) => sorted.filter(([r]) => r <= d).at(-1)?.[1] ?? 0);
        expect(arrAtDays(history, asked)).toEqual(expected);
      }),
      { numRuns: 1000 },
    );
  });

  it('compares as strings when a record or a day has another form (a timestamp, a non-integer amount)', () => {
    const day = fc.integer({ min: 0, max: 800 }).map((n) => new Date(Date.UTC(2024, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
    const stamp = fc.integer({ min: 0, max: 800 * 24 }).map((h) => new Date(Date.UTC(2024, 0, 1) + h * 3_600_000).toISOString());
    const amount = fc.oneof(fc.integer({ min: 0, max: 1e10 }).map(String), fc.constant('12.5'));
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.oneof(day, stamp), amount), { maxLength: 12 }), fc.uniqueArray(fc.oneof(day, stamp), { maxLength: 6 }), (records, days) => {
        const sorted = [...records].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
        const history = sorted.length === 0 ? null : sorted.map(([d, arr]) => `${d}=${arr}`).join(',');
        const asked = [...days].sort();
        const expected = asked.map((d) => Number(sorted.filter(([r]) => r <= d).at(-1)?.[1] ?? 0));
        expect(arrAtDays(history, asked)).toEqual(expected);
      }),
      { numRuns: 1000 },
    );
  });
});
