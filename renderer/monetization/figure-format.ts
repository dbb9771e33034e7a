/**
 * How the engine's figures read on screen. Pure (no DOM, no React) so the e2e test can format the
 * engine's own answer the same way and compare it with what the dashboard shows.
 *
 * Rounding is for display only, half away from zero (metrics.md conventions). A null figure is
 * "—", never 0.
 */
import { formatMoney } from '../../shared/domain/money';
import { roundHalfAwayFromZero } from '../../shared/domain/rounding';
import type { Figure, FigureUnit, IntervalFigure, ProvenanceValue } from '../../shared/domain/metrics-types';

export interface FormatContext {
  currency: string;
  locale: string;
}

export const NONE = '—';
const MINUS = '\u2212';

function grouped(value: number, locale: string, digits = 0): string {
  return new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(Math.abs(value));
}

/** A signed number with a true minus sign ("−12"), and "+" only when asked (changes). */
function signed(value: number, text: string, plus: boolean): string {
  if (value < 0) return MINUS + text;
  if (value > 0 && plus) return '+' + text;
  return text;
}

/** NPS as a whole number on −100..100: "35", "−12". */
export function formatNps(value: number | null | undefined, opts: { plus?: boolean; digits?: number } = {}): string {
  if (value === null || value === undefined) return NONE;
  const digits = opts.digits ?? 0;
  const rounded = roundHalfAwayFromZero(value, digits);
  return signed(rounded, Math.abs(rounded).toFixed(digits), opts.plus ?? false);
}

/** A ratio as a percentage with one decimal: 0.8278 → "82.8%". */
export function formatRatio(value: number | null | undefined, locale: string, opts: { plus?: boolean; digits?: number } = {}): string {
  if (value === null || value === undefined) return NONE;
  const digits = opts.digits ?? 1;
  const percent = roundHalfAwayFromZero(value * 100, digits);
  return signed(percent, `${grouped(percent, locale, digits)}%`, opts.plus ?? false);
}

/** Money in the workspace currency; differences carry their sign. */
export function formatMoneyValue(minor: number | null | undefined, ctx: FormatContext, opts: { compact?: boolean; plus?: boolean } = {}): string {
  if (minor === null || minor === undefined) return NONE;
  const text = formatMoney(Math.abs(minor), ctx.currency, ctx.locale, { compact: opts.compact ?? false });
  return signed(minor, text, opts.plus ?? false);
}

export function formatScore(value: number | null | undefined, locale: string): string {
  if (value === null || value === undefined) return NONE;
  const rounded = roundHalfAwayFromZero(value, 2);
  return signed(rounded, new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(Math.abs(rounded)), false);
}

export function formatCount(value: number | null | undefined, locale: string): string {
  if (value === null || value === undefined) return NONE;
  return signed(value, grouped(roundHalfAwayFromZero(value, 0), locale), false);
}

/** Any figure's value in its unit. `compact` shortens money for cards ("$5.4M"); explanations show it in full. */
export function formatValue(value: number | null | undefined, unit: FigureUnit, ctx: FormatContext, opts: { compact?: boolean; plus?: boolean } = {}): string {
  if (value === null || value === undefined) return NONE;
  switch (unit) {
    case 'nps':
      return formatNps(value, opts);
    case 'ratio':
      return formatRatio(value, ctx.locale, opts);
    case 'minor-units':
      return formatMoneyValue(value, ctx, opts);
    case 'score':
      return formatScore(value, ctx.locale);
    case 'count':
      return formatCount(value, ctx.locale);
    case 'days': {
      const days = roundHalfAwayFromZero(value, 0);
      return `${grouped(days, ctx.locale)} ${days === 1 ? 'day' : 'days'}`;
    }
    case 'hours': {
      const hours = roundHalfAwayFromZero(value, 1);
      return `${grouped(hours, ctx.locale, Number.isInteger(hours) ? 0 : 1)} h`;
    }
    case 'nrr-per-score-point':
      // The slope is NRR (a ratio) per point of score: 0.0419 reads as 4.2 percentage points.
      return `${signed(value, grouped(roundHalfAwayFromZero(value * 100, 1), ctx.locale, 1), true)} pp NRR per point`;
  }
}

export function formatFigure(figure: Figure, ctx: FormatContext, opts: { compact?: boolean; plus?: boolean } = {}): string {
  return formatValue(figure.value, figure.unit, ctx, opts);
}

/** "21 to 49", or "—" when the interval is undefined. */
export function formatInterval(interval: IntervalFigure, ctx: FormatContext): string {
  if (interval.low === null || interval.high === null) return NONE;
  return `${formatValue(interval.low, interval.unit, ctx)} to ${formatValue(interval.high, interval.unit, ctx)}`;
}

// ── Provenance inputs ─────────────────────────────────────────────────────────────────────────

const ACRONYMS: Record<string, string> = { arr: 'ARR', nrr: 'NRR', grr: 'GRR', nps: 'NPS', n: 'N', sxx: 'Sxx', sxy: 'Sxy', syy: 'Syy', id: 'id' };

/** camelCase key → words: "promoterArr" → "Promoter ARR", "nrrPromoter" → "NRR promoter". */
export function inputLabel(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/_/g, ' ')
    .split(' ')
    .filter(Boolean)
    .map((word) => ACRONYMS[word.toLowerCase()] ?? word.toLowerCase());
  const first = words[0] ?? key;
  words[0] = first === first.toLowerCase() ? first.charAt(0).toUpperCase() + first.slice(1) : first;
  return words.join(' ');
}

/** Keys that hold money in the engine's provenance (always integer minor units). */
function isMoneyKey(key: string): boolean {
  return /(^arr$|Arr$|^arr[A-Z]|Move$|Revenue$|^revenue$)/.test(key);
}

/** Keys that are shares of 1 (probabilities, targets, rates, margins). */
function isShareKey(key: string): boolean {
  return /(Probability$|^target$|Rate$|^growthFactor$|^grossMargin$|Share$|^share)/.test(key);
}

/**
 * One provenance input as text. Money keys read as money; `before/after/actual/predicted` take the
 * figure's own unit (a scenario's "before" is revenue on a revenue figure, NPS on an NPS figure).
 */
export function formatInput(key: string, value: ProvenanceValue, unit: FigureUnit, ctx: FormatContext): string {
  if (value === null) return NONE;
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string') return value;
  if (['before', 'after', 'actual', 'predicted'].includes(key)) return formatValue(value, unit, ctx);
  if (isMoneyKey(key) && Number.isInteger(value)) return formatMoneyValue(value, ctx);
  if (isShareKey(key)) return formatRatio(value, ctx.locale, { digits: Number.isInteger(value * 100) ? 0 : 1 });
  if (Number.isInteger(value)) return signed(value, grouped(value, ctx.locale), false);
  const rounded = roundHalfAwayFromZero(value, 4);
  return signed(rounded, new Intl.NumberFormat(ctx.locale, { maximumFractionDigits: 4 }).format(Math.abs(rounded)), false);
}

export interface InputRow {
  key: string;
  label: string;
  value: string;
}

export function inputRows(figure: Pick<Figure, 'inputs' | 'unit'>, ctx: FormatContext): InputRow[] {
  return Object.entries(figure.inputs).map(([key, value]) => ({ key, label: inputLabel(key), value: formatInput(key, value, figure.unit, ctx) }));
}
