import { describe, expect, it } from 'vitest';
import type { MetricsDashboard } from '../../../shared/contract/metrics';
import type { Figure } from '../../../shared/domain/metrics-types';
import { formatFigure, formatInput, formatInterval, formatMoneyValue, formatNps, formatRatio, formatValue, inputLabel, inputRows, NONE } from '../../../renderer/monetization/figure-format';
import { dashboardInput, filtersInput, fiscalQuarterOf, NO_DASHBOARD_FILTERS, parseQuarterValue, periodInput, quarterOption, quarterOptions, shiftQuarter } from '../../../renderer/monetization/period-model';
import { describeMove, parseSharePercent, shareMove } from '../../../renderer/monetization/simulator-model';
import { headlineCards } from '../../../renderer/monetization/headline-model';
import { DEFAULT_METRIC_SETTINGS } from '../../../shared/domain/metrics-settings';

const usd = { currency: 'USD', locale: 'en-US' };
const fig = (value: number | null, unit: Figure['unit'], extra: Partial<Figure> = {}): Figure => ({ value, unit, formula: 'f', inputs: {}, rule: null, ...extra });

describe('figure formatting', () => {
  it('shows NPS as a whole number, rounded half away from zero, with a true minus', () => {
    expect(formatNps(35.08771929824562)).toBe('35');
    expect(formatNps(-12.5)).toBe('\u221213');
    expect(formatNps(12.5)).toBe('13');
    expect(formatNps(0)).toBe('0');
    expect(formatNps(2, { plus: true })).toBe('+2');
    expect(formatNps(3.3333, { plus: true, digits: 1 })).toBe('+3.3');
  });

  it('never turns a missing figure into 0', () => {
    for (const unit of ['nps', 'ratio', 'minor-units', 'score', 'count', 'days', 'hours', 'nrr-per-score-point'] as const) {
      expect(formatValue(null, unit, usd)).toBe(NONE);
    }
    expect(formatInterval({ low: null, high: null, unit: 'nps', formula: '', inputs: {}, rule: null }, usd)).toBe(NONE);
  });

  it('formats ratios as percentages and money from minor units', () => {
    expect(formatRatio(0.8277586328152472, 'en-US')).toBe('82.8%');
    expect(formatRatio(1.0303233679072605, 'en-US')).toBe('103.0%');
    expect(formatRatio(0.8, 'en-US', { digits: 0 })).toBe('80%');
    expect(formatMoneyValue(54_300_000, usd)).toBe('$543,000');
    expect(formatMoneyValue(54_300_000, usd, { compact: true })).toBe('$543K');
    expect(formatMoneyValue(-76_984_000, usd, { plus: true })).toBe('\u2212$769,840');
    expect(formatMoneyValue(9_415_920, usd, { plus: true })).toBe('+$94,159.20');
    expect(formatMoneyValue(250_000_50, { currency: 'EUR', locale: 'de-DE' })).toBe('250.000,50\u00a0€');
  });

  it('formats the remaining units', () => {
    expect(formatValue(8.555555, 'score', usd)).toBe('8.56');
    expect(formatValue(9, 'score', usd)).toBe('9');
    expect(formatValue(64.47, 'days', usd)).toBe('64 days');
    expect(formatValue(1, 'days', usd)).toBe('1 day');
    expect(formatValue(1234, 'count', usd)).toBe('1,234');
    expect(formatValue(0.04189, 'nrr-per-score-point', usd)).toBe('+4.2 pp NRR per point');
    expect(formatInterval({ low: 21.337, high: 48.838, unit: 'nps', formula: '', inputs: {}, rule: null }, usd)).toBe('21 to 49');
  });

  it('labels and formats provenance inputs by what they hold', () => {
    expect(inputLabel('promoterArr')).toBe('Promoter ARR');
    expect(inputLabel('nrrPromoter')).toBe('NRR promoter');
    expect(inputLabel('accountsAtRisk')).toBe('Accounts at risk');
    expect(formatInput('scoredArr', 1_176_990_000, 'nps', usd)).toBe('$11,769,900');
    expect(formatInput('detractorProbability', 0.5, 'minor-units', usd)).toBe('50%');
    expect(formatInput('target', 0.8, 'ratio', usd)).toBe('80%');
    expect(formatInput('responses', 114, 'nps', usd)).toBe('114');
    expect(formatInput('before', 53.9494, 'nps', usd)).toBe('54');
    expect(formatInput('before', 1_398_038_000, 'minor-units', usd)).toBe('$13,980,380');
    expect(formatInput('asOf', '2026-09-30', 'count', usd)).toBe('2026-09-30');
    expect(formatInput('active', true, 'days', usd)).toBe('yes');
    expect(formatInput('role', null, 'score', usd)).toBe(NONE);
    expect(formatInput('meanScore', 8.05419501133787, 'nrr-per-score-point', usd)).toBe('8.0542');
    const rows = inputRows(fig(35, 'nps', { inputs: { promoters: 59, responses: 114 } }), usd);
    expect(rows).toEqual([
      { key: 'promoters', label: 'Promoters', value: '59' },
      { key: 'responses', label: 'Responses', value: '114' },
    ]);
  });
});

describe('periods and filters', () => {
  it('places a day in its fiscal quarter, the fiscal year named by the calendar year it starts in', () => {
    expect(fiscalQuarterOf('2026-12-05', 1)).toEqual({ year: 2026, quarter: 4 });
    expect(fiscalQuarterOf('2026-03-31', 4)).toEqual({ year: 2025, quarter: 4 });
    expect(fiscalQuarterOf('2026-04-01', 4)).toEqual({ year: 2026, quarter: 1 });
    expect(shiftQuarter({ year: 2026, quarter: 1 }, -1)).toEqual({ year: 2025, quarter: 4 });
  });

  it('gives each quarter its days and the engine’s label', () => {
    expect(quarterOption({ year: 2026, quarter: 3 }, 1, '2026-12-05')).toEqual({ year: 2026, quarter: 3, value: '2026-Q3', label: '2026 Q3', from: '2026-07-01', to: '2026-09-30', partial: false });
    expect(quarterOption({ year: 2025, quarter: 4 }, 4, '2026-12-05')).toMatchObject({ label: 'FY2025 Q4', from: '2026-01-01', to: '2026-03-31' });
    expect(quarterOption({ year: 2024, quarter: 1 }, 2, '2026-12-05')).toMatchObject({ from: '2024-02-01', to: '2024-04-30' });
    const list = quarterOptions('2026-12-05', 1, 4);
    expect(list.map((q) => q.value)).toEqual(['2026-Q4', '2026-Q3', '2026-Q2', '2026-Q1']);
    expect(list[0]!.partial).toBe(true);
    expect(parseQuarterValue('2026-Q3')).toEqual({ year: 2026, quarter: 3 });
    expect(parseQuarterValue('2026-Q5')).toBeNull();
  });

  it('sends a period only when it is whole, and says why otherwise', () => {
    const base = { kind: 'quarter' as const, quarter: '', endDate: '2026-12-05', from: '', to: '' };
    expect(periodInput(base)).toEqual({ input: undefined, problem: null });
    expect(periodInput({ ...base, quarter: '2026-Q2' }).input).toEqual({ kind: 'quarter', year: 2026, quarter: 2 });
    expect(periodInput({ ...base, kind: 'trailing12' }).input).toEqual({ kind: 'trailing12', endDate: '2026-12-05' });
    expect(periodInput({ ...base, kind: 'trailing12', endDate: '' }).problem).toMatch(/last day/);
    expect(periodInput({ ...base, kind: 'custom', from: '2026-01-01' }).problem).toBe('Choose both dates.');
    expect(periodInput({ ...base, kind: 'custom', from: '2026-05-01', to: '2026-01-01' }).problem).toMatch(/on or after/);
    expect(periodInput({ ...base, kind: 'custom', from: '2026-01-01', to: '2026-05-01' })).toEqual({ input: { kind: 'custom', from: '2026-01-01', to: '2026-05-01' }, problem: null });
  });

  it('turns the filter bar into the engine’s filters, dropping empty and unknown values', () => {
    expect(filtersInput(NO_DASHBOARD_FILTERS)).toEqual({});
    expect(filtersInput({ ...NO_DASHBOARD_FILTERS, tier: 'Enterprise', region: ' EMEA ', segment: 'growth' })).toEqual({ tier: 'Enterprise', region: 'EMEA', segment: 'growth' });
    expect(filtersInput({ ...NO_DASHBOARD_FILTERS, tier: 'Gold', segment: 'vip' })).toEqual({});
    expect(dashboardInput(undefined, NO_DASHBOARD_FILTERS)).toEqual({});
    expect(dashboardInput({ kind: 'quarter', year: 2026, quarter: 2 }, { ...NO_DASHBOARD_FILTERS, owner: 'Maya Richardson' })).toEqual({
      period: { kind: 'quarter', year: 2026, quarter: 2 },
      filters: { owner: 'Maya Richardson' },
    });
  });
});

describe('simulator moves', () => {
  it('reads a share as percent of scored ARR', () => {
    expect(parseSharePercent('5')).toEqual({ share: 0.05 });
    expect(parseSharePercent('2,5')).toEqual({ share: 0.025 });
    expect(parseSharePercent('0')).toHaveProperty('error');
    expect(parseSharePercent('101')).toHaveProperty('error');
    expect(parseSharePercent('five')).toHaveProperty('error');
    expect(parseSharePercent('')).toHaveProperty('error');
    expect(shareMove('detractor', 'detractor', 0.1)).toHaveProperty('error');
    expect(shareMove('detractor', 'promoter', 0.1)).toEqual({ kind: 'share', from: 'detractor', to: 'promoter', shareOfScoredArr: 0.1 });
  });

  it('describes moves in words, with account names when it knows them', () => {
    const names = new Map([
      ['a', 'Acme'],
      ['b', 'Globex'],
    ]);
    expect(describeMove({ kind: 'share', from: 'detractor', to: 'promoter', shareOfScoredArr: 0.025 }, names, 'en-US')).toBe('2.5% of scored ARR: Detractor → Promoter');
    expect(describeMove({ kind: 'accounts', accountIds: ['a', 'b'], to: 'passive' }, names, 'en-US')).toBe('Acme, Globex → Passive');
    expect(describeMove({ kind: 'accounts', accountIds: ['x', 'y'], to: 'promoter' }, new Map(), 'en-US')).toBe('2 named accounts → Promoter');
  });
});

describe('headline cards', () => {
  const retention = { startArr: 100, cohortAccounts: 53 };
  const dashboard = {
    period: { kind: 'quarter', label: '2026 Q3', from: '2026-07-01', to: '2026-09-30', fiscalYear: 2026, quarter: 3, fiscalYearStartMonth: 1, partial: false, rule: '' },
    methodPanel: { headlineMethod: 'weighted' },
    settings: DEFAULT_METRIC_SETTINGS,
    headline: {
      nps: fig(35.0877, 'nps'),
      interval95: { low: 21.3, high: 48.8, unit: 'nps', formula: '', inputs: {}, rule: null },
      responses: fig(114, 'count'),
      portfolioNps: fig(26.83, 'nps'),
      revenueWeightedNps: fig(null, 'nps', { nullReason: 'no scored ARR in the selection' }),
      arrAtRisk: fig(54_300_000, 'minor-units', { inputs: { accountsAtRisk: 6 }, rule: 'account category detractor' }),
      expectedLossShortTerm: fig(27_150_000, 'minor-units'),
      expectedLossLongTerm: fig(203_496_000, 'minor-units'),
      potentialGrowth: fig(206_784_000, 'minor-units'),
      coverage: { coverage: fig(0.65, 'ratio'), target: 0.8, meetsTarget: false },
      silentAccounts: fig(1, 'count'),
      silentArr: fig(1_180_000, 'minor-units'),
      nrr: fig(1.0303, 'ratio', { inputs: retention }),
      grr: fig(0.9641, 'ratio', { inputs: retention }),
    },
  } as unknown as MetricsDashboard;
  const cards = headlineCards(dashboard, usd);
  const card = (id: string) => cards.find((c) => c.id === id)!;

  it('shows the eight headline figures in order, each with its explanation', () => {
    expect(cards.map((c) => c.id)).toEqual(['nps', 'rw-nps', 'arr-at-risk', 'expected-loss', 'coverage', 'silent', 'nrr', 'grr']);
    expect(card('nps')).toMatchObject({ value: '35', detail: '95% interval 21 to 49 · n = 114' });
    expect(card('arr-at-risk')).toMatchObject({ value: '$543K', detail: '6 accounts · account category detractor', tone: 'risk' });
    expect(card('expected-loss').detail).toBe('within 90 days · $2M more within 180 days');
    expect(card('coverage')).toMatchObject({ value: '65.0%', detail: 'target 80% · below target', tone: 'warning' });
    expect(card('nrr')).toMatchObject({ value: '103.0%', detail: 'trailing 12 months · 53 accounts' });
    expect(card('nps').explanation.figures.map((f) => f.label)).toEqual(['NPS', '95% interval', 'Responses (n)']);
  });

  it('shows an empty figure as "—" with the reason, never as 0', () => {
    expect(card('rw-nps')).toMatchObject({ value: NONE, empty: true, detail: 'no scored ARR in the selection' });
    expect(formatFigure(dashboard.headline.revenueWeightedNps, usd)).toBe(NONE);
  });
});
