/**
 * A window's per-account facts, decoded from the SQL passes and memoised per data version: the
 * account inputs of the pure functions (counts, contacts' latest scores, driver citations).
 */
import type { Kysely } from 'kysely';
import type { NpsCounts, StakeholderRole } from '../../../shared/domain/metrics-types';
import type { Database } from '../../db/tables';
import { addToTally, NO_CONTACTS, type ContactTally } from '../account-nps';
import { parseCitations, ratedCitationsParser, type AccountCitations } from './driver-partials';
import type { Window } from './period';
import type { QueryCache } from './query-cache';
import { contactScores } from './sql-contact-scores';
import { driverCitations } from './sql-driver-citations';
import { summaryCitations, summaryContactScores, summaryFirstMonth } from './summaries';

export interface AccountWindowFacts {
  counts: NpsCounts;
  /** The contacts' latest scores, tallied per role (account-nps.ts). */
  contacts: ContactTally;
}

const ROLE_BY_INITIAL: Record<number, StakeholderRole> = { 100: 'decision_maker', 105: 'influencer', 117: 'user' }; // d, i, u
const COMMA = 44;
/** Responses, contacts, ratings and drivers, read live or through the summaries they maintain (migration 005 groups). */
const RESPONSES = ['responses'] as const;

/**
 * "d7,u10,i9" → the contacts' tally, by character arithmetic: it runs over every responding contact
 * of a window. One small object per account, where a list per account (even of shared contact
 * objects) was most of what the young-generation GC copied on a cold dashboard.
 */
export function tallyScores(encoded: string): ContactTally {
  const tally = { ...NO_CONTACTS };
  let role: StakeholderRole | undefined;
  let score = -1;
  for (let i = 0; i <= encoded.length; i++) {
    const char = i < encoded.length ? encoded.charCodeAt(i) : COMMA;
    if (char === COMMA) {
      if (role === undefined || score < 0 || score > 10) {
        if (encoded === '') break;
        throw new RangeError(`unexpected contact scores "${encoded}"`);
      }
      addToTally(tally, role, score);
      role = undefined;
      score = -1;
    } else if (role === undefined) {
      role = ROLE_BY_INITIAL[char];
      if (role === undefined) throw new RangeError(`unexpected role initial in "${encoded}"`);
    } else if (char >= 48 && char <= 57) score = (score < 0 ? 0 : score * 10) + (char - 48);
    else throw new RangeError(`unexpected contact scores "${encoded}"`);
  }
  return tally;
}

export function contactFacts(db: Kysely<Database>, cache: QueryCache, window: Window): Promise<Map<string, AccountWindowFacts>> {
  return cache.get(`contact-scores|${window.from}|${window.to}`, async () => {
    const facts = new Map<string, AccountWindowFacts>();
    // A quarter (three whole months) is one row per account in the maintained summaries; anything else is a live pass.
    const firstMonth = cache.summaries ? summaryFirstMonth(window) : null;
    const rows = firstMonth === null ? await contactScores(db, window) : await summaryContactScores(db, firstMonth);
    for (const [accountId, promoters, passives, detractors, scores] of rows) {
      facts.set(accountId, {
        counts: { promoters: Number(promoters), passives: Number(passives), detractors: Number(detractors) },
        contacts: tallyScores(scores ?? ''),
      });
    }
    return facts;
  }, RESPONSES);
}

export function citationFacts(
  db: Kysely<Database>,
  cache: QueryCache,
  window: Window,
  negativeAtMost: number,
): Promise<Map<string, AccountCitations>> {
  return cache.get(`driver-citations|${window.from}|${window.to}|${negativeAtMost}`, async () => {
    const facts = new Map<string, AccountCitations>();
    const firstMonth = cache.summaries ? summaryFirstMonth(window) : null;
    if (firstMonth !== null) {
      const { rows, liveByCode } = await summaryCitations(db, firstMonth);
      const parse = ratedCitationsParser(liveByCode, negativeAtMost);
      for (const [accountId, cites] of rows) facts.set(accountId, parse(cites));
      return facts;
    }
    const { rows, codes } = await driverCitations(db, window, negativeAtMost);
    for (const row of rows) facts.set(row.accountId, parseCitations(row.cites ?? '', codes));
    return facts;
  }, RESPONSES);
}
