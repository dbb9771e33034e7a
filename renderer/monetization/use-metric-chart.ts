import { useEffect, useMemo, useState } from 'react';
import { useFormat } from '../app/use-format';
import { useChartPalette } from '../charts/use-chart-palette';
import { DEFAULT_METRIC_COLORS } from '../charts/metric-common-options';
import type { MetricChartContext, MetricColors } from '../charts/metric-common-options';

function readColors(): MetricColors {
  const style = getComputedStyle(document.documentElement);
  const v = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    positive: v('--color-promoter', DEFAULT_METRIC_COLORS.positive),
    neutral: v('--color-passive', DEFAULT_METRIC_COLORS.neutral),
    negative: v('--color-detractor', DEFAULT_METRIC_COLORS.negative),
  };
}

/** Palette, category colours, currency and locale for the monetization charts; follows the OS theme. */
export function useMetricChartContext(): MetricChartContext {
  const palette = useChartPalette();
  const fmt = useFormat();
  const [colors, setColors] = useState(readColors);
  useEffect(() => {
    const query = window.matchMedia('(prefers-color-scheme: dark)');
    const update = () => setColors(readColors());
    query.addEventListener('change', update);
    return () => query.removeEventListener('change', update);
  }, []);
  return useMemo(() => ({ palette, colors, currency: fmt.currency, locale: fmt.locale }), [palette, colors, fmt.currency, fmt.locale]);
}
