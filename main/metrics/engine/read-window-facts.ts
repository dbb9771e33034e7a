/**
 * A window's per-account facts read into columns (contact-columns.ts, citation-columns.ts): the SQL
 * pass, from the maintained summaries for a quarter or live over the responses otherwise, and its
 * decoding. Runs on the core's thread or on the metrics reader thread (parallel-reads.ts) alike.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables';
import { CitationColumnsBuilder, type CitationColumns } from './citation-columns';
import { contactFactColumns, type ContactFactColumns } from './contact-columns';
import { liveDriverIds, parseCitations, ratedCitationsParser } from './driver-partials';
import type { Window } from './period';
import { contactScores } from './sql-contact-scores';
import { driverCitations } from './sql-driver-citations';
import { summaryCitations, summaryContactScores, summaryFirstMonth } from './summaries';

/**
 * The window's contact facts. A quarter (three whole months) is one row per account in the maintained
 * summaries (`summaries`: the memo reads them); anything else is a live pass over the responses.
 */
export async function readContactFacts(db: Kysely<Database>, window: Window, summaries: boolean): Promise<ContactFactColumns> {
  const firstMonth = summaries ? summaryFirstMonth(window) : null;
  return contactFactColumns(firstMonth === null ? await contactScores(db, window) : await summaryContactScores(db, firstMonth));
}

/** The window's driver citations, from the summaries or a live pass as readContactFacts() decides. */
export async function readCitations(db: Kysely<Database>, window: Window, negativeAtMost: number, summaries: boolean): Promise<CitationColumns> {
  const firstMonth = summaries ? summaryFirstMonth(window) : null;
  if (firstMonth !== null) {
    const { rows, liveByCode } = await summaryCitations(db, firstMonth);
    const into = new CitationColumnsBuilder(liveDriverIds(liveByCode));
    const parse = ratedCitationsParser(liveByCode, negativeAtMost, into);
    for (let row = 0; row < rows.length; row++) parse(rows[row]![0], rows[row]![1]);
    return into.finish();
  }
  const { rows, codes } = await driverCitations(db, window, negativeAtMost);
  const into = new CitationColumnsBuilder([...new Set(codes.values())].sort());
  for (const row of rows) into.addCitations(row.accountId, parseCitations(row.cites ?? '', codes));
  return into.finish();
}
