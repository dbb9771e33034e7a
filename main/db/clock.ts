/** One place for "now", so tests and the demo generator can pin time. */
let fixedNow: Date | null = null;

export function now(): Date {
  return fixedNow ? new Date(fixedNow) : new Date();
}
export function nowIso(): string {
  return now().toISOString();
}
export function todayIso(): string {
  return nowIso().slice(0, 10);
}
export function pinClock(date: Date | null): void {
  fixedNow = date;
}
