/**
 * The dashboard's period and filter choices, and how they become the engine's input. Pure.
 *
 * Quarters follow the workspace's fiscal-year start month, and a fiscal year is named by the
 * calendar year in which it starts (the engine's rule, main/metrics/README.md), so the labels here
 * match the labels the engine returns.
 */
import type { MetricsFilters, MetricsPeriodInput } from '../../shared/contract/metrics';
import { ACCOUNT_TIERS } from '../../shared/domain/accounts';
import type { AccountTier } from '../../shared/domain/accounts';
import { MSP_SEGMENTS } from '../../shared/domain/metrics-types';
import type { MspSegment } from '../../shared/domain/metrics-types';

export interface FiscalQuarter {
  year: number;
  quarter: number;
}

export interface QuarterOption extends FiscalQuarter {
  /** Select value, e.g. "2026-Q3". */
  value: string;
  label: string;
  from: string;
  to: string;
  /** Not over yet: its figures are to date. */
  partial: boolean;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function fiscalQuarterOf(iso: string, startMonth: number): FiscalQuarter {
  const offset = Number(iso.slice(0, 4)) * 12 + (Number(iso.slice(5, 7)) - 1) - (startMonth - 1);
  return { year: Math.floor(offset / 12), quarter: Math.floor((((offset % 12) + 12) % 12) / 3) + 1 };
}

export function shiftQuarter(q: FiscalQuarter, by: number): FiscalQuarter {
  const index = q.year * 4 + (q.quarter - 1) + by;
  return { year: Math.floor(index / 4), quarter: (((index % 4) + 4) % 4) + 1 };
}

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function quarterOption(q: FiscalQuarter, startMonth: number, today: string): QuarterOption {
  const first = q.year * 12 + (startMonth - 1) + 3 * (q.quarter - 1);
  const last = first + 2;
  const from = `${pad(Math.floor(first / 12), 4)}-${pad((first % 12) + 1)}-01`;
  const lastYear = Math.floor(last / 12);
  const lastMonth = (last % 12) + 1;
  const to = `${pad(lastYear, 4)}-${pad(lastMonth)}-${pad(lastDayOfMonth(lastYear, lastMonth))}`;
  const label = startMonth === 1 ? `${q.year} Q${q.quarter}` : `FY${q.year} Q${q.quarter}`;
  return { ...q, value: quarterValue(q), label, from, to, partial: to > today };
}

export function quarterValue(q: FiscalQuarter): string {
  return `${q.year}-Q${q.quarter}`;
}

export function parseQuarterValue(value: string): FiscalQuarter | null {
  const match = /^(\d{4})-Q([1-4])$/.exec(value);
  return match ? { year: Number(match[1]), quarter: Number(match[2]) } : null;
}

/** The current quarter (to date) and the `count − 1` before it, newest first. */
export function quarterOptions(today: string, startMonth: number, count = 12): QuarterOption[] {
  const current = fiscalQuarterOf(today, startMonth);
  return Array.from({ length: count }, (_, back) => quarterOption(shiftQuarter(current, -back), startMonth, today));
}

// ── What the person picked ───────────────────────────────────────────────────────────────────

export type PeriodKind = 'quarter' | 'trailing12' | 'custom';

export const PERIOD_KIND_LABELS: Record<PeriodKind, string> = {
  quarter: 'Quarter',
  trailing12: 'Trailing 12 months',
  custom: 'Custom dates',
};

/** A custom range is sent only once it is whole and in order; until then the message says why. */
export function customRangeProblem(from: string, to: string): string | null {
  if (!from || !to) return 'Choose both dates.';
  if (from > to) return 'The end date must be on or after the start date.';
  return null;
}

export const FILTER_KEYS = ['segment', 'tier', 'industry', 'region', 'owner'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
/** Empty string: no filter on that attribute. */
export type DashboardFilters = Record<FilterKey, string>;

export const NO_DASHBOARD_FILTERS: DashboardFilters = { segment: '', tier: '', industry: '', region: '', owner: '' };

export const SEGMENT_LABELS: Record<MspSegment, string> = {
  dangling: 'Dangling',
  'at-risk': 'At-Risk',
  growth: 'Growth',
  happy: 'Happy',
  unscored: 'Unscored',
};

const isTier = (value: string): value is AccountTier => (ACCOUNT_TIERS as readonly string[]).includes(value);
const isSegment = (value: string): value is MspSegment => (MSP_SEGMENTS as readonly string[]).includes(value);

/** Only the filters that are set, in the engine's shape; unknown tier/segment values are dropped, never sent. */
export function filtersInput(filters: DashboardFilters): MetricsFilters {
  const out: MetricsFilters = {};
  if (filters.segment && isSegment(filters.segment)) out.segment = filters.segment;
  if (filters.tier && isTier(filters.tier)) out.tier = filters.tier;
  for (const key of ['industry', 'region', 'owner'] as const) {
    const value = filters[key].trim();
    if (value) out[key] = value;
  }
  return out;
}

export function activeFilters(filters: DashboardFilters): number {
  return Object.keys(filtersInput(filters)).length;
}

/** The engine's input for the dashboard: undefined lets the engine pick its default (the latest complete quarter). */
export function dashboardInput(period: MetricsPeriodInput | undefined, filters: DashboardFilters): { period?: MetricsPeriodInput; filters?: MetricsFilters } {
  const input: { period?: MetricsPeriodInput; filters?: MetricsFilters } = {};
  if (period) input.period = period;
  const f = filtersInput(filters);
  if (Object.keys(f).length > 0) input.filters = f;
  return input;
}

/** The period controls as typed; turned into the engine's input only when complete. */
export interface PeriodDraft {
  kind: PeriodKind;
  /** "2026-Q3", or "" for the engine's default (the latest complete quarter). */
  quarter: string;
  endDate: string;
  from: string;
  to: string;
}

export function initialPeriodDraft(today: string): PeriodDraft {
  return { kind: 'quarter', quarter: '', endDate: today, from: '', to: '' };
}

/** The engine's period, or the problem that keeps it from being sent (the figures on screen stay as they were). */
export function periodInput(draft: PeriodDraft): { input: MetricsPeriodInput | undefined; problem: string | null } {
  if (draft.kind === 'quarter') {
    const q = draft.quarter ? parseQuarterValue(draft.quarter) : null;
    return { input: q ? { kind: 'quarter', ...q } : undefined, problem: null };
  }
  if (draft.kind === 'trailing12') {
    if (!draft.endDate) return { input: undefined, problem: 'Choose the last day of the twelve months.' };
    return { input: { kind: 'trailing12', endDate: draft.endDate }, problem: null };
  }
  const problem = customRangeProblem(draft.from, draft.to);
  return problem ? { input: undefined, problem } : { input: { kind: 'custom', from: draft.from, to: draft.to }, problem: null };
}
