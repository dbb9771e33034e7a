import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyRetention, clvFromChurn, clvFromMarginRetention, retention } from '../../../main/metrics/retention';
import { DEFAULT_METRIC_SETTINGS, metricSettingsSchema } from '../../../shared/domain/metrics-settings';

const money = (units: number) => units * 100;

describe('retention over the trailing twelve months (metrics.md §6)', () => {
  const result = retention([
    { accountId: 'expands', arrStart: money(500_000), arrEnd: money(650_000) },
    { accountId: 'churns', arrStart: money(80_000), arrEnd: 0 },
    { accountId: 'contracts', arrStart: money(420_000), arrEnd: money(400_000) },
    { accountId: 'new', arrStart: 0, arrEnd: money(999_000) },
  ]);

  it('G1: start 1,000,000; churn 80,000; contraction 20,000; expansion 150,000 → GRR 90 %, NRR 105 %', () => {
    expect(result.startArr.value).toBe(money(1_000_000));
    expect(result.churnedArr.value).toBe(money(80_000));
    expect(result.contractionArr.value).toBe(money(20_000));
    expect(result.expansionArr.value).toBe(money(150_000));
    expect(result.grr.value).toBe(0.9);
    expect(result.nrr.value).toBe(1.05);
  });

  it('excludes new accounts from the cohort', () => {
    expect(result.cohortSize).toBe(3);
    expect(result.accounts.map((account) => account.accountId)).not.toContain('new');
  });

  it('logo churn = churned / cohort accounts; revenue churn = churned ARR / start ARR', () => {
    expect(result.logoChurn.value).toBeCloseTo(1 / 3, 12);
    expect(result.logoChurn.accountIds).toEqual(['churns']);
    expect(result.revenueChurn.value).toBe(0.08);
  });

  it('classifies expansion (Δ > 0), churn (ARR(t1) = 0), contraction (Δ < 0), flat otherwise', () => {
    expect([classifyRetention(10, 12), classifyRetention(10, 0), classifyRetention(10, 8), classifyRetention(10, 10)]).toEqual([
      'expansion',
      'churn',
      'contraction',
      'flat',
    ]);
  });

  it('an empty cohort gives null ratios, not 0', () => {
    const empty = retention([]);
    expect([empty.nrr.value, empty.grr.value, empty.logoChurn.value, empty.revenueChurn.value]).toEqual([null, null, null, null]);
    expect(empty.nrr.nullReason).toMatch(/no account/);
  });

  it('property: NRR ≥ GRR, GRR within 0..1', () => {
    const account = fc.record({ accountId: fc.uuid(), arrStart: fc.integer({ min: 0, max: 1e12 }), arrEnd: fc.integer({ min: 0, max: 1e12 }) });
    fc.assert(
      fc.property(fc.array(account, { minLength: 1, maxLength: 50 }), (accounts) => {
        const { nrr, grr } = retention(accounts);
        if (nrr.value === null || grr.value === null) {
          expect(accounts.every((a) => a.arrStart === 0)).toBe(true);
          return;
        }
        expect(nrr.value).toBeGreaterThanOrEqual(grr.value);
        expect(grr.value).toBeGreaterThanOrEqual(0);
        expect(grr.value).toBeLessThanOrEqual(1);
      }),
    );
  });
});

describe('CLV', () => {
  it('L1: 1,000 per month at 5 % monthly churn → 20,000', () => {
    const clv = clvFromChurn({ revenuePerPeriod: money(1_000), churnRatePerPeriod: 0.05 }, DEFAULT_METRIC_SETTINGS);
    expect(clv.value).toBe(money(20_000));
    expect(clv.inputs.floorApplied).toBe(false);
  });

  it('applies the gross margin setting', () => {
    const margin = metricSettingsSchema.parse({ grossMargin: 0.6 });
    expect(clvFromChurn({ revenuePerPeriod: money(1_000), churnRatePerPeriod: 0.05 }, margin).value).toBe(money(12_000));
  });

  it('floors the churn rate at 1 % and flags it', () => {
    const zeroChurn = clvFromChurn({ revenuePerPeriod: money(1_000), churnRatePerPeriod: 0 }, DEFAULT_METRIC_SETTINGS);
    expect(zeroChurn.value).toBe(money(100_000));
    expect(zeroChurn.inputs).toMatchObject({ floorApplied: true, churnRateUsed: 0.01 });
    expect(zeroChurn.rule).toMatch(/floor used/);
    expect(clvFromChurn({ revenuePerPeriod: money(1_000), churnRatePerPeriod: null }, DEFAULT_METRIC_SETTINGS).inputs.floorApplied).toBe(true);
  });

  it('L2: m 10,000, r 0.8, i 0.1 → 26,666.67', () => {
    expect(clvFromMarginRetention({ margin: money(10_000), retentionRate: 0.8, discountRate: 0.1 }).value).toBe(2_666_667);
  });

  it('margin/retention form is null when 1 + i − r is not positive', () => {
    expect(clvFromMarginRetention({ margin: 100, retentionRate: 1, discountRate: 0 }).value).toBeNull();
  });
});
