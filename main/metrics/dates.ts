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

function twoDigits(iso: string, at: number): number {
  const a = iso.charCodeAt(at) - 48;
  const b = iso.charCodeAt(at + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/**
 * Date.parse() for the timestamps the app stores ("2026-07-01T09:30:00.000Z", with or without the
 * milliseconds), by character arithmetic; null for any other string, and for days past the 28th
 * (whether Feb 30 exists is Date.parse's call). Portfolio passes read 10k+ timestamps per dashboard
 * (silence, the loop KPIs) and Date.parse was most of their time. A property test holds the two equal.
 */
export function storedTimeMs(iso: string): number | null {
  const n = iso.length;
  const shape =
    (n === 24 && iso.charCodeAt(19) === 46 && iso.charCodeAt(23) === 90) || (n === 20 && iso.charCodeAt(19) === 90)
      ? iso.charCodeAt(4) === 45 && iso.charCodeAt(7) === 45 && iso.charCodeAt(10) === 84 && iso.charCodeAt(13) === 58 && iso.charCodeAt(16) === 58
      : false;
  if (!shape) return null;
  const century = twoDigits(iso, 0);
  const yy = twoDigits(iso, 2);
  const month = twoDigits(iso, 5);
  const day = twoDigits(iso, 8);
  const hour = twoDigits(iso, 11);
  const minute = twoDigits(iso, 14);
  const second = twoDigits(iso, 17);
  let ms = 0;
  if (n === 24) {
    const hi = twoDigits(iso, 20);
    const lo = iso.charCodeAt(22) - 48;
    ms = hi >= 0 && lo >= 0 && lo <= 9 ? hi * 10 + lo : -1;
  }
  // Years below 1000 stay with Date.parse: Date.UTC maps years 0–99 to 1900–1999.
  if (century >= 10 && yy >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= 28 && hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59 && second >= 0 && second <= 59 && ms >= 0) {
    return Date.UTC(century * 100 + yy, month - 1, day, hour, minute, second, ms);
  }
  return null;
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
