/**
 * What the monetization charts share: the colours of good and bad news (from the design tokens,
 * passed in so builders stay pure), the axis text and the tooltip frame.
 */
import type { ChartPalette } from './chart-palette';

export interface MetricColors {
  /** Promoters, gains. */
  positive: string;
  /** Passives, in-between. */
  neutral: string;
  /** Detractors, losses. */
  negative: string;
}

/** Light-theme values (tokens.css), for tests and as a fallback. */
export const DEFAULT_METRIC_COLORS: MetricColors = { positive: '#146c43', neutral: '#8a5300', negative: '#b3261e' };

export interface MetricChartContext {
  palette: ChartPalette;
  colors: MetricColors;
  currency: string;
  locale: string;
}

export function axisText(palette: ChartPalette) {
  return { color: palette.textMuted, fontFamily: palette.fontFamily, fontSize: 11 };
}

export function tooltipFrame(palette: ChartPalette) {
  return {
    backgroundColor: palette.surface,
    borderColor: palette.border,
    textStyle: { color: palette.text, fontFamily: palette.fontFamily, fontSize: 12 },
  };
}

/** Tooltips are HTML: labels that come from the workspace (driver names) must not become markup. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** echarts passes one param or a list depending on the trigger; builders want the list. */
export function paramList<T>(params: unknown): T[] {
  return (Array.isArray(params) ? params : [params]) as T[];
}

/**
 * The frame every quarter-trend chart shares: no animation, the tokens' font, a tight grid, and an axis
 * tooltip that describes the point under the pointer (by its index in the series).
 */
export function trendChartFrame(palette: ChartPalette, describe: (index: number) => string) {
  return {
    animation: false,
    textStyle: { fontFamily: palette.fontFamily },
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'axis',
      ...tooltipFrame(palette),
      axisPointer: { type: 'line', lineStyle: { color: palette.border } },
      formatter: (params: unknown) => {
        const first = paramList<{ dataIndex: number }>(params)[0];
        return first ? describe(first.dataIndex) : '';
      },
    },
  };
}
