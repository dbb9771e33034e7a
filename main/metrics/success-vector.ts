/**
 * Section 9 of metrics.md: the MSP Success Vector, rated at each QBR, and the alert for revenue
 * that is met while the customer's success declines.
 */
import type { MetricSettings } from '../../shared/domain/metrics-settings';
import type {
  Direction,
  Figure,
  RevenueAtExpenseOfSuccessAlert,
  SuccessVectorDirection,
  SuccessVectorResult,
} from '../../shared/domain/metrics-types';
import { figure, nullFigure, ratioFigure } from './figure';

/** The lead's three 1–5 ratings at a QBR: the customer has the tools, the investment, the desire. */
export interface QbrRatings {
  tools: number;
  investment: number;
  desire: number;
}

export interface MilestoneCounts {
  /** Milestones due in the period. */
  due: number;
  /** Of those, achieved by their due date. */
  achievedOnTime: number;
}

function assertRating(name: string, rating: number): void {
  if (!Number.isInteger(rating) || rating < 1 || rating > 5) {
    throw new RangeError(`${name} rating must be a whole number 1..5, got ${rating}`);
  }
}

export function subjectiveScore(ratings: QbrRatings): Figure {
  Object.entries(ratings).forEach(([name, rating]) => assertRating(name, rating));
  const mean = (ratings.tools + ratings.investment + ratings.desire) / 3;
  return figure('ratio', mean / 5, {
    formula: 'mean of the three ratings / 5',
    inputs: { ...ratings, mean },
    rule: null,
  });
}

export function adherence(milestones: MilestoneCounts): Figure {
  const { due, achievedOnTime } = milestones;
  if (!Number.isInteger(due) || !Number.isInteger(achievedOnTime) || due < 0 || achievedOnTime < 0 || achievedOnTime > due) {
    throw new RangeError(`milestone counts must satisfy 0 ≤ achieved on time ≤ due, got ${achievedOnTime} of ${due}`);
  }
  return ratioFigure(achievedOnTime, due, 'no milestones were due in the period', {
    formula: 'milestones achieved by their due date / milestones due in the period',
    inputs: { achievedOnTime, due },
    rule: null,
  });
}

export function successVector(ratings: QbrRatings, milestones: MilestoneCounts): SuccessVectorResult {
  const subjective = subjectiveScore(ratings);
  const adherenceFigure = adherence(milestones);
  const s = subjective.value ?? 0;
  const inputs = { subjective: s, adherence: adherenceFigure.value, milestonesDue: milestones.due };
  const vector =
    adherenceFigure.value === null
      ? figure('score', 100 * s, { formula: '100 × subjective', inputs, rule: 'no milestones due: subjective only' })
      : figure('score', 100 * (0.5 * s + 0.5 * adherenceFigure.value), {
          formula: '100 × (0.5 × subjective + 0.5 × adherence)',
          inputs,
          rule: null,
        });
  return { subjective, adherence: adherenceFigure, successVector: vector };
}

export function successVectorDirection(current: number | null, previous: number | null): SuccessVectorDirection {
  const explanation = { formula: 'Success Vector now − at the previous QBR', inputs: { current, previous }, rule: null };
  if (current === null || previous === null) {
    return { change: nullFigure('score', 'no previous QBR to compare with', explanation), direction: null };
  }
  const change = current - previous;
  const direction: Direction = change > 0 ? 'up' : change < 0 ? 'down' : 'flat';
  return { change: figure('score', change, explanation), direction };
}

/**
 * "Revenue met at the expense of success": NRR at or above target while the Success Vector fell
 * at each of the two latest QBRs. `history` is oldest first.
 */
export function revenueAtExpenseOfSuccess(
  nrr: number | null,
  history: readonly number[],
  settings: MetricSettings,
): RevenueAtExpenseOfSuccessAlert {
  const target = settings.nrrTarget;
  const [beforeLast, last, current] = history.slice(-3);
  const fellTwice =
    history.length >= 3 && beforeLast !== undefined && last !== undefined && current !== undefined && last < beforeLast && current < last;
  const revenueMet = nrr !== null && nrr >= target;
  return {
    raised: revenueMet && fellTwice,
    rule:
      `NRR ≥ target ${target} (workspace setting) while the Success Vector fell at two consecutive QBRs; ` +
      `NRR ${nrr ?? '—'}, latest vectors ${history.slice(-3).join(' → ') || '—'}`,
  };
}
