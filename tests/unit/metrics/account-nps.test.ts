import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  accountNps,
  accountScoresFromResponses,
  latestScorePerContact,
  methodPanel,
  portfolioNps,
  portfolioNpsByAccounts,
  revenueWeightedNps,
  type WindowResponse,
} from '../../../main/metrics/account-nps';
import { DEFAULT_METRIC_SETTINGS, metricSettingsSchema } from '../../../shared/domain/metrics-settings';
import type { NpsCategory } from '../../../shared/domain/metrics-types';
import { roundHalfAwayFromZero } from '../../../shared/domain/rounding';

const money = (units: number) => units * 100;

// Vector A1: account A (ARR 100,000): influencer 7; users 10, 10, 9, 9. Account B (ARR 400,000): decision maker 6.
const accountA = accountNps(
  {
    accountId: 'A',
    arr: money(100_000),
    contactScores: [
      { role: 'influencer', score: 7 },
      { role: 'user', score: 10 },
      { role: 'user', score: 10 },
      { role: null, score: 9 },
      { role: 'user', score: 9 },
    ],
  },
  DEFAULT_METRIC_SETTINGS,
);
const accountB = accountNps({ accountId: 'B', arr: money(400_000), contactScores: [{ role: 'decision_maker', score: 6 }] }, DEFAULT_METRIC_SETTINGS);
const A1 = [accountA, accountB];

describe('vector A1, method by method', () => {
  it('count-all: P 4, Pa 1, D 1 of 6 → 50', () => {
    const figure = portfolioNps(A1, 'count-all');
    expect(figure.value).toBe(50);
    expect(figure.inputs).toMatchObject({ promoters: 4, passives: 1, detractors: 1, responses: 6 });
  });

  it('average: A 9.0 → promoter, B 6 → detractor, portfolio 0', () => {
    expect(accountA.average.score.value).toBe(9);
    expect(accountA.average.category).toBe('promoter');
    expect(accountB.average.category).toBe('detractor');
    expect(portfolioNps(A1, 'average').value).toBe(0);
  });

  it('waterfall: A 7 (influencer) → passive, B 6 → detractor, portfolio −50', () => {
    expect(accountA.waterfall).toMatchObject({ role: 'influencer', category: 'passive' });
    expect(accountA.waterfall.score.value).toBe(7);
    expect(accountB.waterfall).toMatchObject({ role: 'decision_maker', category: 'detractor' });
    expect(portfolioNps(A1, 'waterfall').value).toBe(-50);
  });

  it('weighted: A (2·7+10+10+9+9)/6 = 8.667 → passive, B 6 → detractor, portfolio −50', () => {
    expect(accountA.weighted.score.value).toBeCloseTo(52 / 6, 12);
    expect(roundHalfAwayFromZero(accountA.weighted.score.value ?? NaN, 3)).toBe(8.667);
    expect(accountA.weighted.score.inputs).toMatchObject({ weightedSum: 52, weightSum: 6 });
    expect(accountA.weighted.category).toBe('passive');
    expect(accountB.weighted.category).toBe('detractor');
    expect(portfolioNps(A1, 'weighted').value).toBe(-50);
  });

  it('revenue-weighted, average method: (100 − 400) / 500 → −60', () => {
    expect(methodPanel(A1, DEFAULT_METRIC_SETTINGS).revenueWeightedNps.average.value).toBe(-60);
  });

  it('revenue-weighted, weighted method (default): (0 − 400) / 500 → −80', () => {
    const panel = methodPanel(A1, DEFAULT_METRIC_SETTINGS);
    expect(panel.headlineMethod).toBe('weighted');
    expect(panel.revenueWeightedNps.weighted.value).toBe(-80);
    expect(panel.revenueWeightedNps.weighted.inputs).toMatchObject({ promoterArr: 0, detractorArr: money(400_000), scoredArr: money(500_000) });
    expect(panel.portfolioNps).toMatchObject({ 'count-all': { value: 50 }, average: { value: 0 }, waterfall: { value: -50 }, weighted: { value: -50 } });
  });

  it('the headline follows the setting, and count-all falls back to weighted categories with the rule said', () => {
    expect(accountA.headline).toMatchObject({ method: 'weighted', category: 'passive' });
    const averageHeadline = accountNps({ accountId: 'A', arr: 1, contactScores: [{ role: 'user', score: 9 }] }, metricSettingsSchema.parse({ headlineMethod: 'average' }));
    expect(averageHeadline.headline.method).toBe('average');
    const countAll = accountNps({ accountId: 'A', arr: 1, contactScores: [{ role: 'user', score: 9 }] }, metricSettingsSchema.parse({ headlineMethod: 'count-all' }));
    expect(countAll.headline.method).toBe('weighted');
    expect(countAll.headline.rule).toMatch(/count-all gives no account category/);
  });
});

describe('vector A2: revenue-weighted NPS with LTV as weight', () => {
  const entries: [string, number, number][] = [
    ['SMB', 10, 2_000],
    ['Enterprise', 2, 8_000],
    ['SMB', 9, 2_000],
    ['SMB', 8, 2_000],
    ['Enterprise', 7, 8_000],
  ];
  const accounts = entries.map(([segment, score, weight], index) =>
    accountNps({ accountId: `${segment}-${index}`, arr: weight, contactScores: [{ role: 'decision_maker', score }] }, DEFAULT_METRIC_SETTINGS),
  );

  it('plain NPS 20', () => {
    expect(portfolioNps(accounts, 'count-all').value).toBe(20);
    expect(portfolioNps(accounts, 'weighted').value).toBe(20);
  });

  it('revenue-weighted (4,000 − 8,000) / 22,000 × 100 = −18.18', () => {
    const figure = methodPanel(accounts, DEFAULT_METRIC_SETTINGS).revenueWeightedNps.weighted;
    expect(figure.value).toBeCloseTo((-4_000 / 22_000) * 100, 12);
    expect(roundHalfAwayFromZero(figure.value ?? NaN, 2)).toBe(-18.18);
  });
});

describe('latest score per contact in the window', () => {
  const window = { from: '2025-01-01', to: '2025-03-31' };
  const responses: WindowResponse[] = [
    { contactId: 'c1', role: 'decision_maker', score: 3, interviewDate: '2025-01-10' },
    { contactId: 'c1', role: 'decision_maker', score: 9, interviewDate: '2025-03-31T17:00:00Z' },
    { contactId: 'c1', role: 'decision_maker', score: 0, interviewDate: '2025-04-01' },
    { contactId: 'c2', role: null, score: 7, interviewDate: '2024-12-31' },
    { contactId: 'c3', role: 'user', score: 6, interviewDate: '2025-02-01' },
  ];

  it('keeps each contact’s latest score inside the window, inclusive of its last day', () => {
    expect(latestScorePerContact(responses, window)).toEqual([
      { contactId: 'c1', role: 'decision_maker', score: 9 },
      { contactId: 'c3', role: 'user', score: 6 },
    ]);
  });

  it('count-all keeps every response in the window, not just the latest', () => {
    const input = accountScoresFromResponses('X', 100, responses, window);
    expect(input.responseCounts).toEqual({ promoters: 1, passives: 0, detractors: 2 });
    expect(accountNps(input, DEFAULT_METRIC_SETTINGS).countAll.nps.value).toBeCloseTo(-100 / 3, 12);
  });

  it('rejects an invalid score instead of dropping it', () => {
    expect(() => latestScorePerContact([{ contactId: 'c', role: null, score: 11, interviewDate: '2025-01-02' }], window)).toThrow(/invalid/);
  });
});

describe('unscored and inactive accounts', () => {
  it('an account without scores is unscored with null scores, never 0', () => {
    const result = accountNps({ accountId: 'Z', arr: 500, contactScores: [] }, DEFAULT_METRIC_SETTINGS);
    expect(result.scored).toBe(false);
    expect(result.weighted.score.value).toBeNull();
    expect(result.weighted.category).toBeNull();
    expect(result.countAll.nps.value).toBeNull();
  });

  it('portfolio figures skip unscored and inactive accounts and are null when nothing is left', () => {
    const inactive = { accountId: 'gone', arr: 0, category: 'detractor' as const };
    expect(revenueWeightedNps([inactive, { accountId: 'u', arr: 10, category: null }]).value).toBeNull();
    expect(revenueWeightedNps([inactive, { accountId: 'p', arr: 10, category: 'promoter' }]).value).toBe(100);
  });
});

describe('account NPS properties', () => {
  const category = fc.constantFrom<NpsCategory>('promoter', 'passive', 'detractor');

  it('revenue-weighted NPS of a single account is +100, 0 or −100 by its category', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e12 }), category, (arr, cat) => {
        const expected = { promoter: 100, passive: 0, detractor: -100 }[cat];
        expect(revenueWeightedNps([{ accountId: 'one', arr, category: cat }]).value).toBe(expected);
      }),
    );
  });

  it('weighted score lies between the lowest and highest contact score', () => {
    const contact = fc.record({ role: fc.constantFrom('decision_maker', 'influencer', 'user', null), score: fc.integer({ min: 0, max: 10 }) });
    fc.assert(
      fc.property(fc.array(contact, { minLength: 1, maxLength: 12 }), (contacts) => {
        const score = accountNps({ accountId: 'p', arr: 1, contactScores: contacts }, DEFAULT_METRIC_SETTINGS).weighted.score.value ?? NaN;
        const scores = contacts.map((c) => c.score);
        expect(score).toBeGreaterThanOrEqual(Math.min(...scores) - 1e-12);
        expect(score).toBeLessThanOrEqual(Math.max(...scores) + 1e-12);
      }),
    );
  });

  it('a weighted mean a few ulps above 10 is clamped before categorising (fractional weights)', () => {
    const settings = metricSettingsSchema.parse({ roleWeights: { decision_maker: 0.1, influencer: 0.1, user: 0.7 } });
    const contactScores = [
      { role: 'decision_maker' as const, score: 10 },
      { role: 'influencer' as const, score: 10 },
      { role: 'user' as const, score: 10 },
    ];
    // The unclamped float: (0.1·10 + 0.1·10 + 0.7·10) / (0.1 + 0.1 + 0.7).
    expect((0.1 * 10 + 0.1 * 10 + 0.7 * 10) / (0.1 + 0.1 + 0.7)).toBeGreaterThan(10);
    const result = accountNps({ accountId: 'c', arr: 1, contactScores }, settings);
    expect(result.weighted.score.value).toBe(10);
    expect(result.weighted.category).toBe('promoter');
    expect(result.headline.category).toBe('promoter');
  });

  it('with fractional weights the weighted score never leaves the contacts’ score range, so equal scores keep their category', () => {
    const weight = fc.double({ min: 0.01, max: 50, noNaN: true });
    const contact = fc.record({ role: fc.constantFrom('decision_maker', 'influencer', 'user', null), score: fc.integer({ min: 0, max: 10 }) });
    fc.assert(
      fc.property(weight, weight, weight, fc.array(contact, { minLength: 1, maxLength: 12 }), (dm, inf, user, contacts) => {
        const settings = metricSettingsSchema.parse({ roleWeights: { decision_maker: dm, influencer: inf, user } });
        const score = accountNps({ accountId: 'p', arr: 1, contactScores: contacts }, settings).weighted.score.value ?? NaN;
        const scores = contacts.map((c) => c.score);
        expect(score).toBeGreaterThanOrEqual(Math.min(...scores));
        expect(score).toBeLessThanOrEqual(Math.max(...scores));
        if (Math.min(...scores) === Math.max(...scores)) expect(score).toBe(scores[0]);
      }),
    );
  });
});

describe('weighted mean on a category boundary, with fractional weights', () => {
  it('a mean that is exactly 7 is passive whatever the float noise of the sums', () => {
    // Σ w·s = 0.3·(5+7+9) + 0.2·(5+6) + 0.1·(10+8+7+9) = 11.9 and Σ w = 0.3·3 + 0.2·2 + 0.1·4 = 1.7: exactly 7.
    const roles = { d: 'decision_maker', i: 'influencer', u: 'user' } as const;
    const contacts = ['i5', 'i6', 'u10', 'd5', 'd7', 'u8', 'u7', 'u9', 'd9'].map((c) => ({ role: roles[c[0] as 'd' | 'i' | 'u'], score: Number(c.slice(1)) }));
    const settings = metricSettingsSchema.parse({ roleWeights: { decision_maker: 0.3, influencer: 0.2, user: 0.1 } });
    const result = accountNps({ accountId: 'edge', arr: 1, contactScores: contacts }, settings);
    expect(result.weighted.score.value).toBe(7);
    expect(result.weighted.category).toBe('passive');
    // The same contacts in any order give the same category.
    const reversed = accountNps({ accountId: 'edge', arr: 1, contactScores: [...contacts].reverse() }, settings);
    expect(reversed.weighted.score.value).toBe(7);
  });
});

describe('portfolio NPS and revenue-weighted NPS in one pass = their definitions over the scored accounts', () => {
  const account = fc.record({
    accountId: fc.uuid(),
    arr: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 5_000_000_00 })),
    category: fc.constantFrom<NpsCategory | null>('promoter', 'passive', 'detractor', null),
  });
  it('same value, inputs and account list, for any accounts', () => {
    fc.assert(
      fc.property(fc.array(account, { maxLength: 60 }), (accounts) => {
        const scored = accounts.filter((a) => a.arr > 0 && a.category !== null);
        const ids = scored.map((a) => a.accountId);
        const count = (category: NpsCategory) => scored.filter((a) => a.category === category).length;
        const arrOf = (category: NpsCategory) => scored.filter((a) => a.category === category).reduce((sum, a) => sum + a.arr, 0);
        const scoredArr = scored.reduce((sum, a) => sum + a.arr, 0);

        const byAccounts = portfolioNpsByAccounts(accounts);
        expect(byAccounts.value).toBe(scored.length === 0 ? null : (100 * (count('promoter') - count('detractor'))) / scored.length);
        expect(byAccounts.inputs).toEqual({ promoterAccounts: count('promoter'), detractorAccounts: count('detractor'), scoredAccounts: scored.length });
        expect(byAccounts.accountIds).toEqual(ids);

        const weighted = revenueWeightedNps(accounts);
        expect(weighted.value).toBe(scoredArr === 0 ? null : (100 * (arrOf('promoter') - arrOf('detractor'))) / scoredArr);
        expect(weighted.inputs).toEqual({ promoterArr: arrOf('promoter'), passiveArr: arrOf('passive'), detractorArr: arrOf('detractor'), scoredArr });
        expect(weighted.accountIds).toEqual(ids);
      }),
      { numRuns: 500 },
    );
  });
});
