import { describe, expect, it } from 'vitest';
import {
  arrByCategory,
  expectedRevenueLoss,
  hardArrAtRisk,
  isAccountAtRisk,
  observedChurn,
  type ChurnOutcome,
} from '../../../main/metrics/revenue-at-risk';
import { DEFAULT_METRIC_SETTINGS, metricSettingsSchema } from '../../../shared/domain/metrics-settings';
import type { NpsCategory } from '../../../shared/domain/metrics-types';

const money = (units: number) => units * 100;

describe('hard ARR at risk (metrics.md §4)', () => {
  it('R1: account NPS −25 → at risk; −20 → not (strictly below −20)', () => {
    expect(isAccountAtRisk({ accountId: 'a', category: 'passive', countAllNps: -25 }, 'nps-below-minus-20').atRisk).toBe(true);
    expect(isAccountAtRisk({ accountId: 'b', category: 'detractor', countAllNps: -20 }, 'nps-below-minus-20').atRisk).toBe(false);
  });

  it('default rule: the account category is detractor', () => {
    expect(isAccountAtRisk({ accountId: 'a', category: 'detractor', countAllNps: 0 }, 'detractor').atRisk).toBe(true);
    expect(isAccountAtRisk({ accountId: 'b', category: 'passive', countAllNps: -100 }, 'detractor').atRisk).toBe(false);
    expect(isAccountAtRisk({ accountId: 'c', category: null, countAllNps: null }, 'detractor').atRisk).toBe(false);
  });

  it('sums the ARR of the active accounts the rule selects and names them', () => {
    const accounts = [
      { accountId: 'a', arr: money(100), category: 'detractor' as const, countAllNps: -10 },
      { accountId: 'b', arr: money(300), category: 'passive' as const, countAllNps: -25 },
      { accountId: 'c', arr: 0, category: 'detractor' as const, countAllNps: -100 },
    ];
    expect(hardArrAtRisk(accounts, 'detractor')).toMatchObject({ value: money(100), accountIds: ['a'] });
    expect(hardArrAtRisk(accounts, 'nps-below-minus-20')).toMatchObject({ value: money(300), accountIds: ['b'] });
  });
});

describe('expected revenue loss (model)', () => {
  it('R2: 20 detractors, 30 passives, 50 promoters at 1,000 → 10,000 short, 9,000 long, 15,000 growth', () => {
    const categories: NpsCategory[] = [
      ...Array<NpsCategory>(20).fill('detractor'),
      ...Array<NpsCategory>(30).fill('passive'),
      ...Array<NpsCategory>(50).fill('promoter'),
    ];
    const arr = arrByCategory(categories.map((category, index) => ({ accountId: `a${index}`, arr: money(1_000), category })));
    const loss = expectedRevenueLoss(arr, DEFAULT_METRIC_SETTINGS);
    expect(loss.shortTerm.value).toBe(money(10_000));
    expect(loss.longTerm.value).toBe(money(9_000));
    expect(loss.total.value).toBe(money(19_000));
    expect(loss.potentialGrowth.value).toBe(money(15_000));
    expect(loss.shortTerm.notes?.[0]).toMatch(/model/);
  });

  it('unscored ARR uses the passive probability by default, or the category the setting names', () => {
    const arr = { promoter: 0, passive: 0, detractor: 0, unscored: money(1_000) };
    expect(expectedRevenueLoss(arr, DEFAULT_METRIC_SETTINGS).longTerm.value).toBe(money(300));
    const asDetractor = metricSettingsSchema.parse({ unscoredTreatedAs: 'detractor' });
    expect(expectedRevenueLoss(arr, asDetractor).longTerm.value).toBe(money(500));
  });

  it('rounds model money to whole minor units', () => {
    const loss = expectedRevenueLoss({ promoter: 0, passive: 0, detractor: 3, unscored: 0 }, DEFAULT_METRIC_SETTINGS);
    expect(loss.shortTerm.value).toBe(2);
  });
});

describe('evidence-based observed churn', () => {
  const outcomes = (n: number): ChurnOutcome[] =>
    Array.from({ length: n }, (_, index) => ({
      accountId: `a${index}`,
      category: (['promoter', 'passive', 'detractor'] as const)[index % 3] ?? 'promoter',
      churned: index % 3 === 2 && index % 2 === 0,
    }));

  it('is hidden (null, with the reason) below 30 account outcomes', () => {
    const result = observedChurn(outcomes(29), DEFAULT_METRIC_SETTINGS);
    expect(result.shown).toBe(false);
    expect(result.byCategory.detractor.value).toBeNull();
    expect(result.byCategory.detractor.nullReason).toMatch(/29 of the 30/);
  });

  it('shows churned / accounts per category from 30 outcomes, with the sample size', () => {
    const result = observedChurn(outcomes(30), DEFAULT_METRIC_SETTINGS);
    expect(result.shown).toBe(true);
    expect(result.sampleSize).toBe(30);
    // detractors are indices 2, 5, 8, …, 29: 10 accounts, churned when the index is even (2, 8, 14, 20, 26).
    expect(result.byCategory.detractor.value).toBe(0.5);
    expect(result.byCategory.promoter.value).toBe(0);
  });
});
