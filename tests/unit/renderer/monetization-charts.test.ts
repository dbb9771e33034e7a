import { describe, expect, it } from 'vitest';
import type { AccountTrendPoint, NpsTrendPoint, RetentionTrendPoint } from '../../../shared/contract/metrics';
import type { DriverArrAtRisk, Figure, NpsWaterfall } from '../../../shared/domain/metrics-types';
import { DEFAULT_PALETTE } from '../../../renderer/charts/chart-palette';
import { DEFAULT_METRIC_COLORS, escapeHtml } from '../../../renderer/charts/metric-common-options';
import { npsTrendOptions, npsTrendSummary } from '../../../renderer/charts/nps-trend-options';
import { retentionTrendOptions, retentionTrendSummary } from '../../../renderer/charts/retention-trend-options';
import { driverRankingOptions, driverRankingSummary, npsWaterfallOptions, npsWaterfallSummary, rankingRows, waterfallBars, waterfallSteps } from '../../../renderer/charts/driver-options';
import { accountTrendOptions, accountTrendSummary } from '../../../renderer/charts/account-trend-options';

const ctx = { palette: DEFAULT_PALETTE, colors: DEFAULT_METRIC_COLORS, currency: 'USD', locale: 'en-US' };
const fig = (value: number | null, unit: Figure['unit'] = 'nps'): Figure => ({ value, unit, formula: '', inputs: {}, rule: null });
const period = (label: string, from: string) => ({ label, from, to: from, partial: false });

type Series = { name: string; data: unknown[]; stack?: string; itemStyle?: { color: string }; lineStyle?: { color: string; type?: string; width?: number } };
type Opt = { series: Series[]; yAxis: { min?: number; max?: number; data?: string[] }; xAxis: { data?: string[] }; tooltip: { formatter: (p: unknown) => string } };
const opt = (o: unknown) => o as Opt;

const trend: NpsTrendPoint[] = [
  { period: period('2024 Q4', '2024-10-01'), nps: fig(null), interval95: { low: null, high: null, unit: 'nps', formula: '', inputs: {}, rule: null }, responses: 0 },
  { period: period('2025 Q1', '2025-01-01'), nps: fig(43.43), interval95: { low: 28.8, high: 58.0, unit: 'nps', formula: '', inputs: {}, rule: null }, responses: 99 },
  { period: period('2025 Q2', '2025-04-01'), nps: fig(-12.5), interval95: { low: -30, high: 5, unit: 'nps', formula: '', inputs: {}, rule: null }, responses: 20 },
];

describe('NPS trend chart', () => {
  const o = opt(npsTrendOptions(trend, ctx));
  it('draws the NPS line with gaps where a quarter had no responses, never zeros', () => {
    const line = o.series.find((s) => s.name === 'NPS')!;
    expect(line.data).toEqual([null, 43.43, -12.5]);
    expect(o.xAxis.data).toEqual(['2024 Q4', '2025 Q1', '2025 Q2']);
  });

  it('stacks the 95% interval as a band from its low edge', () => {
    const [low, band] = o.series;
    expect(low!.stack).toBe('interval');
    expect(band!.stack).toBe('interval');
    expect(low!.data).toEqual([null, 28.8, -30]);
    expect((band!.data as number[])[1]).toBeCloseTo(29.2);
  });

  it('keeps the scale inside −100..100 with room around the data and starts at 0 when nothing is negative', () => {
    expect(o.yAxis.min).toBe(-40);
    expect(o.yAxis.max).toBe(80);
    const positive = opt(npsTrendOptions([trend[1]!], ctx));
    expect(positive.yAxis.min).toBe(0);
  });

  it('explains a point in its tooltip and sums the chart up in words', () => {
    expect(o.tooltip.formatter([{ dataIndex: 1 }])).toBe('2025 Q1<br/><strong>NPS 43</strong><br/>95% interval 29 to 58<br/>99 responses');
    expect(o.tooltip.formatter([{ dataIndex: 0 }])).toBe('2024 Q4<br/>No responses');
    expect(npsTrendSummary(trend)).toBe('NPS by quarter, from 43 in 2025 Q1 to \u221213 in 2025 Q2; 1 quarter without responses.');
    expect(npsTrendSummary([trend[0]!])).toBe('NPS by quarter: no responses in these quarters.');
  });
});

describe('retention trend chart', () => {
  const points: RetentionTrendPoint[] = [
    { period: period('2025 Q3', '2025-07-01'), nrr: fig(null, 'ratio'), grr: fig(null, 'ratio'), cohortSize: 0 },
    { period: period('2025 Q4', '2025-10-01'), nrr: fig(1.0303, 'ratio'), grr: fig(0.9641, 'ratio'), cohortSize: 53 },
  ];
  const o = opt(retentionTrendOptions(points, ctx));
  it('draws NRR and GRR in percent against the 100% line', () => {
    expect(o.series.map((s) => s.name)).toEqual(['NRR', 'GRR']);
    expect(o.series[0]!.data[0]).toBeNull();
    expect(o.series[0]!.data[1] as number).toBeCloseTo(103.03);
    expect(o.yAxis.min).toBeLessThanOrEqual(90);
    expect(o.yAxis.max).toBeGreaterThanOrEqual(110);
    expect(o.tooltip.formatter([{ dataIndex: 1 }])).toBe('2025 Q4<br/><strong>NRR 103.0%</strong><br/>GRR 96.4%<br/>53 accounts in the cohort');
    expect(retentionTrendSummary(points, 'en-US')).toBe('Net and gross revenue retention by quarter; latest, 2025 Q4: NRR 103.0%, GRR 96.4%.');
  });
});

describe('driver charts', () => {
  const driver = (label: string, attributed: number, exposed: number, id: string | null = label): DriverArrAtRisk => ({ driverId: id, label, attributed: fig(attributed, 'minor-units'), exposed: fig(exposed, 'minor-units') });
  const ranking = [driver('Onboarding', 18_172_501, 80_880_000), driver('Billing <ops>', 5_000_000, 9_000_000)];

  it('puts the costliest driver on top and Unattributed last, only when it carries ARR', () => {
    expect(rankingRows(ranking, driver('Unattributed', 0, 0, null))).toHaveLength(2);
    const rows = rankingRows(ranking, driver('Unattributed', 1_000, 1_000, null));
    expect(rows.map((r) => r.label)).toEqual(['Onboarding', 'Billing <ops>', 'Unattributed']);
    const o = opt(driverRankingOptions(rows, ctx));
    // Category axes run bottom-up: the first row is drawn last.
    expect(o.yAxis.data).toEqual(['Unattributed', 'Billing <ops>', 'Onboarding']);
    expect(o.series.find((s) => s.name === 'Attributed ARR at risk')!.data).toEqual([1_000, 5_000_000, 18_172_501]);
    expect(o.series.find((s) => s.name === 'Attributed ARR at risk')!.itemStyle!.color).toBe(DEFAULT_METRIC_COLORS.negative);
    expect(o.tooltip.formatter([{ dataIndex: 1 }])).toBe('Billing &lt;ops&gt;<br/><strong>$50,000 attributed ARR at risk</strong><br/>$90,000 exposed (overlapping)');
    expect(driverRankingSummary(rows, 'USD', 'en-US')).toBe('Drivers ranked by attributed ARR at risk; the costliest is Onboarding with $181,725.01.');
  });

  const waterfall: NpsWaterfall = {
    nps: fig(5),
    contributions: [
      { driverId: 'a', label: 'Value', contribution: fig(10), responses: 4 },
      { driverId: 'b', label: 'Support', contribution: fig(-15), responses: 6 },
      { driverId: null, label: 'Other', contribution: fig(10), responses: 1 },
    ],
  };

  it('builds the waterfall from running totals that end at the NPS', () => {
    const steps = waterfallSteps(waterfall);
    expect(steps.map((s) => [s.label, s.start, s.end])).toEqual([
      ['Value', 0, 10],
      ['Support', 10, -5],
      ['Other', -5, 5],
      ['NPS', 0, 5],
    ]);
    expect(steps[steps.length - 2]!.end).toBe(waterfall.nps.value);
  });

  it('draws a floating bar for every step, split at zero when it crosses it', () => {
    const bars = waterfallBars(waterfallSteps(waterfall));
    // Value 0→10; Support 10→−5 crosses zero; Other −5→5 crosses zero; NPS 0→5.
    expect(bars).toEqual({ base: [0, 0, 0, 0], above: [10, 10, 5, 5], below: [0, -5, -5, 0] });
    const sameSide = waterfallBars([
      { label: 'a', start: -5, end: -20, delta: -15, total: false },
      { label: 'b', start: 20, end: 30, delta: 10, total: false },
    ]);
    expect(sameSide).toEqual({ base: [-5, 20], above: [0, 10], below: [-15, 0] });
  });

  it('colours gains and losses from the theme and labels each step', () => {
    const o = opt(npsWaterfallOptions(waterfall, ctx));
    const above = o.series[1]!.data as { value: number; itemStyle: { color: string } }[];
    expect(above.map((d) => d.itemStyle.color)).toEqual([DEFAULT_METRIC_COLORS.positive, DEFAULT_METRIC_COLORS.negative, DEFAULT_METRIC_COLORS.positive, DEFAULT_PALETTE.accent]);
    expect(o.series[0]!.itemStyle!.color).toBe('transparent');
    expect(o.xAxis.data).toEqual(['Value', 'Support', 'Other', 'NPS']);
    expect(o.tooltip.formatter([{ dataIndex: 1 }])).toBe('Support<br/><strong>\u221215.0 NPS points</strong><br/>running total \u22125.0');
    expect(npsWaterfallSummary(waterfall)).toBe('NPS 5 built up from 3 driver contributions; largest: Value +10.0; smallest: Support \u221215.0.');
    expect(npsWaterfallSummary({ nps: fig(null), contributions: [] })).toMatch(/no responses/);
  });
});

describe('account trend chart', () => {
  const score = (method: 'average' | 'waterfall' | 'weighted', value: number | null) => ({ method, score: fig(value, 'score'), category: null });
  const points = [
    { period: period('2026 Q2', '2026-04-01'), responses: 0, countAllNps: fig(null), scores: { average: score('average', null), waterfall: score('waterfall', null), weighted: score('weighted', null) }, headlineCategory: null },
    { period: period('2026 Q3', '2026-07-01'), responses: 3, countAllNps: fig(-66.7), scores: { average: score('average', 6.5), waterfall: score('waterfall', 7), weighted: score('weighted', 6.6667) }, headlineCategory: 'detractor' },
  ] as AccountTrendPoint[];

  it('draws every method on a 0–10 scale, the headline method solid and in the accent colour', () => {
    const o = opt(accountTrendOptions(points, 'average', ctx));
    expect(o.yAxis).toMatchObject({ min: 0, max: 10 });
    const average = o.series.find((s) => s.name === 'Average')!;
    expect(average.data).toEqual([null, 6.5]);
    expect(average.lineStyle).toMatchObject({ color: DEFAULT_PALETTE.accent, type: 'solid' });
    expect(o.series.find((s) => s.name === 'Weighted')!.lineStyle).toMatchObject({ type: 'dashed' });
    expect(o.tooltip.formatter([{ dataIndex: 1 }])).toBe('2026 Q3<br/>Weighted: 6.67<br/>Average (headline): 6.5<br/>Waterfall: 7<br/>3 responses');
    expect(accountTrendSummary(points, 'weighted', 'en-US')).toBe('Account weighted score 6.67 in 2026 Q3, the only quarter with responses.');
  });
});

describe('escapeHtml', () => {
  it('keeps workspace text from becoming tooltip markup', () => {
    expect(escapeHtml(`<img src=x onerror="a">&'`)).toBe('&lt;img src=x onerror=&quot;a&quot;&gt;&amp;&#39;');
  });
});
