import type { EChartsCoreOption } from 'echarts/core';
import type { AccountTrendPoint } from '../../shared/contract/metrics';
import type { AccountScoreMethod } from '../../shared/domain/metrics-types';
import { formatScore } from '../monetization/figure-format';
import { axisText, escapeHtml, trendChartFrame } from './metric-common-options';
import type { MetricChartContext } from './metric-common-options';

export const METHOD_LABELS: Record<AccountScoreMethod, string> = { average: 'Average', waterfall: 'Waterfall', weighted: 'Weighted' };

/**
 * One account's score by quarter under each method (0–10), with the category lines at 7 and 9.
 * The headline method is the solid, heavier line; the others are thin and dashed.
 */
export function accountTrendOptions(points: readonly AccountTrendPoint[], headline: AccountScoreMethod, ctx: MetricChartContext): EChartsCoreOption {
  const { palette, colors, locale } = ctx;
  const methods: AccountScoreMethod[] = ['weighted', 'average', 'waterfall'];
  // The headline method takes the accent; the other two, in this order, muted then the passive colour.
  const others = methods.filter((m) => m !== headline);
  const colorOf = { [headline]: palette.accent, [others[0]!]: palette.textMuted, [others[1]!]: colors.neutral } as Record<AccountScoreMethod, string>;
  return {
    ...trendChartFrame(palette, (index) => {
      const point = points[index];
      if (!point) return '';
      if (point.responses === 0) return `${escapeHtml(point.period.label)}<br/>No responses`;
      const lines = methods.map((m) => `${METHOD_LABELS[m]}${m === headline ? ' (headline)' : ''}: ${formatScore(point.scores[m].score.value, locale)}`);
      return `${escapeHtml(point.period.label)}<br/>${lines.join('<br/>')}<br/>${point.responses} responses`;
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
      min: 0,
      max: 10,
      interval: 2,
      axisLabel: axisText(palette),
      splitLine: { lineStyle: { color: palette.grid } },
    },
    series: methods.map((m) => ({
      name: METHOD_LABELS[m],
      type: 'line',
      data: points.map((p) => p.scores[m].score.value),
      connectNulls: false,
      showSymbol: true,
      symbolSize: m === headline ? 7 : 4,
      z: m === headline ? 3 : 2,
      lineStyle: { color: colorOf[m], width: m === headline ? 2.5 : 1.5, type: m === headline ? 'solid' : 'dashed' },
      itemStyle: { color: colorOf[m] },
      ...(m === headline
        ? {
            markLine: {
              silent: true,
              symbol: 'none',
              label: { show: true, position: 'insideEndTop', color: palette.textMuted, fontSize: 10, formatter: (p: { value: number }) => (p.value === 9 ? 'promoter' : 'passive') },
              lineStyle: { color: palette.border, type: 'solid' },
              data: [{ yAxis: 7 }, { yAxis: 9 }],
            },
          }
        : {}),
    })),
  };
}

export function accountTrendSummary(points: readonly AccountTrendPoint[], headline: AccountScoreMethod, locale: string): string {
  const scored = points.filter((p) => p.scores[headline].score.value !== null);
  const first = scored[0];
  const last = scored[scored.length - 1];
  if (!first || !last) return 'Account score by quarter: no responses in these quarters.';
  const name = METHOD_LABELS[headline].toLowerCase();
  if (first === last) return `Account ${name} score ${formatScore(first.scores[headline].score.value, locale)} in ${first.period.label}, the only quarter with responses.`;
  return `Account ${name} score by quarter, from ${formatScore(first.scores[headline].score.value, locale)} in ${first.period.label} to ${formatScore(last.scores[headline].score.value, locale)} in ${last.period.label}.`;
}
