/**
 * ISO 8601 date arithmetic in UTC. Date-only strings ("2025-03-31") parse as UTC midnight,
 * so day differences do not drift with the laptop's time zone.
 */
const MS_PER_HOUR = 3_600_000;
const MS_PER_DAY = 24 * MS_PER_HOUR;

export function parseIsoTime(iso: string, what: string): number {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) throw new RangeError(`${what} is not an ISO 8601 date: "${iso}"`);
  return time;
}

export function daysBetween(fromIso: string, toIso: string): number {
  return (parseIsoTime(toIso, 'end date') - parseIsoTime(fromIso, 'start date')) / MS_PER_DAY;
}

export function hoursBetween(fromIso: string, toIso: string): number {
  return (parseIsoTime(toIso, 'end time') - parseIsoTime(fromIso, 'start time')) / MS_PER_HOUR;
}

export function addHours(iso: string, hours: number): string {
  return new Date(parseIsoTime(iso, 'time') + hours * MS_PER_HOUR).toISOString();
}

export function addDays(iso: string, days: number): string {
  return new Date(parseIsoTime(iso, 'time') + days * MS_PER_DAY).toISOString();
}

/** The calendar day of a date or date-time, for "belongs to the window by its interview date". */
export function calendarDay(iso: string): string {
  parseIsoTime(iso, 'date');
  return iso.slice(0, 10);
}
