/** What a caller can ask the workspace generator for, what it reports back, and the checks on the request. */
import type BetterSqlite3 from 'better-sqlite3';
import { ISO_DATE } from '../../../shared/domain/dates';

export interface GenerateOptions {
  seed: number;
  accounts: number;
  /** Mean; strategic accounts get more stakeholders, SMB fewer. */
  contactsPerAccount: number;
  /** Total interviews, exactly. */
  responses: number;
  /** Length of the ARR history in quarter ends (and of the interview history in quarters). */
  quarters: number;
  /** YYYY-MM-DD; every simulated date is relative to it, and nothing happens on or after it. */
  today: string;
  withQbrs?: boolean;
  withActions?: boolean;
  onProgress?: (done: number, total: number) => void;
  /**
   * Bulk size only. Re-derives, in one pass, what the triggers on the generated tables maintain row by
   * row (the search index). When given, those triggers are suspended during the load (at 1M interviews
   * they about double the time) and this runs, in the same transaction, once data and triggers are back.
   */
  rebuildDerived?: (raw: BetterSqlite3.Database) => void;
}

export interface GenerateSummary {
  drivers: number;
  journeys: number;
  journey_stages: number;
  touchpoints: number;
  accounts: number;
  arr_records: number;
  contacts: number;
  interviews: number;
  driver_ratings: number;
  qbrs: number;
  qbr_notes: number;
  milestones: number;
  actions: number;
}

export function validateOptions(o: GenerateOptions): void {
  if (!ISO_DATE.test(o.today)) throw new RangeError(`today must be YYYY-MM-DD, got "${o.today}"`);
  const counts: [string, number][] = [
    ['accounts', o.accounts],
    ['responses', o.responses],
    ['quarters', o.quarters],
  ];
  for (const [name, value] of counts) {
    if (!Number.isInteger(value) || value < 0) throw new RangeError(`${name} must be a non-negative integer, got ${value}`);
  }
  if (o.quarters < 1) throw new RangeError('quarters must be at least 1');
  if (!(o.contactsPerAccount >= 1)) throw new RangeError('contactsPerAccount must be at least 1');
}
