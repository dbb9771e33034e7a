/**
 * Section 8 of metrics.md: closing the loop on detractors (and passives if the workspace says so),
 * with due dates counted from the response and KPIs by owner and level.
 */
import type { MetricSettings } from '../../shared/domain/metrics-settings';
import {
  ACTION_LEVELS,
  type ActionLevel,
  type LoopDueDates,
  type LoopKpiBreakdown,
  type LoopKpis,
  type NpsCategory,
} from '../../shared/domain/metrics-types';
import { addDays, addHours, daysBetween, parseIsoTime } from './dates';
import { figure, nullFigure, ratioFigure } from './figure';

export function opensFollowUp(category: NpsCategory, settings: MetricSettings): boolean {
  return category === 'detractor' || (category === 'passive' && settings.loop.passivesOpenActions);
}

export function loopDueDates(respondedAt: string, settings: MetricSettings): LoopDueDates {
  return {
    firstContactDue: addHours(respondedAt, settings.loop.firstContactHours),
    closeDue: addDays(respondedAt, settings.loop.closeDays),
  };
}

export interface LoopAction {
  actionId: string;
  owner: string | null;
  level: ActionLevel;
  /** When the response that opened the action was given: the SLA clock starts here. */
  respondedAt: string;
  firstContactAt: string | null;
  closedAt: string | null;
}

const isAfter = (a: string, b: string) => parseIsoTime(a, 'time') > parseIsoTime(b, 'time');

/** Closing an action implies the customer was contacted, even if no contact was logged. */
const contactTime = (action: LoopAction) => action.firstContactAt ?? action.closedAt;

function median(values: readonly number[]): number | null {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return null;
  const upper = sorted[middle] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? 0) + upper) / 2;
}

export function loopKpis(actions: readonly LoopAction[], asOf: string, settings: MetricSettings): LoopKpis {
  const { firstContactHours, closeDays } = settings.loop;
  const rule = `targets (workspace settings): first contact within ${firstContactHours} h, closed within ${closeDays} days of the response`;
  const withDue = actions.map((action) => ({ action, due: loopDueDates(action.respondedAt, settings) }));

  // Actions still inside their first-contact window are undecided, not failures.
  const decided = withDue.filter(({ action, due }) => contactTime(action) !== null || isAfter(asOf, due.firstContactDue));
  const onTime = decided.filter(({ action, due }) => {
    const contacted = contactTime(action);
    return contacted !== null && !isAfter(contacted, due.firstContactDue);
  });

  const closed = actions.filter((action): action is LoopAction & { closedAt: string } => action.closedAt !== null);
  const daysToClose = closed.map((action) => daysBetween(action.respondedAt, action.closedAt));
  const medianDays = median(daysToClose);

  const overdue = withDue.filter(
    ({ action, due }) =>
      action.closedAt === null && (isAfter(asOf, due.closeDue) || (contactTime(action) === null && isAfter(asOf, due.firstContactDue))),
  );

  const medianExplanation = {
    formula: 'median of days from response to close, over closed actions',
    inputs: { closedActions: closed.length },
    rule,
  };
  return {
    actions: actions.length,
    contactedWithinTarget: ratioFigure(onTime.length, decided.length, 'no action has reached its first-contact due time', {
      formula: `actions first contacted within ${firstContactHours} h / actions contacted or past that due time`,
      inputs: { contactedOnTime: onTime.length, decided: decided.length, asOf },
      rule,
    }),
    medianDaysToClose:
      medianDays === null ? nullFigure('days', 'no closed actions', medianExplanation) : figure('days', medianDays, medianExplanation),
    overdue: figure('count', overdue.length, {
      formula: 'open actions past the close due date, or not contacted past the first-contact due time',
      inputs: { openActions: actions.length - closed.length, asOf },
      rule,
    }),
  };
}

export function loopKpiBreakdown(actions: readonly LoopAction[], asOf: string, settings: MetricSettings): LoopKpiBreakdown {
  const owners = [...new Set(actions.map((action) => action.owner))];
  return {
    overall: loopKpis(actions, asOf, settings),
    byOwner: owners.map((owner) => ({ owner, ...loopKpis(actions.filter((action) => action.owner === owner), asOf, settings) })),
    byLevel: ACTION_LEVELS.map((level) => ({ level, ...loopKpis(actions.filter((action) => action.level === level), asOf, settings) })),
  };
}
