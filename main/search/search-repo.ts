import { sql } from 'kysely';
import type { RawBuilder } from 'kysely';
import type { ParsedInputOf } from '../../shared/contract';
import { SEARCH_SOURCES } from '../../shared/contract/search';
import type { SearchHit, SearchResult, SearchSource } from '../../shared/contract/search';
import type { Executor } from '../accounts/account-queries';
import { categorize } from '../metrics/nps';
import { accountFacet, categoryFacet, dateFacets, driverFacet, sourceFacet, touchpointFacet } from './facets';
import { parseSearchText } from './query-syntax';

type SearchInput = ParsedInputOf<'search.query'>;

/**
 * bm25 scores every match, so a word found in half a million texts would take seconds to rank. Past this
 * many matches only the most recently indexed ones are ranked (document ids follow time after a backfill
 * or rebuild): cheap to find by rowid, and recent words are what people look for. The result says so,
 * for the screen to suggest narrowing.
 */
export const RANK_LIMIT = 10_000;
const SNIPPET_TOKENS = 24;

export async function searchTexts(db: Executor, input: SearchInput): Promise<SearchResult> {
  const started = performance.now();
  const parsed = parseSearchText(input.text);
  const nothing = (): SearchResult => ({ hits: [], hasMore: false, total: 0, rankedNewest: null, tookMs: performance.now() - started });
  if (!parsed.expression) return nothing();
  const dates = await dateTokens(db, input);
  if (dates === 'empty') return nothing();

  const match = matchExpression(parsed.expression, input, dates);
  const total = Number((await sql<{ n: number }>`SELECT count(*) AS n FROM search_fts WHERE search_fts MATCH ${match}`.execute(db)).rows[0]?.n ?? 0);
  if (total === 0) return nothing();

  let newest: RawBuilder<unknown> = sql``;
  if (total > RANK_LIMIT) {
    const cutoff = await sql<{ rowid: number }>`
      SELECT rowid FROM search_fts WHERE search_fts MATCH ${match} ORDER BY rowid DESC LIMIT 1 OFFSET ${RANK_LIMIT - 1}`.execute(db);
    newest = sql`AND rowid >= ${cutoff.rows[0]?.rowid ?? 0}`;
  }
  // The snippet is made here, with the ranking cursor: asking FTS5 for it later by rowid re-reads the
  // whole doclist of each word per row, which for a common word is far slower than making it for every candidate.
  const ranked = await sql<{ id: number; score: number; snippet: string }>`
    SELECT rowid AS id, bm25(search_fts, 1.0, 0.0) AS score,
           snippet(search_fts, 0, char(2), char(3), '…', ${SNIPPET_TOKENS}) AS snippet
      FROM search_fts
     WHERE search_fts MATCH ${match} ${newest}
     ORDER BY score, rowid DESC
     LIMIT ${input.limit + 1} OFFSET ${input.offset}`.execute(db);
  const page = ranked.rows.slice(0, input.limit);
  return {
    hits: await hydrate(db, page),
    hasMore: ranked.rows.length > input.limit,
    total,
    rankedNewest: total > RANK_LIMIT ? RANK_LIMIT : null,
    tookMs: performance.now() - started,
  };
}

/** The words in the text column, and every filter as index tokens in the facets column. */
function matchExpression(words: string, input: SearchInput, dates: string[] | null): string {
  const tokens: string[] = [];
  if (input.accountId) tokens.push(accountFacet(input.accountId));
  if (input.category) tokens.push(categoryFacet(input.category));
  if (input.touchpointId) tokens.push(touchpointFacet(input.touchpointId));
  if (input.driverId) tokens.push(driverFacet(input.driverId));
  const anyOf = (alternatives: string[]) => `facets : (${alternatives.join(' OR ')})`;
  const parts = [`body : (${words})`, ...tokens.map((token) => `facets : ${token}`)];
  if (input.sources && input.sources.length < SEARCH_SOURCES.length) parts.push(anyOf(input.sources.map(sourceFacet)));
  if (dates) parts.push(anyOf(dates));
  return parts.join(' AND ');
}

/** Date tokens for the filter; an open end stops at the first or last day there is any text for. */
async function dateTokens(db: Executor, input: SearchInput): Promise<string[] | null | 'empty'> {
  if (!input.from && !input.to) return null;
  // Two subqueries, so that each reads one end of the index on `at`.
  const bounds = (
    await sql<{ first: string | null; last: string | null }>`
      SELECT (SELECT min(at) FROM search_documents) AS first, (SELECT max(at) FROM search_documents) AS last`.execute(db)
  ).rows[0];
  if (!bounds?.first || !bounds.last) return 'empty';
  const first = bounds.first.slice(0, 10);
  const last = bounds.last.slice(0, 10);
  const from = input.from && input.from > first ? input.from : first;
  const to = input.to && input.to < last ? input.to : last;
  return from > to ? 'empty' : dateFacets(from, to);
}

async function hydrate(db: Executor, page: { id: number; score: number; snippet: string }[]): Promise<SearchHit[]> {
  if (page.length === 0) return [];
  const ids = page.map((p) => p.id);
  const rows = await sql<{
    id: number;
    source: SearchSource;
    source_id: string;
    account_id: string;
    account_name: string;
    at: string;
    interview_id: string | null;
    interview_status: 'draft' | 'complete' | null;
    nps: number | null;
    contact_name: string | null;
    qbr_id: string | null;
    title: string | null;
  }>`
    SELECT d.id, d.source, d.source_id, d.account_id, a.name AS account_name, d.at, d.interview_id,
           i.status AS interview_status, i.nps, c.name AS contact_name, n.qbr_id,
           coalesce(q.title, x.title) AS title
      FROM search_documents d
      JOIN accounts a ON a.id = d.account_id AND a.deleted_at IS NULL
      LEFT JOIN interviews i ON i.id = d.interview_id
      LEFT JOIN contacts c ON c.id = i.contact_id
      LEFT JOIN qbr_notes n ON d.source = 'qbr_note' AND n.id = d.source_id
      LEFT JOIN qbrs q ON q.id = n.qbr_id
      LEFT JOIN actions x ON d.source = 'action_outcome' AND x.id = d.source_id
     WHERE d.id IN (${sql.join(ids)})`.execute(db);
  const byId = new Map(rows.rows.map((r) => [Number(r.id), r]));
  // Texts of deleted accounts stay indexed (the account can be restored) but are not shown.
  return page.flatMap((p) => {
    const r = byId.get(Number(p.id));
    if (!r) return [];
    return [
      {
        id: Number(r.id),
        source: r.source,
        sourceId: r.source_id,
        accountId: r.account_id,
        accountName: r.account_name,
        at: r.at,
        snippet: p.snippet,
        score: p.score,
        interviewId: r.interview_id,
        interviewStatus: r.interview_status,
        contactName: r.contact_name,
        nps: r.nps,
        category: r.nps === null ? null : categorize(r.nps),
        qbrId: r.qbr_id,
        title: r.title,
      },
    ];
  });
}
