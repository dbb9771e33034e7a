import type { ActionRow } from '../../shared/contract';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** "3 days", "5 hours", "40 minutes": a span said roughly, the way people say deadlines. */
export function roughSpan(ms: number): string {
  const abs = Math.abs(ms);
  if (abs >= 2 * DAY) return `${Math.round(abs / DAY)} days`;
  if (abs >= 2 * HOUR) return `${Math.round(abs / HOUR)} hours`;
  if (abs >= HOUR) return '1 hour';
  const minutes = Math.max(1, Math.round(abs / 60_000));
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}

/**
 * Where an action stands against its next deadline, as of `asOf`: which step is due (first contact, then
 * close) and how far away or how late, e.g. "First contact overdue by 3 hours", "Close due in 4 days".
 */
export function dueText(action: Pick<ActionRow, 'status' | 'due' | 'contactedAt' | 'closedAt' | 'firstContactDueAt'>, asOf: string): string {
  if (action.status === 'closed' || !action.due.nextDueAt) return action.closedAt ? 'Closed' : 'No deadline';
  const contacted = action.status === 'contacted' || action.contactedAt !== null;
  const step = contacted || action.firstContactDueAt === null ? 'Close' : 'First contact';
  const left = Date.parse(action.due.nextDueAt) - Date.parse(asOf);
  return left < 0 ? `${step} overdue by ${roughSpan(left)}` : `${step} due in ${roughSpan(left)}`;
}
