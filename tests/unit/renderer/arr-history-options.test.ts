import { describe, expect, it } from 'vitest';
import type { ArrRecord } from '../../../shared/contract';
import { arrHistoryOptions, arrHistorySummary, arrSteps } from '../../../renderer/charts/arr-history-options';
import { DEFAULT_PALETTE } from '../../../renderer/charts/chart-palette';

const record = (effectiveDate: string, arrMinor: number, kind: ArrRecord['kind'] = 'renewal', id = effectiveDate): ArrRecord => ({ id, effectiveDate, arrMinor, kind, note: null });

const HISTORY: ArrRecord[] = [record('2025-06-30', 3_150_000, 'expansion'), record('2024-10-12', 2_720_000, 'new'), record('2025-09-30', 2_720_000, 'contraction')];
const ctx = { currency: 'USD', locale: 'en-US', palette: DEFAULT_PALETTE, today: '2026-01-15' };

interface Series {
  type: string;
  step: string;
  data: [string, number][];
  symbolSize: (value: [string, number]) => number;
  lineStyle: { color: string };
}
type Options = {
  series: Series[];
  yAxis: { min: number; axisLabel: { formatter: (v: number) => string } };
  xAxis: { type: string };
  tooltip: { formatter: (p: unknown) => string };
};

describe('arrSteps', () => {
  it('orders by date and runs the last level on to today', () => {
    expect(arrSteps(HISTORY, '2026-01-15')).toEqual([
      ['2024-10-12', 2_720_000],
      ['2025-06-30', 3_150_000],
      ['2025-09-30', 2_720_000],
      ['2026-01-15', 2_720_000],
    ]);
  });

  it('keeps the last record of a day, and adds no point when the last change is today or later', () => {
    const sameDay = [record('2025-01-01', 100, 'new', 'a'), record('2025-01-01', 200, 'adjustment', 'b')];
    expect(arrSteps(sameDay, '2025-01-01')).toEqual([['2025-01-01', 200]]);
    expect(arrSteps([record('2026-03-01', 500)], '2026-01-15')).toEqual([['2026-03-01', 500]]);
  });

  it('is empty without history', () => {
    expect(arrSteps([], '2026-01-15')).toEqual([]);
  });
});

describe('arrHistoryOptions', () => {
  const options = arrHistoryOptions(HISTORY, ctx) as unknown as Options;
  const series = options.series[0]!;

  it('draws a step line over a time axis, in minor units, from zero', () => {
    expect(series.type).toBe('line');
    expect(series.step).toBe('end');
    expect(options.xAxis.type).toBe('time');
    expect(options.yAxis.min).toBe(0);
    expect(series.data.every(([, v]) => Number.isInteger(v))).toBe(true);
  });

  it('marks the days ARR changed, not the point added for today', () => {
    expect(series.symbolSize(['2025-06-30', 3_150_000])).toBeGreaterThan(0);
    expect(series.symbolSize(['2026-01-15', 2_720_000])).toBe(0);
  });

  it('formats axis and tooltip in the workspace currency and locale', () => {
    expect(options.yAxis.axisLabel.formatter(3_000_000)).toBe('$30K');
    expect(options.tooltip.formatter([{ value: ['2025-06-30', 3_150_000] }])).toBe('Jun 30, 2025<br/><strong>$31,500</strong>');
    const euro = arrHistoryOptions(HISTORY, { ...ctx, currency: 'EUR', locale: 'de-DE' }) as unknown as Options;
    expect(euro.tooltip.formatter([{ value: ['2025-06-30', 3_150_000] }])).toBe('30.06.2025<br/><strong>31.500\u00a0€</strong>');
  });

  it('takes its colours from the palette it is given (the theme)', () => {
    const dark = arrHistoryOptions(HISTORY, { ...ctx, palette: { ...DEFAULT_PALETTE, accent: '#7ea3ff' } }) as unknown as Options;
    expect(dark.series[0]!.lineStyle.color).toBe('#7ea3ff');
  });
});

describe('arrHistorySummary', () => {
  it('says in one sentence what the chart shows', () => {
    expect(arrHistorySummary(HISTORY, 'USD', 'en-US')).toBe('ARR went from $27,200 on Oct 12, 2024 to $27,200 on Sep 30, 2025, over 3 changes.');
    expect(arrHistorySummary([record('2025-01-01', 100_000)], 'USD', 'en-US')).toBe('ARR $1,000 since Jan 1, 2025.');
    expect(arrHistorySummary([], 'USD', 'en-US')).toBe('No ARR recorded yet.');
  });
});
