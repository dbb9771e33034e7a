/** The colours a chart needs, taken from the design tokens so charts follow the theme. */
export interface ChartPalette {
  accent: string;
  area: string;
  text: string;
  textMuted: string;
  grid: string;
  surface: string;
  border: string;
  fontFamily: string;
}

/** Light-theme values, used when no DOM is there to read (tests) and as a fallback. */
export const DEFAULT_PALETTE: ChartPalette = {
  accent: '#2453c7',
  area: 'rgba(36, 83, 199, 0.12)',
  text: '#1a2230',
  textMuted: '#556070',
  grid: '#e4e8ee',
  surface: '#ffffff',
  border: '#dfe3e9',
  fontFamily: 'system-ui, sans-serif',
};
