import type { EChartsCoreOption } from 'echarts/core';
import type { NpsTrendPoint } from '../../shared/contract/metrics';
import { formatInterval, formatNps } from '../monetization/figure-format';
import { axisText, escapeHtml, trendChartFrame } from './metric-common-options';
import type { MetricChartContext } from './metric-common-options';

/**
 * NPS by quarter with its 95% interval as a band: B2B samples are small, so the band shows how
 * much a move between quarters means. Quarters without responses are gaps, never zeros.
 */
export function npsTrendOptions(points: readonly NpsTrendPoint[], ctx: MetricChartContext): EChartsCoreOption {
  const { palette } = ctx;
  const labels = points.map((p) => p.period.label);
  const nps = points.map((p) => p.nps.value);
  const low = points.map((p) => (p.interval95.low === null || p.interval95.high === null ? null : p.interval95.low));
  const width = points.map((p) => (p.interval95.low === null || p.interval95.high === null ? null : p.interval95.high - p.interval95.low));
  const values = points.flatMap((p) => [p.interval95.low, p.interval95.high, p.nps.value]).filter((v): v is number => v !== null);
  // Room around the data, on a multiple of 20, never past the scale's ends.
  const lowest = Math.min(0, ...values);
  const highest = Math.max(0, ...values);
  const min = lowest >= 0 ? 0 : Math.max(-100, Math.floor((lowest - 5) / 20) * 20);
  const max = highest <= 0 ? 0 : Math.min(100, Math.ceil((highest + 5) / 20) * 20);
  const fmt = { currency: ctx.currency, locale: ctx.locale };

  return {
    ...trendChartFrame(palette, (index) => {
      const point = points[index];
      if (!point) return '';
      const head = `${escapeHtml(point.period.label)}`;
      if (point.nps.value === null) return `${head}<br/>No responses`;
      return `${head}<br/><strong>NPS ${formatNps(point.nps.value)}</strong><br/>95% interval ${formatInterval(point.interval95, fmt)}<br/>${point.responses} responses`;
    }),
    xAxis: {
      type: 'category',
      data: labels,
      boundaryGap: false,
      axisLine: { lineStyle: { color: palette.border } },
      axisTick: { show: false },
      axisLabel: { ...axisText(palette), hideOverlap: true },
    },
    yAxis: {
      type: 'value',
      min,
      max,
      interval: 20,
      axisLabel: { ...axisText(palette), formatter: (v: number) => formatNps(v) },
      splitLine: { lineStyle: { color: palette.grid } },
    },
    series: [
      { name: 'Interval low', type: 'line', data: low, stack: 'interval', symbol: 'none', lineStyle: { opacity: 0 }, silent: true },
      {
        name: '95% interval',
        type: 'line',
        data: width,
        stack: 'interval',
        symbol: 'none',
        lineStyle: { opacity: 0 },
        areaStyle: { color: palette.area },
        silent: true,
      },
      {
        name: 'NPS',
        type: 'line',
        data: nps,
        connectNulls: false,
        showSymbol: true,
        symbolSize: 7,
        lineStyle: { color: palette.accent, width: 2 },
        itemStyle: { color: palette.accent, borderColor: palette.surface, borderWidth: 2 },
        markLine: { silent: true, symbol: 'none', label: { show: false }, lineStyle: { color: palette.border, type: 'solid' }, data: [{ yAxis: 0 }] },
      },
    ],
  };
}

/** The chart in one sentence, for people who cannot see it. */
export function npsTrendSummary(points: readonly NpsTrendPoint[]): string {
  const scored = points.filter((p) => p.nps.value !== null);
  const first = scored[0];
  const last = scored[scored.length - 1];
  if (!first || !last) return 'NPS by quarter: no responses in these quarters.';
  const gaps = points.length - scored.length;
  const gapText = gaps > 0 ? `; ${gaps} ${gaps === 1 ? 'quarter' : 'quarters'} without responses` : '';
  if (first === last) return `NPS by quarter: ${formatNps(first.nps.value)} in ${first.period.label}${gapText}.`;
  return `NPS by quarter, from ${formatNps(first.nps.value)} in ${first.period.label} to ${formatNps(last.nps.value)} in ${last.period.label}${gapText}.`;
}
