import type BetterSqlite3 from 'better-sqlite3';
import { normalizeAccountName } from '../../../shared/domain/accounts';
import type { Value } from './convert';

export type Row = Record<string, Value>;

const push = <K, V>(map: Map<K, V[]>, key: K, value: V) => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};

export const titleKey = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').trim();
export const driverKey = (name: string) => name.toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * The workspace's existing records, indexed the ways the importer matches them. Loaded in one
 * synchronous pass (a consistent view), then extended with what the plan creates so later rows of
 * the same file find the records earlier rows made.
 */
export class Lookups {
  readonly accounts = new Map<string, Row>();
  readonly accountsByExternal = new Map<string, string[]>();
  readonly accountsByName = new Map<string, string[]>();
  readonly arrByKey = new Map<string, Row>();
  readonly latestArr = new Map<string, Row>();
  readonly contacts = new Map<string, Row>();
  readonly contactsByExternal = new Map<string, string[]>();
  readonly contactsByEmail = new Map<string, string[]>();
  readonly contactsByName = new Map<string, string>();
  readonly interviews = new Map<string, Row>();
  readonly interviewsByExternal = new Map<string, string>();
  readonly interviewsByKey = new Map<string, string>();
  readonly drivers = new Map<string, Row>();
  driverSortOrder = 0;
  /** Ratings by interview id (a few per response): no key string per rating, which a 100k-row import felt. */
  readonly ratings = new Map<string, Row[]>();
  readonly qbrs = new Map<string, Row>();
  readonly notes = new Map<string, Row>();
  readonly notePositions = new Map<string, number>();
  readonly actions = new Map<string, Row[]>();

  addAccount(row: Row): void {
    this.accounts.set(row.id as string, row);
    if (row.external_id) push(this.accountsByExternal, row.external_id as string, row.id as string);
    push(this.accountsByName, row.name_normalized as string, row.id as string);
  }

  addArr(row: Row): void {
    this.arrByKey.set(`${row.account_id}|${row.effective_date}`, row);
    const latest = this.latestArr.get(row.account_id as string);
    if (!latest || (row.effective_date as string) >= (latest.effective_date as string)) this.latestArr.set(row.account_id as string, row);
  }

  addContact(row: Row): void {
    this.contacts.set(row.id as string, row);
    if (row.external_id) push(this.contactsByExternal, row.external_id as string, row.id as string);
    if (row.email) push(this.contactsByEmail, (row.email as string).toLowerCase(), row.id as string);
    this.contactsByName.set(`${row.account_id}|${normalizeAccountName(row.name as string)}`, row.id as string);
  }

  addInterview(row: Row): void {
    this.interviews.set(row.id as string, row);
    if (row.external_id) this.interviewsByExternal.set(row.external_id as string, row.id as string);
    this.interviewsByKey.set(interviewKey(row.account_id as string, row.contact_id as string | null, row.interviewed_at as string), row.id as string);
  }

  addDriver(row: Row): void {
    this.drivers.set(driverKey(row.name as string), row);
    this.driverSortOrder = Math.max(this.driverSortOrder, Number(row.sort_order ?? 0));
  }

  addRating(row: Row): void {
    push(this.ratings, row.interview_id as string, row);
  }

  rating(interviewId: string, driverId: string): Row | null {
    const list = this.ratings.get(interviewId);
    if (!list) return null;
    for (const row of list) if (row.driver_id === driverId) return row;
    return null;
  }

  addQbr(row: Row): void {
    this.qbrs.set(`${row.account_id}|${row.held_on}`, row);
  }

  addNote(row: Row): void {
    this.notes.set(`${row.qbr_id}|${(row.body as string).trim()}`, row);
    this.notePositions.set(row.qbr_id as string, Math.max(this.notePositions.get(row.qbr_id as string) ?? -1, Number(row.position)));
  }

  addAction(row: Row): void {
    push(this.actions, `${row.account_id}|${titleKey(row.title as string)}`, row);
  }
}

export function interviewKey(accountId: string, contactId: string | null, at: string): string {
  return `${accountId}|${contactId ?? ''}|${at}`;
}

const LIVE = 'deleted_at IS NULL';

/** Loads what the given import needs; interviews only where the file could match them. */
export function loadLookups(raw: BetterSqlite3.Database, needs: { interviews?: { externalIds: string[]; dates: string[] }; qbrs?: boolean; actions?: boolean; arr?: boolean }): Lookups {
  const l = new Lookups();
  for (const row of raw.prepare(`SELECT * FROM accounts WHERE ${LIVE}`).all() as Row[]) l.addAccount(row);
  for (const row of raw.prepare(`SELECT * FROM contacts WHERE ${LIVE}`).all() as Row[]) l.addContact(row);
  for (const row of raw.prepare(`SELECT * FROM drivers WHERE ${LIVE}`).all() as Row[]) l.addDriver(row);
  if (needs.arr) for (const row of raw.prepare(`SELECT * FROM arr_records WHERE ${LIVE} ORDER BY effective_date, created_at`).all() as Row[]) l.addArr(row);
  if (needs.qbrs) {
    for (const row of raw.prepare(`SELECT * FROM qbrs WHERE ${LIVE}`).all() as Row[]) l.addQbr(row);
    for (const row of raw.prepare(`SELECT * FROM qbr_notes WHERE ${LIVE}`).all() as Row[]) l.addNote(row);
  }
  if (needs.actions) for (const row of raw.prepare(`SELECT * FROM actions WHERE ${LIVE}`).all() as Row[]) l.addAction(row);
  // Into a workspace without responses (a first import) nothing can match: no need to look.
  if (needs.interviews && hasLiveInterviews(raw)) {
    // One pass each, whatever the file's size: the id lists travel as JSON arrays.
    const found = new Map<string, Row>();
    const byList = (column: string, values: string[]) => {
      if (values.length === 0) return;
      const sql = `SELECT * FROM interviews WHERE ${LIVE} AND ${column} IN (SELECT value FROM json_each(?))`;
      for (const row of raw.prepare(sql).all(JSON.stringify([...new Set(values)])) as Row[]) found.set(row.id as string, row);
    };
    byList('external_id', needs.interviews.externalIds);
    byList('interviewed_at', needs.interviews.dates);
    for (const row of found.values()) l.addInterview(row);
    if (found.size > 0) {
      const sql = `SELECT * FROM driver_ratings WHERE ${LIVE} AND interview_id IN (SELECT value FROM json_each(?))`;
      for (const row of raw.prepare(sql).all(JSON.stringify([...found.keys()])) as Row[]) l.addRating(row);
    }
  }
  return l;
}

function hasLiveInterviews(raw: BetterSqlite3.Database): boolean {
  return (raw.prepare(`SELECT EXISTS (SELECT 1 FROM interviews WHERE ${LIVE}) AS found`).get() as { found: number }).found === 1;
}
