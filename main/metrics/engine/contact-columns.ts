/**
 * A window's per-account contact facts (count-all counts and the contacts' tally, account-nps.ts) as
 * columns: one Float64Array of FACT_STRIDE numbers per account and the accounts' ids. Columns, not an
 * object per account, so that the metrics reader thread can build them and hand them over as one
 * buffer (parallel-reads.ts), and so that a memoised window is three objects for the GC, not 30k.
 */
import type { NpsCounts } from '../../../shared/domain/metrics-types';
import type { ContactTally } from '../account-nps';
import { AccountRowIndex } from './align-rows';
import type { ContactScoresRow } from './sql-contact-scores';

/** The plain data (it crosses threads): row r is accountIds[r], its numbers values[r × FACT_STRIDE …]. */
export interface ContactFactColumns {
  accountIds: string[];
  values: Float64Array;
}

export interface AccountWindowFacts {
  counts: NpsCounts;
  /** The contacts' latest scores, tallied per role (account-nps.ts). */
  contacts: ContactTally;
}

const PROMOTERS = 0;
const PASSIVES = 1;
const DETRACTORS = 2;
const DECISION_MAKERS = 3;
const DECISION_MAKER_SUM = 4;
const INFLUENCERS = 5;
const INFLUENCER_SUM = 6;
const USERS = 7;
const USER_SUM = 8;
const LOWEST = 9;
const HIGHEST = 10;
export const FACT_STRIDE = 11;

const COMMA = 44;
const D = 100;
const I = 105;
const U = 117;

/**
 * "d7,u10,i9" (role initial: decision maker, influencer, user; then the score) tallied into
 * values[at …], by character arithmetic: it runs over every responding contact of a window.
 */
export function tallyScoresInto(encoded: string, values: Float64Array, at: number): void {
  values[at + LOWEST] = Infinity;
  values[at + HIGHEST] = -Infinity;
  if (encoded === '') return;
  let role = 0;
  let score = -1;
  for (let i = 0; i <= encoded.length; i++) {
    const char = i < encoded.length ? encoded.charCodeAt(i) : COMMA;
    if (char === COMMA) {
      if (role === 0 || score < 0 || score > 10) throw new RangeError(`unexpected contact scores "${encoded}"`);
      const slot = role === D ? DECISION_MAKERS : role === I ? INFLUENCERS : USERS;
      values[at + slot]! += 1;
      values[at + slot + 1]! += score;
      if (score < values[at + LOWEST]!) values[at + LOWEST] = score;
      if (score > values[at + HIGHEST]!) values[at + HIGHEST] = score;
      role = 0;
      score = -1;
    } else if (role === 0) {
      if (char !== D && char !== I && char !== U) throw new RangeError(`unexpected role initial in "${encoded}"`);
      role = char;
    } else if (char >= 48 && char <= 57) score = (score < 0 ? 0 : score * 10) + (char - 48);
    else throw new RangeError(`unexpected contact scores "${encoded}"`);
  }
}

/** The window pass's rows (sql-contact-scores.ts, or the summaries' same rows) as columns. */
export function contactFactColumns(rows: readonly ContactScoresRow[]): ContactFactColumns {
  const accountIds = new Array<string>(rows.length);
  const values = new Float64Array(rows.length * FACT_STRIDE);
  // Indexed, not destructured: destructuring runs the iterator protocol, once per account.
  for (let row = 0; row < rows.length; row++) {
    const fields = rows[row]!;
    const at = row * FACT_STRIDE;
    accountIds[row] = fields[0];
    values[at + PROMOTERS] = Number(fields[1]);
    values[at + PASSIVES] = Number(fields[2]);
    values[at + DETRACTORS] = Number(fields[3]);
    tallyScoresInto(fields[4] ?? '', values, at);
  }
  return { accountIds, values };
}

/** The tally of one "d7,u10,i9" string, as an object. */
export function tallyScores(encoded: string): ContactTally {
  const values = new Float64Array(FACT_STRIDE);
  tallyScoresInto(encoded, values, 0);
  return tallyAt(values, 0);
}

function tallyAt(values: Float64Array, at: number): ContactTally {
  return {
    decisionMakers: values[at + DECISION_MAKERS]!,
    decisionMakerSum: values[at + DECISION_MAKER_SUM]!,
    influencers: values[at + INFLUENCERS]!,
    influencerSum: values[at + INFLUENCER_SUM]!,
    users: values[at + USERS]!,
    userSum: values[at + USER_SUM]!,
    lowest: values[at + LOWEST]!,
    highest: values[at + HIGHEST]!,
  };
}

/** The core's view of a window's columns: an account's facts by id or by its place among the live accounts, made when asked for. */
export class WindowFacts extends AccountRowIndex {
  constructor(private readonly columns: ContactFactColumns) {
    super(columns.accountIds);
  }

  /**
   * Row `row`'s contacts' tally written into `tally` (no object made; scoring 10k accounts made 20k
   * of them), or false for −1. The tally must not be kept: the next row overwrites it.
   */
  tallyInto(row: number, tally: ContactTally): boolean {
    if (row < 0) return false;
    const { values } = this.columns;
    const at = row * FACT_STRIDE;
    tally.decisionMakers = values[at + DECISION_MAKERS]!;
    tally.decisionMakerSum = values[at + DECISION_MAKER_SUM]!;
    tally.influencers = values[at + INFLUENCERS]!;
    tally.influencerSum = values[at + INFLUENCER_SUM]!;
    tally.users = values[at + USERS]!;
    tally.userSum = values[at + USER_SUM]!;
    tally.lowest = values[at + LOWEST]!;
    tally.highest = values[at + HIGHEST]!;
    return true;
  }

  /** Row `row`'s count-all counts (a new object: account scores keep it). */
  countsAt(row: number): NpsCounts {
    const { values } = this.columns;
    const at = row * FACT_STRIDE;
    return { promoters: values[at + PROMOTERS]!, passives: values[at + PASSIVES]!, detractors: values[at + DETRACTORS]! };
  }

  /** undefined: no valid response of the account in the window. */
  get(accountId: string): AccountWindowFacts | undefined {
    const row = this.rowOf(accountId);
    return row < 0 ? undefined : { counts: this.countsAt(row), contacts: tallyAt(this.columns.values, row * FACT_STRIDE) };
  }
}
