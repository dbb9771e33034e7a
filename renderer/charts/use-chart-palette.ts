import { useEffect, useState } from 'react';
import { DEFAULT_PALETTE } from './chart-palette';
import type { ChartPalette } from './chart-palette';

function readPalette(): ChartPalette {
  const style = getComputedStyle(document.documentElement);
  const v = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    accent: v('--color-chart-accent', DEFAULT_PALETTE.accent),
    area: v('--color-chart-area', DEFAULT_PALETTE.area),
    text: v('--color-text', DEFAULT_PALETTE.text),
    textMuted: v('--color-text-muted', DEFAULT_PALETTE.textMuted),
    grid: v('--color-chart-grid', DEFAULT_PALETTE.grid),
    surface: v('--color-surface-raised', DEFAULT_PALETTE.surface),
    border: v('--color-border', DEFAULT_PALETTE.border),
    fontFamily: v('--font-sans', DEFAULT_PALETTE.fontFamily),
  };
}

/** The chart colours of the current theme; switching the OS between light and dark redraws. */
export function useChartPalette(): ChartPalette {
  const [palette, setPalette] = useState(readPalette);
  useEffect(() => {
    const query = window.matchMedia('(prefers-color-scheme: dark)');
    const update = () => setPalette(readPalette());
    query.addEventListener('change', update);
    return () => query.removeEventListener('change', update);
  }, []);
  return palette;
}
