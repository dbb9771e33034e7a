/**
 * The two driver charts: which issue costs the most ARR at risk (ranking), and how each driver
 * adds to or takes from the NPS (waterfall). Pure builders, unit-tested.
 */
import type { EChartsCoreOption } from 'echarts/core';
import type { DriverArrAtRisk, NpsWaterfall } from '../../shared/domain/metrics-types';
import { formatMoneyValue, formatNps } from '../monetization/figure-format';
import { axisText, escapeHtml, paramList, tooltipFrame } from './metric-common-options';
import type { MetricChartContext } from './metric-common-options';

/** Named drivers highest first, then "Unattributed" (at-risk ARR with no negatively rated driver) when there is some. */
export function rankingRows(ranking: readonly DriverArrAtRisk[], unattributed: DriverArrAtRisk | null): DriverArrAtRisk[] {
  const rows = [...ranking];
  if (unattributed && (unattributed.attributed.value ?? 0) > 0) rows.push(unattributed);
  return rows;
}

export function driverRankingOptions(rows: readonly DriverArrAtRisk[], ctx: MetricChartContext): EChartsCoreOption {
  const { palette, colors } = ctx;
  const fmt = { currency: ctx.currency, locale: ctx.locale };
  // A horizontal bar chart lists categories bottom-up: reverse so the costliest driver is on top.
  const ordered = [...rows].reverse();
  return {
    animation: false,
    textStyle: { fontFamily: palette.fontFamily },
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      ...tooltipFrame(palette),
      formatter: (params: unknown) => {
        const first = paramList<{ dataIndex: number }>(params)[0];
        const row = first ? ordered[first.dataIndex] : undefined;
        if (!row) return '';
        return `${escapeHtml(row.label)}<br/><strong>${formatMoneyValue(row.attributed.value, fmt)} attributed ARR at risk</strong><br/>${formatMoneyValue(row.exposed.value, fmt)} exposed (overlapping)`;
      },
    },
    xAxis: {
      type: 'value',
      min: 0,
      splitNumber: 4,
      axisLabel: { ...axisText(palette), formatter: (v: number) => formatMoneyValue(v, fmt, { compact: true }) },
      splitLine: { lineStyle: { color: palette.grid } },
    },
    yAxis: {
      type: 'category',
      data: ordered.map((r) => r.label),
      axisLine: { lineStyle: { color: palette.border } },
      axisTick: { show: false },
      axisLabel: { ...axisText(palette), width: 140, overflow: 'truncate' },
    },
    series: [
      {
        name: 'Exposed ARR',
        type: 'bar',
        data: ordered.map((r) => r.exposed.value ?? 0),
        barWidth: 14,
        barGap: '-100%',
        itemStyle: { color: palette.area, borderRadius: 3 },
      },
      {
        name: 'Attributed ARR at risk',
        type: 'bar',
        data: ordered.map((r) => r.attributed.value ?? 0),
        barWidth: 14,
        itemStyle: { color: colors.negative, borderRadius: 3 },
      },
    ],
  };
}

export function driverRankingSummary(rows: readonly DriverArrAtRisk[], currency: string, locale: string): string {
  const top = rows[0];
  if (!top) return 'Drivers by ARR at risk: no ARR at risk in this selection.';
  return `Drivers ranked by attributed ARR at risk; the costliest is ${top.label} with ${formatMoneyValue(top.attributed.value, { currency, locale })}.`;
}

// ── NPS waterfall ─────────────────────────────────────────────────────────────────────────────

export interface WaterfallStep {
  label: string;
  start: number;
  end: number;
  delta: number;
  total: boolean;
}

/** Running totals from 0 through each driver's contribution to the NPS, then the NPS itself as a total bar. */
export function waterfallSteps(waterfall: NpsWaterfall): WaterfallStep[] {
  const steps: WaterfallStep[] = [];
  let running = 0;
  for (const c of waterfall.contributions) {
    const delta = c.contribution.value ?? 0;
    steps.push({ label: c.label, start: running, end: running + delta, delta, total: false });
    running += delta;
  }
  const nps = waterfall.nps.value;
  if (nps !== null) steps.push({ label: 'NPS', start: 0, end: nps, delta: nps, total: true });
  return steps;
}

/**
 * Floating bars from stacked series: a transparent base and a visible part. echarts stacks positive
 * and negative values apart, so a bar that crosses zero is drawn as its part above and its part below.
 */
export function waterfallBars(steps: readonly WaterfallStep[]): { base: number[]; above: number[]; below: number[] } {
  const base: number[] = [];
  const above: number[] = [];
  const below: number[] = [];
  for (const s of steps) {
    const low = Math.min(s.start, s.end);
    const high = Math.max(s.start, s.end);
    if (low >= 0) {
      base.push(low);
      above.push(high - low);
      below.push(0);
    } else if (high <= 0) {
      base.push(high);
      above.push(0);
      below.push(low - high);
    } else {
      base.push(0);
      above.push(high);
      below.push(low);
    }
  }
  return { base, above, below };
}

export function npsWaterfallOptions(waterfall: NpsWaterfall, ctx: MetricChartContext): EChartsCoreOption {
  const { palette, colors } = ctx;
  const steps = waterfallSteps(waterfall);
  const { base, above, below } = waterfallBars(steps);
  const colorOf = (s: WaterfallStep) => (s.total ? palette.accent : s.delta >= 0 ? colors.positive : colors.negative);
  const item = (value: number, i: number) => ({ value, itemStyle: { color: colorOf(steps[i]!) } });
  return {
    animation: false,
    textStyle: { fontFamily: palette.fontFamily },
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      ...tooltipFrame(palette),
      formatter: (params: unknown) => {
        const first = paramList<{ dataIndex: number }>(params)[0];
        const step = first ? steps[first.dataIndex] : undefined;
        if (!step) return '';
        if (step.total) return `<strong>NPS ${formatNps(step.end)}</strong><br/>the sum of every contribution`;
        return `${escapeHtml(step.label)}<br/><strong>${formatNps(step.delta, { plus: true, digits: 1 })} NPS points</strong><br/>running total ${formatNps(step.end, { digits: 1 })}`;
      },
    },
    xAxis: {
      type: 'category',
      data: steps.map((s) => s.label),
      axisLine: { lineStyle: { color: palette.border } },
      axisTick: { show: false },
      axisLabel: { ...axisText(palette), interval: 0, rotate: steps.length > 6 ? 30 : 0, width: 96, overflow: 'truncate' },
    },
    yAxis: {
      type: 'value',
      axisLabel: { ...axisText(palette), formatter: (v: number) => formatNps(v) },
      splitLine: { lineStyle: { color: palette.grid } },
    },
    series: [
      { name: 'base', type: 'bar', stack: 'waterfall', data: base, itemStyle: { color: 'transparent' }, silent: true, barWidth: '56%' },
      { name: 'above', type: 'bar', stack: 'waterfall', data: above.map(item), barWidth: '56%' },
      { name: 'below', type: 'bar', stack: 'waterfall', data: below.map(item), barWidth: '56%' },
    ],
  };
}

export function npsWaterfallSummary(waterfall: NpsWaterfall): string {
  if (waterfall.nps.value === null) return 'NPS waterfall by driver: no responses in this selection.';
  const sorted = [...waterfall.contributions].sort((a, b) => (b.contribution.value ?? 0) - (a.contribution.value ?? 0));
  const best = sorted[0];
  const worst = sorted[sorted.length - 1];
  const parts = [`NPS ${formatNps(waterfall.nps.value)} built up from ${waterfall.contributions.length} driver contributions`];
  if (best) parts.push(`largest: ${best.label} ${formatNps(best.contribution.value, { plus: true, digits: 1 })}`);
  if (worst && worst !== best) parts.push(`smallest: ${worst.label} ${formatNps(worst.contribution.value, { plus: true, digits: 1 })}`);
  return parts.join('; ') + '.';
}
