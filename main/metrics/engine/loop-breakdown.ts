/**
 * loopKpiBreakdown() (metrics.md §8) for a quarter's follow-ups: the same rules, figures and words,
 * but each timestamp parsed once. The pure version re-parses ISO strings in every comparison and
 * every grouping (overall, per owner, per level): ~0.4 s for the 24k follow-ups of a quarter on the
 * benchmark workspace. A property test holds the two equal, figure for figure.
 */
import type { MetricSettings } from '../../../shared/domain/metrics-settings';
import { ACTION_LEVELS, type ActionLevel, type LoopKpiBreakdown, type LoopKpis } from '../../../shared/domain/metrics-types';
import { parseIsoTime, storedTimeMs } from '../dates';
import { figure, nullFigure, ratioFigure } from '../figure';
import type { LoopAction } from '../loop';

const MS_PER_HOUR = 3_600_000;
const MS_PER_DAY = 24 * MS_PER_HOUR;

interface Timed {
  action: LoopAction;
  responded: number;
  /** First contact, or the close (closing implies contact), or null. */
  contact: number | null;
  closed: number | null;
}

/**
 * Date.parse() for the timestamps the app stores, or null for any other string: see storedTimeMs()
 * in dates.ts. Anything else goes through parseIsoTime(), which refuses what Date.parse cannot read.
 */
export function isoTimeMs(iso: string, what: string): number {
  return storedTimeMs(iso) ?? parseIsoTime(iso, what);
}

function timed(action: LoopAction): Timed {
  const contactAt = action.firstContactAt ?? action.closedAt;
  return {
    action,
    responded: isoTimeMs(action.respondedAt, 'time'),
    contact: contactAt === null ? null : isoTimeMs(contactAt, 'time'),
    closed: action.closedAt === null ? null : isoTimeMs(action.closedAt, 'time'),
  };
}

/**
 * The median by selection, not a sort: the closed actions of every owner and level, 100k+ on a large
 * workspace, recomputed on every cold dashboard. After selectInPlace(k) the k smaller values sit
 * left of k, so for an even count the lower middle is their largest.
 */
function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const scratch = Float64Array.from(values);
  const middle = scratch.length >> 1;
  selectInPlace(scratch, middle);
  const upper = scratch[middle]!;
  if (scratch.length % 2 === 1) return upper;
  let lower = scratch[0]!;
  for (let i = 1; i < middle; i++) if (scratch[i]! > lower) lower = scratch[i]!;
  return (lower + upper) / 2;
}

/** Hoare's selection: values[k] becomes the k-th smallest, with nothing greater before it and nothing smaller after. */
function selectInPlace(values: Float64Array, k: number): void {
  let left = 0;
  let right = values.length - 1;
  while (right > left) {
    // Median of three as the pivot: already sorted input (closed actions often are) stays linear.
    const mid = (left + right) >> 1;
    const pivot = medianOfThree(values[left]!, values[mid]!, values[right]!);
    let i = left;
    let j = right;
    while (i <= j) {
      while (values[i]! < pivot) i++;
      while (values[j]! > pivot) j--;
      if (i <= j) {
        const swap = values[i]!;
        values[i] = values[j]!;
        values[j] = swap;
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return;
  }
}

function medianOfThree(a: number, b: number, c: number): number {
  return a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
}

/** What the KPIs of one group of actions are made of; the SQL path (sql-loop.ts) fills the same. */
export interface LoopTally {
  actions: number;
  decided: number;
  onTime: number;
  overdue: number;
  /** Days from response to close of each closed action, in any order. */
  daysToClose: number[];
}

function tally(actions: readonly Timed[], asOfMs: number, settings: MetricSettings): LoopTally {
  const { firstContactHours, closeDays } = settings.loop;
  let decided = 0;
  let onTime = 0;
  let overdue = 0;
  const daysToClose: number[] = [];
  for (const { responded, contact, closed } of actions) {
    // Whole milliseconds, as a Date made from them (addHours/addDays) would hold.
    const firstContactDue = Math.trunc(responded + firstContactHours * MS_PER_HOUR);
    const closeDue = Math.trunc(responded + closeDays * MS_PER_DAY);
    // Actions still inside their first-contact window are undecided, not failures.
    if (contact !== null || asOfMs > firstContactDue) {
      decided += 1;
      if (contact !== null && !(contact > firstContactDue)) onTime += 1;
    }
    if (closed !== null) daysToClose.push((closed - responded) / MS_PER_DAY);
    else if (asOfMs > closeDue || (contact === null && asOfMs > firstContactDue)) overdue += 1;
  }
  return { actions: actions.length, decided, onTime, overdue, daysToClose };
}

export function kpisOfTally(t: LoopTally, asOf: string, settings: MetricSettings): LoopKpis {
  const { firstContactHours, closeDays } = settings.loop;
  const rule = `targets (workspace settings): first contact within ${firstContactHours} h, closed within ${closeDays} days of the response`;
  const closedCount = t.daysToClose.length;
  const medianDays = median(t.daysToClose);
  const medianExplanation = {
    formula: 'median of days from response to close, over closed actions',
    inputs: { closedActions: closedCount },
    rule,
  };
  return {
    actions: t.actions,
    contactedWithinTarget: ratioFigure(t.onTime, t.decided, 'no action has reached its first-contact due time', {
      formula: `actions first contacted within ${firstContactHours} h / actions contacted or past that due time`,
      inputs: { contactedOnTime: t.onTime, decided: t.decided, asOf },
      rule,
    }),
    medianDaysToClose: medianDays === null ? nullFigure('days', 'no closed actions', medianExplanation) : figure('days', medianDays, medianExplanation),
    overdue: figure('count', t.overdue, {
      formula: 'open actions past the close due date, or not contacted past the first-contact due time',
      inputs: { openActions: t.actions - closedCount, asOf },
      rule,
    }),
  };
}

export function loopBreakdown(actions: readonly LoopAction[], asOf: string, settings: MetricSettings): LoopKpiBreakdown {
  const asOfMs = parseIsoTime(asOf, 'time');
  const all = actions.map(timed);
  // One pass into groups (owners in order of first appearance, as loopKpiBreakdown lists them).
  const byOwner = new Map<string | null, Timed[]>();
  const byLevel = new Map<string, Timed[]>(ACTION_LEVELS.map((level) => [level, []]));
  for (const t of all) {
    const group = byOwner.get(t.action.owner);
    if (group) group.push(t);
    else byOwner.set(t.action.owner, [t]);
    byLevel.get(t.action.level)?.push(t);
  }
  return {
    overall: kpisOfTally(tally(all, asOfMs, settings), asOf, settings),
    byOwner: [...byOwner].map(([owner, group]) => ({ owner, ...kpisOfTally(tally(group, asOfMs, settings), asOf, settings) })),
    byLevel: ACTION_LEVELS.map((level) => ({ level, ...kpisOfTally(tally(byLevel.get(level) ?? [], asOfMs, settings), asOf, settings) })),
  };
}

/** Tallies of one (owner, level) group, as sql-loop.ts computes them; `first` orders owners by first appearance. */
export interface LoopGroupTally extends LoopTally {
  owner: string | null;
  level: ActionLevel;
  first: string;
}

function merge(into: LoopTally, t: LoopTally): void {
  into.actions += t.actions;
  into.decided += t.decided;
  into.onTime += t.onTime;
  into.overdue += t.overdue;
  // Indexed: for-of over 100k+ days (all closed follow-ups) allocated an iterator result per value.
  const days = t.daysToClose;
  for (let i = 0; i < days.length; i++) into.daysToClose.push(days[i]!);
}

const emptyTally = (): LoopTally => ({ actions: 0, decided: 0, onTime: 0, overdue: 0, daysToClose: [] });

/** loopBreakdown() from per-(owner, level) tallies: the same figures, the owners in order of first appearance. */
export function loopBreakdownFromGroups(groups: readonly LoopGroupTally[], asOf: string, settings: MetricSettings): LoopKpiBreakdown {
  const overall = emptyTally();
  const byOwner = new Map<string | null, { first: string; tally: LoopTally }>();
  const byLevel = new Map<ActionLevel, LoopTally>(ACTION_LEVELS.map((level) => [level, emptyTally()]));
  for (const group of groups) {
    merge(overall, group);
    const owner = byOwner.get(group.owner);
    if (owner) {
      merge(owner.tally, group);
      if (group.first < owner.first) owner.first = group.first;
    } else {
      const fresh = emptyTally();
      merge(fresh, group);
      byOwner.set(group.owner, { first: group.first, tally: fresh });
    }
    const level = byLevel.get(group.level);
    if (level) merge(level, group);
  }
  const owners = [...byOwner].sort(([, a], [, b]) => (a.first < b.first ? -1 : a.first > b.first ? 1 : 0));
  return {
    overall: kpisOfTally(overall, asOf, settings),
    byOwner: owners.map(([owner, { tally: t }]) => ({ owner, ...kpisOfTally(t, asOf, settings) })),
    byLevel: ACTION_LEVELS.map((level) => ({ level, ...kpisOfTally(byLevel.get(level) ?? emptyTally(), asOf, settings) })),
  };
}
