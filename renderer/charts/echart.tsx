import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import type { EChartsCoreOption } from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

// Only what the charts use: keeps the bundle small. SVG stays sharp at any zoom and prints well.
echarts.use([LineChart, BarChart, GridComponent, TooltipComponent, MarkLineComponent, SVGRenderer]);

/**
 * The one echarts wrapper. Options come from pure builders (charts/*-options.ts); this only mounts,
 * resizes and disposes. `label` describes the chart for people who cannot see it; a table with the
 * same numbers sits next to every chart.
 */
export function EChart({ option, label, height = 220 }: { option: EChartsCoreOption; label: string; height?: number }) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    const element = ref.current!;
    const instance = echarts.init(element, null, { renderer: 'svg' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return (
    <div className="chart" role="img" aria-label={label} style={{ height }}>
      <div ref={ref} className="chart__surface" aria-hidden="true" />
    </div>
  );
}
