/**
 * An account's Success Vector at each QBR (metrics.md §9). Each QBR's "period" for adherence runs
 * from the day after the previous QBR to the QBR itself (the first QBR: everything due up to it).
 */
import type { SuccessVectorPoint } from '../../../shared/contract/metrics';
import type { MetricSettings } from '../../../shared/domain/metrics-settings';
import type { RevenueAtExpenseOfSuccessAlert } from '../../../shared/domain/metrics-types';
import { revenueAtExpenseOfSuccess, successVector, successVectorDirection } from '../success-vector';
import { addDays } from './period';
import type { MilestoneRow, QbrRow } from './sql-success-vector';

/** qbrs and milestones of one account; qbrs oldest first. */
export function successVectorHistory(qbrs: readonly QbrRow[], milestones: readonly MilestoneRow[]): SuccessVectorPoint[] {
  const points: SuccessVectorPoint[] = [];
  let previousDay: string | null = null;
  let previousVector: number | null = null;
  for (const qbr of qbrs) {
    const due = milestones.filter((m) => m.dueDate <= qbr.heldOn && (previousDay === null || m.dueDate > previousDay));
    const achievedOnTime = due.filter((m) => m.achievedOn !== null && m.achievedOn <= m.dueDate).length;
    const counts = { due: due.length, achievedOnTime };
    const ratings = qbr.tools !== null && qbr.investment !== null && qbr.desire !== null ? { tools: qbr.tools, investment: qbr.investment, desire: qbr.desire } : null;
    const result = ratings === null ? null : successVector(ratings, counts);
    const vector = result?.successVector.value ?? null;
    points.push({
      qbrId: qbr.id,
      heldOn: qbr.heldOn,
      title: qbr.title,
      ratings,
      milestones: { ...counts, dueFrom: previousDay === null ? null : addDays(previousDay, 1), dueTo: qbr.heldOn },
      result,
      nullReason: ratings === null ? 'the QBR is missing one of the three ratings (tools, investment, desire)' : null,
      direction: successVectorDirection(vector, previousVector),
    });
    previousDay = qbr.heldOn;
    previousVector = vector;
  }
  return points;
}

export function successVectorAlert(points: readonly SuccessVectorPoint[], nrr: number | null, settings: MetricSettings): RevenueAtExpenseOfSuccessAlert {
  const vectors = points.map((point) => point.result?.successVector.value ?? null).filter((value): value is number => value !== null);
  return revenueAtExpenseOfSuccess(nrr, vectors, settings);
}
