import { describe, expect, it } from 'vitest';
import { revenueCoverage, silenceStatus, stakeholderCoverage } from '../../../main/metrics/coverage';
import { DEFAULT_METRIC_SETTINGS } from '../../../shared/domain/metrics-settings';

const money = (units: number) => units * 100;

describe('revenue coverage (metrics.md §3)', () => {
  it('C1: 6.5M surveyed of 10M → 65 %, below the 80 % target', () => {
    const result = revenueCoverage(
      [
        { accountId: 'a', arr: money(4_000_000), responded: true },
        { accountId: 'b', arr: money(2_500_000), responded: true },
        { accountId: 'c', arr: money(3_500_000), responded: false },
        { accountId: 'churned', arr: 0, responded: true },
      ],
      DEFAULT_METRIC_SETTINGS,
    );
    expect(result.coverage.value).toBe(0.65);
    expect(result.target).toBe(0.8);
    expect(result.meetsTarget).toBe(false);
    expect(result.coverage.accountIds).toEqual(['a', 'b']);
  });

  it('is null, not 0, with no active ARR', () => {
    const result = revenueCoverage([], DEFAULT_METRIC_SETTINGS);
    expect(result.coverage.value).toBeNull();
    expect(result.meetsTarget).toBeNull();
  });
});

describe('stakeholder coverage', () => {
  it('lists which roles answered; a contact without a role is a user', () => {
    const result = stakeholderCoverage('a', [
      { role: 'decision_maker', answeredInWindow: false },
      { role: 'influencer', answeredInWindow: true },
      { role: null, answeredInWindow: true },
      { role: 'user', answeredInWindow: false },
    ]);
    expect(result.rolesAnswered).toEqual(['influencer', 'user']);
    expect(result.rolesWithoutAnswer).toEqual(['decision_maker']);
    expect(result.roles.find((role) => role.role === 'user')).toEqual({ role: 'user', contacts: 2, answered: 1 });
    expect(result.share.value).toBe(0.5);
  });
});

describe('silent accounts (default 180 days)', () => {
  const base = { accountId: 'a', arr: 1000, lastResponseAt: null, lastInterviewAt: null, knownSince: null };

  it('is silent after more than 180 days without a response or an interview', () => {
    const status = silenceStatus({ ...base, lastResponseAt: '2024-06-01', lastInterviewAt: '2024-07-01' }, '2024-12-29', DEFAULT_METRIC_SETTINGS);
    expect(status.daysSinceLastTouch.value).toBe(181);
    expect(status.silent).toBe(true);
  });

  it('exactly 180 days is not yet silent ("more than N days")', () => {
    expect(silenceStatus({ ...base, lastInterviewAt: '2024-07-01' }, '2024-12-28', DEFAULT_METRIC_SETTINGS).silent).toBe(false);
  });

  it('an account never heard from is silent: silence is a risk signal, not a neutral state', () => {
    expect(silenceStatus(base, '2025-01-01', DEFAULT_METRIC_SETTINGS).silent).toBe(true);
    expect(silenceStatus({ ...base, knownSince: '2024-12-01' }, '2025-01-01', DEFAULT_METRIC_SETTINGS).silent).toBe(false);
  });

  it('only active accounts are silent', () => {
    expect(silenceStatus({ ...base, arr: 0 }, '2025-01-01', DEFAULT_METRIC_SETTINGS).silent).toBe(false);
  });
});
