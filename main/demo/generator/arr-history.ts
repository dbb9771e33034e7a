/** An account's ARR at each quarter end, as the rows it becomes: opening or new logo, movements, churn. */
import { ARR_NOTES, TIER_ARR_DOLLARS } from '../vocabulary/account-book';
import type { AccountPlan } from './account-plan';
import type { GenerationContext } from './context';
import { DAY, HOUR, isoDate } from './timeline';

/** effective date, ARR in cents, kind, note, recorded at (ms). */
export type ArrRow = [string, number, string, string | null, number];

function roundToHundredDollars(cents: number): number {
  return Math.max(10_000, Math.round(cents / 10_000) * 10_000);
}

/**
 * ARR at each quarter end from the account's start until it churns (as planned). Movement at E_{j+1}
 * follows health in quarter j: unhappy accounts contract, happy ones expand.
 */
export function simulateArr(ctx: GenerationContext, plan: AccountPlan, rows: ArrRow[]): void {
  const { tier, startQ, isNew, health, churnAt } = plan;
  const r = ctx.rng;
  const t = ctx.timeline;
  const [lo, hi] = TIER_ARR_DOLLARS[tier];
  let arr = roundToHundredDollars(Math.exp(r.range(Math.log(lo), Math.log(hi))) * 100);
  const recorded = (j: number): number => Math.min(t.quarterEnds[j]! + DAY + r.int(8, 17) * HOUR, t.todayMs - HOUR);
  const push = (j: number, kind: string, note: string): void => {
    rows.push([isoDate(t.quarterEnds[j]!), arr, kind, note, recorded(j)]);
  };
  push(startQ, isNew ? 'new' : 'renewal', r.pick(isNew ? ARR_NOTES.new : ARR_NOTES.opening));
  for (let j = startQ; j < t.n - 1; j++) {
    if (j + 1 === churnAt) {
      arr = 0;
      push(j + 1, 'churn', r.pick(ARR_NOTES.churn));
      return;
    }
    const h = health[j]!;
    const x = r.next();
    const pExpand = 0.07 * Math.exp(0.7 * h);
    const pContract = 0.04 * Math.exp(-0.7 * h);
    const pAdjust = 0.03;
    let kind = 'renewal';
    let note: string | null = null;
    let next = arr;
    if (x < pExpand) {
      next = roundToHundredDollars(arr * r.range(1.08, 1.45));
      kind = 'expansion';
    } else if (x < pExpand + pContract) {
      next = roundToHundredDollars(arr * r.range(0.6, 0.92));
      kind = 'contraction';
    } else if (x < pExpand + pContract + pAdjust) {
      next = roundToHundredDollars(arr * r.range(0.97, 1.05));
      kind = 'adjustment';
    }
    if (next === arr) kind = 'renewal';
    if (kind !== 'renewal') note = r.pick(ARR_NOTES[kind as 'expansion' | 'contraction' | 'adjustment']);
    arr = next;
    rows.push([isoDate(t.quarterEnds[j + 1]!), arr, kind, note, recorded(j + 1)]);
  }
}
