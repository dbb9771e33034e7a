/**
 * Evidence beside the model (metrics.md §4, §7): the same window a year earlier gives each account's
 * category and weighted score; its ARR then (t0) and now (t1) give the observed 12-month outcome.
 */
import type { Kysely } from 'kysely';
import type { EvidenceSlope, ObservedChurn } from '../../../shared/domain/metrics-types';
import type { MetricSettings } from '../../../shared/domain/metrics-settings';
import type { Database } from '../../db/tables';
import type { ChurnOutcome } from '../revenue-at-risk';
import { observedChurn } from '../revenue-at-risk';
import type { ScoreNrrPoint } from '../value-of-point';
import { evidenceSlope } from '../value-of-point';
import { NO_CONTACTS } from '../account-nps';
import { headlineCategoryOf, weightedScore } from './account-scoring';
import type { Book } from './book';
import { yearEarlier, type Window } from './period';
import type { QueryCache } from './query-cache';
import { contactFacts } from './window-facts';

export interface Evidence {
  window: Window;
  slope: EvidenceSlope;
  churn: ObservedChurn;
}

export async function evidence(db: Kysely<Database>, cache: QueryCache, book: Book, settings: MetricSettings): Promise<Evidence> {
  const window = yearEarlier(book.window);
  const facts = await contactFacts(db, cache, window);
  const points: ScoreNrrPoint[] = [];
  const outcomes: ChurnOutcome[] = [];
  const rows = facts.rowsFor(book.live);
  // scoreAccount()'s headline category and weighted score, from one tally reused account after account.
  const tally = { ...NO_CONTACTS };
  for (const account of book.accounts) {
    // The outcome is known only for accounts that were customers then (ARR at t0 > 0).
    if (account.arrT0 <= 0 || !facts.tallyInto(rows[account.liveIndex]!, tally)) continue;
    const score = weightedScore(tally, settings);
    const category = headlineCategoryOf(tally, settings, score);
    if (category !== null) outcomes.push({ accountId: account.attrs.id, category, churned: account.arr === 0 });
    if (score !== null) points.push({ accountId: account.attrs.id, weightedScore: score, nextNrr: account.arr / account.arrT0 });
  }
  return { window, slope: evidenceSlope(points, settings), churn: observedChurn(outcomes, settings) };
}
