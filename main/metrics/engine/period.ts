/**
 * Periods: which calendar days a figure covers. Fiscal quarters honour the workspace's fiscal-year
 * start month; a fiscal year is named by the calendar year in which it starts (start month 4:
 * FY2026 runs 2026-04-01 … 2027-03-31). Pure: "today" is passed in.
 */
import type { MetricsPeriod, MetricsPeriodInput, PeriodPoint } from '../../../shared/contract/metrics';

export interface Window {
  from: string;
  to: string;
}

export interface FiscalQuarter {
  year: number;
  quarter: number;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function ymd(iso: string): [number, number, number] {
  return [Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10))];
}

function fromUtc(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

export function addDays(iso: string, days: number): string {
  const [y, m, d] = ymd(iso);
  return fromUtc(Date.UTC(y, m - 1, d + days));
}

/** Same day n months away, clamped to the month's last day (2026-03-31 − 1 month = 2026-02-28). */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = ymd(iso);
  const lastDay = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  return fromUtc(Date.UTC(y, m - 1 + months, Math.min(d, lastDay)));
}

/** The exclusive upper bound for interview timestamps: everything before the next day belongs. */
export function dayAfter(iso: string): string {
  return addDays(iso, 1);
}

function daysInWindow(window: Window): number {
  const [fy, fm, fd] = ymd(window.from);
  const [ty, tm, td] = ymd(window.to);
  return Math.round((Date.UTC(ty, tm - 1, td) - Date.UTC(fy, fm - 1, fd)) / 86_400_000) + 1;
}

export function fiscalQuarterOf(iso: string, startMonth: number): FiscalQuarter {
  const [y, m] = ymd(iso);
  const offset = y * 12 + (m - 1) - (startMonth - 1);
  return { year: Math.floor(offset / 12), quarter: Math.floor((((offset % 12) + 12) % 12) / 3) + 1 };
}

export function shiftQuarter(q: FiscalQuarter, by: number): FiscalQuarter {
  const index = q.year * 4 + (q.quarter - 1) + by;
  return { year: Math.floor(index / 4), quarter: (((index % 4) + 4) % 4) + 1 };
}

export function quarterWindow(q: FiscalQuarter, startMonth: number): Window {
  const firstMonth = q.year * 12 + (startMonth - 1) + 3 * (q.quarter - 1);
  const from = `${pad(Math.floor(firstMonth / 12), 4)}-${pad((firstMonth % 12) + 1)}-01`;
  return { from, to: addDays(addMonths(from, 3), -1) };
}

export function quarterLabel(q: FiscalQuarter, startMonth: number): string {
  return startMonth === 1 ? `${q.year} Q${q.quarter}` : `FY${q.year} Q${q.quarter}`;
}

/** Storage key of a quarter, independent of display language. */
export function quarterKey(q: FiscalQuarter): string {
  return `${q.year}-Q${q.quarter}`;
}

export function latestCompleteQuarter(today: string, startMonth: number): FiscalQuarter {
  return shiftQuarter(fiscalQuarterOf(today, startMonth), -1);
}

const BELONGS = 'a response belongs to the period by its interview date';

/** Resolves the requested period; without one, the dashboard's or the account page's default. */
export function resolvePeriod(
  input: MetricsPeriodInput | undefined,
  today: string,
  startMonth: number,
  fallback: 'latest-complete-quarter' | 'trailing12',
): MetricsPeriod {
  const base = { fiscalYearStartMonth: startMonth };
  if (input === undefined) {
    return fallback === 'trailing12'
      ? { ...trailing12(today, today, startMonth), rule: `default: the 12 months to today; ${BELONGS}` }
      : { ...quarterPeriod(latestCompleteQuarter(today, startMonth), today, startMonth), rule: `default: the latest complete quarter; ${BELONGS}` };
  }
  if (input.kind === 'quarter') return { ...quarterPeriod(input, today, startMonth), rule: `fiscal quarter (year starts in month ${startMonth}); ${BELONGS}` };
  if (input.kind === 'trailing12') return { ...trailing12(input.endDate, today, startMonth), rule: `trailing twelve months; ${BELONGS}` };
  return {
    ...base,
    kind: 'custom',
    label: `${input.from} – ${input.to}`,
    from: input.from,
    to: input.to,
    fiscalYear: null,
    quarter: null,
    partial: input.to > today,
    rule: `custom dates; ${BELONGS}`,
  };
}

function quarterPeriod(q: FiscalQuarter, today: string, startMonth: number): Omit<MetricsPeriod, 'rule'> {
  const window = quarterWindow(q, startMonth);
  return {
    kind: 'quarter',
    label: quarterLabel(q, startMonth),
    ...window,
    fiscalYear: q.year,
    quarter: q.quarter,
    fiscalYearStartMonth: startMonth,
    partial: window.to > today,
  };
}

function trailing12(endDate: string, today: string, startMonth: number): Omit<MetricsPeriod, 'rule'> {
  return {
    kind: 'trailing12',
    label: `12 months to ${endDate}`,
    from: addDays(addMonths(endDate, -12), 1),
    to: endDate,
    fiscalYear: null,
    quarter: null,
    fiscalYearStartMonth: startMonth,
    partial: endDate > today,
  };
}

/** The window a year earlier: where a category's 12-month outcome is known at this window's end. */
export function yearEarlier(window: Window): Window {
  return { from: addMonths(window.from, -12), to: addMonths(window.to, -12) };
}

/** The window just before: the previous quarter, or the same number of days before a custom window. */
export function previousWindow(period: MetricsPeriod): Window {
  if (period.kind === 'quarter' && period.fiscalYear !== null && period.quarter !== null) {
    return quarterWindow(shiftQuarter({ year: period.fiscalYear, quarter: period.quarter }, -1), period.fiscalYearStartMonth);
  }
  const length = daysInWindow(period);
  return { from: addDays(period.from, -length), to: addDays(period.from, -1) };
}

/** t0 of the trailing-twelve-month retention figures ending at t1. */
export function retentionStart(t1: string): string {
  return addMonths(t1, -12);
}

/** The `count` fiscal quarters up to the one holding `to`; the last is clipped to `to` (to date). */
export function trendQuarters(to: string, startMonth: number, count: number, today: string): PeriodPoint[] {
  const last = fiscalQuarterOf(to, startMonth);
  const points: PeriodPoint[] = [];
  for (let back = count - 1; back >= 0; back--) {
    const q = shiftQuarter(last, -back);
    const window = quarterWindow(q, startMonth);
    const end = window.to > to ? to : window.to;
    const partial = end < window.to || end > today;
    points.push({ label: quarterLabel(q, startMonth) + (partial ? ' (to date)' : ''), from: window.from, to: end, partial });
  }
  return points;
}

export function windowPoint(window: Window, label: string, today: string): PeriodPoint {
  return { label, from: window.from, to: window.to, partial: window.to > today };
}
