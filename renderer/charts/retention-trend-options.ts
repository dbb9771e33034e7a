import type { EChartsCoreOption } from 'echarts/core';
import type { RetentionTrendPoint } from '../../shared/contract/metrics';
import { formatRatio } from '../monetization/figure-format';
import { axisText, escapeHtml, trendChartFrame } from './metric-common-options';
import type { MetricChartContext } from './metric-common-options';

/** NRR and GRR (trailing twelve months at each quarter's end) against the 100% line. */
export function retentionTrendOptions(points: readonly RetentionTrendPoint[], ctx: MetricChartContext): EChartsCoreOption {
  const { palette, locale } = ctx;
  const toPercent = (v: number | null) => (v === null ? null : v * 100);
  const nrr = points.map((p) => toPercent(p.nrr.value));
  const grr = points.map((p) => toPercent(p.grr.value));
  const values = [...nrr, ...grr, 100].filter((v): v is number => v !== null);
  const min = Math.max(0, Math.floor((Math.min(...values) - 5) / 10) * 10);
  const max = Math.ceil((Math.max(...values) + 5) / 10) * 10;

  return {
    ...trendChartFrame(palette, (index) => {
      const point = points[index];
      if (!point) return '';
      if (point.nrr.value === null) return `${escapeHtml(point.period.label)}<br/>No cohort: no account had ARR 12 months earlier`;
      return `${escapeHtml(point.period.label)}<br/><strong>NRR ${formatRatio(point.nrr.value, locale)}</strong><br/>GRR ${formatRatio(point.grr.value, locale)}<br/>${point.cohortSize} accounts in the cohort`;
    }),
    xAxis: {
      type: 'category',
      data: points.map((p) => p.period.label),
      boundaryGap: false,
      axisLine: { lineStyle: { color: palette.border } },
      axisTick: { show: false },
      axisLabel: { ...axisText(palette), hideOverlap: true },
    },
    yAxis: {
      type: 'value',
      min,
      max,
      splitNumber: 4,
      axisLabel: { ...axisText(palette), formatter: (v: number) => `${v}%` },
      splitLine: { lineStyle: { color: palette.grid } },
    },
    series: [
      {
        name: 'NRR',
        type: 'line',
        data: nrr,
        showSymbol: true,
        symbolSize: 7,
        lineStyle: { color: palette.accent, width: 2 },
        itemStyle: { color: palette.accent, borderColor: palette.surface, borderWidth: 2 },
        markLine: { silent: true, symbol: 'none', label: { show: false }, lineStyle: { color: palette.border, type: 'solid' }, data: [{ yAxis: 100 }] },
      },
      {
        name: 'GRR',
        type: 'line',
        data: grr,
        showSymbol: true,
        symbol: 'rect',
        symbolSize: 6,
        lineStyle: { color: palette.textMuted, width: 2, type: 'dashed' },
        itemStyle: { color: palette.textMuted },
      },
    ],
  };
}

export function retentionTrendSummary(points: readonly RetentionTrendPoint[], locale: string): string {
  const known = points.filter((p) => p.nrr.value !== null);
  const last = known[known.length - 1];
  if (!last) return 'Net and gross revenue retention by quarter: no cohort yet (no account had ARR twelve months before these quarters).';
  return `Net and gross revenue retention by quarter; latest, ${last.period.label}: NRR ${formatRatio(last.nrr.value, locale)}, GRR ${formatRatio(last.grr.value, locale)}.`;
}
