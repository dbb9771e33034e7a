import { describe, expect, it } from 'vitest';
import { mspSegment, riskZone, withOverride, type MspSignals } from '../../../main/metrics/segments';
import { DEFAULT_METRIC_SETTINGS } from '../../../shared/domain/metrics-settings';

describe('risk zones (metrics.md §10)', () => {
  it('at risk: detractor or rule R1 (account NPS < −20)', () => {
    expect(riskZone({ category: 'detractor', countAllNps: 0, silent: false })).toMatchObject({ placement: 'at-risk', matched: ['category detractor'] });
    const r1 = riskZone({ category: 'passive', countAllNps: -25, silent: false });
    expect(r1.placement).toBe('at-risk');
    expect(r1.rule).toMatch(/account NPS -25 < -20/);
    expect(riskZone({ category: 'passive', countAllNps: -20, silent: false }).placement).toBe('gray');
  });

  it('gray zone: passive or silent; safe: promoter', () => {
    expect(riskZone({ category: 'promoter', countAllNps: 100, silent: true })).toMatchObject({ placement: 'gray', matched: ['silent'] });
    expect(riskZone({ category: 'promoter', countAllNps: 100, silent: false }).placement).toBe('safe');
    expect(riskZone({ category: null, countAllNps: null, silent: true }).placement).toBe('gray');
    expect(riskZone({ category: null, countAllNps: null, silent: false }).placement).toBe('unscored');
  });
});

describe('MSP segments, first matching rule wins', () => {
  const asOf = '2025-01-01';
  const neutral: MspSignals = {
    category: 'promoter',
    countAllNps: 100,
    silent: false,
    weightedScore: 9.5,
    previousWeightedScore: 9.5,
    renewalDate: '2026-06-01',
    contractedLastPeriod: false,
    renewalIntent: 'yes',
    successVectorAlert: false,
    expansionLastPeriod: false,
    openExpansionOpportunity: false,
    intentToBuyMore: false,
  };
  const segment = (signals: Partial<MspSignals>) => mspSegment({ ...neutral, ...signals }, asOf, DEFAULT_METRIC_SETTINGS);

  it('Dangling: at risk AND (renewal within 180 days OR contracted OR intent "no")', () => {
    const renewal = segment({ category: 'detractor', countAllNps: -100, renewalDate: '2025-06-30' });
    expect(renewal.placement).toBe('dangling');
    expect(renewal.matched).toEqual(['category detractor', 'account NPS -100 < -20 (rule R1)', 'renewal within 180 days (2025-06-30)']);
    expect(segment({ category: 'detractor', contractedLastPeriod: true }).placement).toBe('dangling');
    expect(segment({ category: 'detractor', renewalIntent: 'no' }).placement).toBe('dangling');
    expect(segment({ category: 'detractor', renewalDate: '2025-06-30', expansionLastPeriod: true }).placement).toBe('dangling');
  });

  it('renewal "within 180 days" is inclusive of day 180 and ignores past dates', () => {
    expect(segment({ category: 'detractor', renewalDate: '2025-06-30' }).placement).toBe('dangling');
    expect(segment({ category: 'detractor', renewalDate: '2025-07-01' }).placement).toBe('at-risk');
    expect(segment({ category: 'detractor', renewalDate: '2024-12-01' }).placement).toBe('at-risk');
  });

  it('At-Risk: at risk otherwise; passive falling ≥ 2 points; silent near renewal; Success Vector alert', () => {
    expect(segment({ category: 'detractor' }).placement).toBe('at-risk');
    const falling = segment({ category: 'passive', weightedScore: 7, previousWeightedScore: 9 });
    expect(falling).toMatchObject({ placement: 'at-risk', matched: ['passive, weighted score fell 2 points (≥ 2)'] });
    expect(segment({ category: 'passive', weightedScore: 7.5, previousWeightedScore: 9 }).placement).toBe('happy');
    expect(segment({ category: null, silent: true, renewalDate: '2025-03-01' }).placement).toBe('at-risk');
    expect(segment({ successVectorAlert: true, openExpansionOpportunity: true }).placement).toBe('at-risk');
  });

  it('Growth: promoter or passive rising ≥ 1 point, with an expansion signal', () => {
    expect(segment({ openExpansionOpportunity: true })).toMatchObject({ placement: 'growth', matched: ['category promoter', 'open expansion opportunity'] });
    expect(segment({ category: 'passive', weightedScore: 8, previousWeightedScore: 7, intentToBuyMore: true }).placement).toBe('growth');
    expect(segment({ category: 'passive', weightedScore: 7.5, previousWeightedScore: 7, intentToBuyMore: true }).placement).toBe('happy');
    expect(segment({ expansionLastPeriod: false }).placement).toBe('happy');
  });

  it('Happy: passive or promoter, none of the above; Unscored: no data in the window', () => {
    expect(segment({}).rule).toBe('Happy: passive or promoter, no other rule matched: category promoter');
    expect(segment({ category: null, countAllNps: null, weightedScore: null }).placement).toBe('unscored');
  });

  it('a manual override needs a reason and keeps the rule-based placement beside it', () => {
    const placed = segment({});
    expect(() => withOverride(placed, { placement: 'at-risk', reason: '  ' })).toThrow(/reason/);
    expect(withOverride(placed, { placement: 'at-risk', reason: 'CFO leaving' })).toMatchObject({
      placement: 'happy',
      override: { placement: 'at-risk', reason: 'CFO leaving' },
    });
  });
});
