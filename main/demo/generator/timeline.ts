/**
 * Simulated time: the quarters the history covers, measured back from "today", and how simulated
 * instants are written to the database.
 */

export const DAY = 86_400_000;
export const HOUR = 3_600_000;
export const MINUTE = 60_000;

export interface Timeline {
  n: number;
  todayMs: number;
  /** Midnight UTC of each quarter end E_0..E_{n-1}, all strictly before today. */
  quarterEnds: number[];
  /** Interview quarter j runs from the day after E_j up to (not including) E_{j+1}, or today for the last one. */
  start: number[];
  days: number[];
  labels: string[];
}

export function buildTimeline(today: string, n: number): Timeline {
  const todayMs = Date.parse(`${today}T00:00:00Z`);
  const d = new Date(todayMs);
  const quarterStartMonth = Math.floor(d.getUTCMonth() / 3) * 3;
  const quarterEnds: number[] = [];
  // Day 0 of a month is the last day of the previous one: the end of the quarter before.
  for (let k = n - 1; k >= 0; k--) quarterEnds.push(Date.UTC(d.getUTCFullYear(), quarterStartMonth - 3 * k, 0));
  const start: number[] = [];
  const days: number[] = [];
  const labels: string[] = [];
  for (let j = 0; j < n; j++) {
    const s = quarterEnds[j]! + DAY;
    const end = j < n - 1 ? quarterEnds[j + 1]! : todayMs;
    start.push(s);
    days.push(Math.max(0, Math.round((end - s) / DAY)));
    const sd = new Date(s);
    labels.push(`Q${Math.floor(sd.getUTCMonth() / 3) + 1} ${sd.getUTCFullYear()}`);
  }
  return { n, todayMs, quarterEnds, start, days, labels };
}

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}
export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
