import { isRealDate } from '../../../shared/domain/dates';
import { MAX_SERIAL, serialToDate } from './excel-dates';

export type DateOrder = 'dmy' | 'mdy' | 'ymd';

export interface ParsedMoment {
  /** YYYY-MM-DD as written (wall clock). */
  date: string;
  /** HH:MM:SS.mmm when the value had a time. */
  time: string | null;
  /** Minutes east of UTC when the value said so. */
  offsetMinutes: number | null;
}

export type DateParse = { ok: true; value: ParsedMoment } | { ok: false; ambiguous: boolean; message: string };

const MONTHS: Record<string, number> = {};
const monthNames: [number, string[]][] = [
  [1, ['jan', 'january', 'januar', 'janv', 'janvier', 'ene', 'enero', 'gen']],
  [2, ['feb', 'february', 'februar', 'févr', 'fevr', 'février', 'fevrier', 'febrero']],
  [3, ['mar', 'march', 'märz', 'maerz', 'mär', 'mars', 'marzo']],
  [4, ['apr', 'april', 'avr', 'avril', 'abr', 'abril']],
  [5, ['may', 'mai', 'mayo', 'mag']],
  [6, ['jun', 'june', 'juni', 'juin', 'junio', 'giu']],
  [7, ['jul', 'july', 'juli', 'juil', 'juillet', 'julio', 'lug']],
  [8, ['aug', 'august', 'août', 'aout', 'ago', 'agosto']],
  [9, ['sep', 'sept', 'september', 'septembre', 'septiembre', 'set']],
  [10, ['oct', 'october', 'okt', 'oktober', 'octobre', 'octubre', 'ott']],
  [11, ['nov', 'november', 'novembre', 'noviembre']],
  [12, ['dec', 'december', 'dez', 'dezember', 'déc', 'décembre', 'decembre', 'dic', 'diciembre']],
];
for (const [month, names] of monthNames) for (const name of names) MONTHS[name] = month;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function makeDate(year: number, month: number, day: number): string | null {
  const iso = `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
  return year >= 1000 && year <= 9999 && isRealDate(iso) ? iso : null;
}

function fullYear(text: string): number {
  const n = Number(text);
  if (text.length > 2) return n;
  return n < 70 ? 2000 + n : 1900 + n;
}

const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,6}))?)?\s*(am|pm|a\.m\.|p\.m\.)?$/i;

function parseTime(text: string): string | null | false {
  const t = text.trim();
  if (t === '') return null;
  const m = TIME.exec(t);
  if (!m) return false;
  let hours = Number(m[1]);
  const minutes = Number(m[2]);
  const seconds = Number(m[3] ?? 0);
  const ms = Math.round(Number(`0.${m[4] ?? '0'}`) * 1000);
  const meridiem = m[5]?.toLowerCase().replace(/\./g, '');
  if (meridiem) {
    if (hours < 1 || hours > 12) return false;
    if (meridiem === 'pm' && hours !== 12) hours += 12;
    if (meridiem === 'am' && hours === 12) hours = 0;
  }
  if (hours > 23 || minutes > 59 || seconds > 59) return false;
  return `${pad(hours)}:${pad(minutes)}:${pad(seconds)}.${pad(ms, 3)}`;
}

function splitZone(text: string): { rest: string; offset: number | null } | null {
  const z = /(?:\s*(Z|UTC|GMT)|\s*(?:UTC|GMT)?\s*([+-])(\d{2}):?(\d{2}))$/i.exec(text);
  if (!z) return { rest: text, offset: null };
  // "2024-03-05" ends in "-05"-like digits only when it has no time part; leave those alone.
  if (z[2] && !/\d:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*$/.test(text.slice(0, z.index))) return { rest: text, offset: null };
  const offset = z[1] ? 0 : (z[2] === '-' ? -1 : 1) * (Number(z[3]) * 60 + Number(z[4]));
  if (Math.abs(offset) > 14 * 60) return null;
  return { rest: text.slice(0, z.index).trim(), offset };
}

const fail = (message: string, ambiguous = false): DateParse => ({ ok: false, ambiguous, message });

/**
 * Dates as people type them: ISO, 5.3.2024, 03/05/2024 (order from the column or the person),
 * 5 Mar 2024, March 5, 2024, 20240305, with an optional time and zone.
 */
export function parseDateText(input: string, order: DateOrder | null): DateParse {
  const text = input.trim().replace(/\s+/g, ' ');
  if (text === '') return fail('is empty');
  const zone = splitZone(text);
  if (!zone) return fail(`"${input}" has a time zone that does not exist`);
  const { rest, offset } = zone;

  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ](.+))?$/.exec(rest);
  if (m) return finish(makeDate(Number(m[1]), Number(m[2]), Number(m[3])), m[4] ?? '', offset, input);

  m = /^(\d{8})$/.exec(rest);
  if (m) return finish(makeDate(Number(rest.slice(0, 4)), Number(rest.slice(4, 6)), Number(rest.slice(6, 8))), '', offset, input);

  m = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{2}|\d{4})(?:[ T,]+(.+))?$/.exec(rest);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[3]);
    const year = fullYear(m[4]!);
    let dayFirst: boolean;
    if (a > 12 && b <= 12) dayFirst = true;
    else if (b > 12 && a <= 12) dayFirst = false;
    else if (m[2] === '.') dayFirst = true; // dotted dates are day-first wherever they are written
    else if (order === 'dmy') dayFirst = true;
    else if (order === 'mdy') dayFirst = false;
    else if (a === b) dayFirst = true;
    else return fail(`"${input}" could be ${a} ${monthLabel(b)} or ${monthLabel(a)} ${b}: choose the date order`, true);
    const date = dayFirst ? makeDate(year, b, a) : makeDate(year, a, b);
    return finish(date, m[5] ?? '', offset, input);
  }

  // Month names: "5 Mar 2024", "05-Mar-24", "Mar 5, 2024", "Tuesday, March 5, 2024", "5. März 2024".
  const words = rest
    .toLowerCase()
    .replace(/^(mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s*/, '')
    .replace(/(\d)(st|nd|rd|th)\b/g, '$1');
  m = /^(\d{1,2})\.?[ -]([a-zéûä]+)\.?,?[ -](\d{2}|\d{4})(?:[ T,]+(.+))?$/.exec(words);
  if (m && MONTHS[m[2]!]) return finish(makeDate(fullYear(m[3]!), MONTHS[m[2]!]!, Number(m[1])), m[4] ?? '', offset, input);
  m = /^([a-zéûä]+)\.? (\d{1,2}),? (\d{4})(?:[ T,]+(.+))?$/.exec(words);
  if (m && MONTHS[m[1]!]) return finish(makeDate(Number(m[3]), MONTHS[m[1]!]!, Number(m[2])), m[4] ?? '', offset, input);

  return fail(`"${truncate(input)}" is not a date AX Workbench recognises (use e.g. 2024-03-05)`);
}

function finish(date: string | null, timeText: string, offset: number | null, input: string): DateParse {
  if (!date) return fail(`"${truncate(input)}" is not a real calendar date`);
  const time = parseTime(timeText);
  if (time === false) return fail(`"${truncate(input)}" has a time AX Workbench does not recognise`);
  return { ok: true, value: { date, time, offsetMinutes: offset } };
}

function monthLabel(month: number): string {
  return ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'][month - 1] ?? String(month);
}

function truncate(text: string): string {
  return text.length > 40 ? text.slice(0, 40) + '…' : text;
}

/** Which order a value proves ("25/03/2024" proves day-first); null when it proves nothing. */
export function dateOrderEvidence(input: string): DateOrder | null {
  const m = /^\s*(\d{1,2})[-/](\d{1,2})[-/](\d{2}|\d{4})\b/.exec(input);
  if (!m) return null;
  const a = Number(m[1]);
  const b = Number(m[2]);
  if (a > 12 && b <= 12) return 'dmy';
  if (b > 12 && a <= 12) return 'mdy';
  return null;
}

export function isAmbiguousDate(input: string): boolean {
  const m = /^\s*(\d{1,2})([-/])(\d{1,2})\2(\d{2}|\d{4})\b/.exec(input);
  return !!m && Number(m[1]) <= 12 && Number(m[3]) <= 12 && m[1] !== m[3];
}

/** A date cell: its UTC parts are the wall clock Excel shows. */
export function momentFromDate(date: Date): ParsedMoment | null {
  if (Number.isNaN(date.getTime())) return null;
  const iso = date.toISOString();
  const time = iso.slice(11, 23);
  return { date: iso.slice(0, 10), time: time === '00:00:00.000' ? null : time, offsetMinutes: null };
}

/** A bare number in a date column: an Excel serial (1900 or 1904 system) or a Unix timestamp. */
export function momentFromNumber(n: number, date1904: boolean): DateParse {
  if (Number.isInteger(n) && n >= 1900 && n <= 2100) return fail(`${n} is a year, not a date`);
  if (n >= 1e9 && n < 5e9) return { ok: true, value: momentFromDate(new Date(Math.round(n) * 1000))! };
  if (n >= 1e12 && n < 5e12) return { ok: true, value: momentFromDate(new Date(Math.round(n)))! };
  if (n < 1 || n > MAX_SERIAL) return fail(`${n} is not a date`);
  const moment = momentFromDate(serialToDate(n, date1904));
  return moment ? { ok: true, value: moment } : fail(`${n} is not a date`);
}

/** ISO instant in UTC for a moment; wall-clock values without a zone are taken as UTC. */
export function momentToIsoInstant(moment: ParsedMoment): string {
  const base = Date.parse(`${moment.date}T${moment.time ?? '00:00:00.000'}Z`);
  return new Date(base - (moment.offsetMinutes ?? 0) * 60_000).toISOString();
}
