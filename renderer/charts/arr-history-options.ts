import type { EChartsCoreOption } from 'echarts/core';
import type { ArrRecord } from '../../shared/contract';
import { formatMoney } from '../../shared/domain/money';
import { formatDate } from '../../shared/domain/dates';
import type { ChartPalette } from './chart-palette';

export interface ArrChartContext {
  currency: string;
  locale: string;
  palette: ChartPalette;
  /** YYYY-MM-DD: the step line runs on to today, because the last level still holds. */
  today: string;
}

/** One point per day: when several records share a date, the last one recorded is the level that day. */
export function arrSteps(history: readonly ArrRecord[], today: string): [string, number][] {
  const byDay = new Map<string, number>();
  for (const r of [...history].sort((a, b) => a.effectiveDate.localeCompare(b.effectiveDate))) byDay.set(r.effectiveDate, r.arrMinor);
  const steps = [...byDay.entries()];
  const last = steps[steps.length - 1];
  if (last && last[0] < today) steps.push([today, last[1]]);
  return steps;
}

/** ARR over time as a step line: ARR changes on a date and holds until the next change. Values stay in minor units. */
export function arrHistoryOptions(history: readonly ArrRecord[], ctx: ArrChartContext): EChartsCoreOption {
  const { palette, currency, locale } = ctx;
  const steps = arrSteps(history, ctx.today);
  const changeDays = new Set(history.map((r) => r.effectiveDate));
  const axisText = { color: palette.textMuted, fontFamily: palette.fontFamily, fontSize: 11 };
  return {
    animation: false,
    textStyle: { fontFamily: palette.fontFamily },
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'axis',
      backgroundColor: palette.surface,
      borderColor: palette.border,
      textStyle: { color: palette.text, fontFamily: palette.fontFamily, fontSize: 12 },
      axisPointer: { type: 'line', lineStyle: { color: palette.border } },
      formatter: (params: unknown) => {
        const first = (Array.isArray(params) ? params[0] : params) as { value: [string, number] } | undefined;
        if (!first) return '';
        const [day, minor] = first.value;
        return `${formatDate(day, locale)}<br/><strong>${formatMoney(minor, currency, locale)}</strong>`;
      },
    },
    xAxis: {
      type: 'time',
      axisLine: { lineStyle: { color: palette.border } },
      axisTick: { show: false },
      axisLabel: { ...axisText, hideOverlap: true },
      splitLine: { show: false },
    },
    yAxis: {
      type: 'value',
      min: 0,
      splitNumber: 4,
      axisLabel: { ...axisText, formatter: (value: number) => formatMoney(value, currency, locale, { compact: true }) },
      splitLine: { lineStyle: { color: palette.grid } },
    },
    series: [
      {
        name: 'ARR',
        type: 'line',
        step: 'end',
        data: steps,
        showSymbol: true,
        symbolSize: (value: [string, number]) => (changeDays.has(value[0]) ? 7 : 0),
        lineStyle: { color: palette.accent, width: 2 },
        itemStyle: { color: palette.accent, borderColor: palette.surface, borderWidth: 2 },
        areaStyle: { color: palette.area },
      },
    ],
  };
}

/** The chart in one sentence, for screen readers: where ARR started, where it is, over how long. */
export function arrHistorySummary(history: readonly ArrRecord[], currency: string, locale: string): string {
  if (history.length === 0) return 'No ARR recorded yet.';
  const sorted = [...history].sort((a, b) => a.effectiveDate.localeCompare(b.effectiveDate));
  const first = sorted[0]!;
  const last = sorted[sorted.length - 1]!;
  if (sorted.length === 1) return `ARR ${formatMoney(first.arrMinor, currency, locale)} since ${formatDate(first.effectiveDate, locale)}.`;
  return `ARR went from ${formatMoney(first.arrMinor, currency, locale)} on ${formatDate(first.effectiveDate, locale)} to ${formatMoney(last.arrMinor, currency, locale)} on ${formatDate(last.effectiveDate, locale)}, over ${sorted.length} changes.`;
}
