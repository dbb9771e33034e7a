import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { driverArrAtRisk, negativeDriverIds, npsWaterfall, type DriverAccount } from '../../../main/metrics/drivers';
import { DEFAULT_METRIC_SETTINGS } from '../../../shared/domain/metrics-settings';
import { roundHalfAwayFromZero } from '../../../shared/domain/rounding';

describe('NPS waterfall by driver (metrics.md §5)', () => {
  it('D1: N = 10; a promoter citing 3 drivers adds 3.333 to each', () => {
    const responses = [{ score: 10, driverIds: ['price', 'support', 'product'] }, ...Array.from({ length: 9 }, () => ({ score: 8, driverIds: [] }))];
    const { nps, contributions } = npsWaterfall(responses, { price: 'Price' });
    expect(nps.value).toBe(10);
    for (const driverId of ['price', 'support', 'product']) {
      const contribution = contributions.find((entry) => entry.driverId === driverId)?.contribution.value ?? NaN;
      expect(roundHalfAwayFromZero(contribution, 3)).toBe(3.333);
    }
    expect(contributions.find((entry) => entry.driverId === 'price')?.label).toBe('Price');
    expect(contributions.at(-1)).toMatchObject({ driverId: null, label: 'Other', responses: 9 });
  });

  it('detractors subtract, passives add nothing, uncited responses go to Other', () => {
    const { contributions } = npsWaterfall([
      { score: 0, driverIds: ['price', 'price'] },
      { score: 9, driverIds: [] },
      { score: 7, driverIds: ['support'] },
      { score: 9, driverIds: ['support'] },
    ]);
    const byId = Object.fromEntries(contributions.map((entry) => [entry.driverId ?? 'Other', entry.contribution.value]));
    expect(byId).toEqual({ price: -25, support: 25, Other: 25 });
  });

  it('has no contributions when there are no responses, and a null NPS', () => {
    expect(npsWaterfall([])).toMatchObject({ nps: { value: null }, contributions: [] });
  });

  it('property: contributions sum to the NPS within 1e-9', () => {
    const response = fc.record({
      score: fc.integer({ min: 0, max: 10 }),
      driverIds: fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g'), { maxLength: 5 }),
    });
    fc.assert(
      fc.property(fc.array(response, { minLength: 1, maxLength: 300 }), (responses) => {
        const { nps, contributions } = npsWaterfall(responses);
        const sum = contributions.reduce((total, entry) => total + (entry.contribution.value ?? 0), 0);
        expect(Math.abs(sum - (nps.value ?? NaN))).toBeLessThanOrEqual(1e-9);
      }),
    );
  });
});

describe('negative driver ratings', () => {
  it('≤ 2 on 1–5 is negative; duplicates count once', () => {
    const ratings = [
      { driverId: 'price', rating: 2 },
      { driverId: 'price', rating: 1 },
      { driverId: 'support', rating: 3 },
      { driverId: 'onboarding', rating: 1 },
    ];
    expect(negativeDriverIds(ratings, DEFAULT_METRIC_SETTINGS)).toEqual(['onboarding', 'price']);
  });

  it('rejects ratings off the scale', () => {
    expect(() => negativeDriverIds([{ driverId: 'price', rating: 6 }], DEFAULT_METRIC_SETTINGS)).toThrow(/1–5 scale/);
    expect(() => negativeDriverIds([{ driverId: 'price', rating: 2.5 }], DEFAULT_METRIC_SETTINGS)).toThrow(RangeError);
  });
});

describe('driver ARR at risk', () => {
  const accounts: DriverAccount[] = [
    { accountId: 'a', arr: 100_001, atRisk: true, negativeDriverIds: ['price', 'support', 'product'] },
    { accountId: 'b', arr: 50_000, atRisk: true, negativeDriverIds: [] },
    { accountId: 'c', arr: 70_000, atRisk: false, negativeDriverIds: ['price'] },
    { accountId: 'd', arr: 20_000, atRisk: true, negativeDriverIds: ['support', 'support'] },
  ];
  const result = driverArrAtRisk(accounts);
  const byId = (id: string | null) => result.drivers.find((driver) => driver.driverId === id);

  it('splits each at-risk account’s ARR equally over its drivers, remainder cents one by one', () => {
    expect(result.arrAtRisk.value).toBe(170_001);
    expect(byId('price')?.attributed.value).toBe(33_334);
    expect(byId('product')?.attributed.value).toBe(33_334);
    expect(byId('support')?.attributed.value).toBe(33_333 + 20_000);
  });

  it('at-risk ARR with no negative driver is Unattributed', () => {
    expect(byId(null)).toMatchObject({ label: 'Unattributed', attributed: { value: 50_000, accountIds: ['b'] } });
  });

  it('exposed ARR counts every account citing the driver, overlapping', () => {
    expect(byId('price')?.exposed.value).toBe(170_001);
    expect(byId('price')?.exposed.notes?.[0]).toMatch(/overlapping/);
  });

  it('ranks named drivers by attributed ARR at risk, highest first', () => {
    expect(result.ranking.map((driver) => driver.driverId)).toEqual(['support', 'price', 'product']);
  });

  it('property: the driver figures sum exactly to ARR at risk', () => {
    const account = fc.record({
      accountId: fc.uuid(),
      arr: fc.integer({ min: 0, max: 1e13 }),
      atRisk: fc.boolean(),
      negativeDriverIds: fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g'), { maxLength: 7 }),
    });
    fc.assert(
      fc.property(fc.array(account, { maxLength: 60 }), (list) => {
        const { arrAtRisk, drivers } = driverArrAtRisk(list);
        const sum = drivers.reduce((total, driver) => total + (driver.attributed.value ?? 0), 0);
        expect(Number.isSafeInteger(sum)).toBe(true);
        expect(sum).toBe(arrAtRisk.value);
      }),
    );
  });
});
