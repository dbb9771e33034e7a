import { z } from 'zod';
import { NPS_CATEGORIES } from '../domain/metrics-types';
import type { NpsCategory } from '../domain/metrics-types';
import { idSchema, isoDateSchema } from './common';
import { query } from './define';

export const SEARCH_SOURCES = ['verbatim', 'interview_note', 'qbr_note', 'action_outcome'] as const;
export type SearchSource = (typeof SEARCH_SOURCES)[number];

/**
 * Snippets mark matched words with these control characters instead of HTML, so text from the
 * database can never become markup: split with `splitHighlights` and render the parts as text.
 */
export const HIGHLIGHT_START = '\u0002';
export const HIGHLIGHT_END = '\u0003';

export const searchQueryInput = z
  .object({
    /**
     * Words to find, any punctuation allowed. Words must all appear (stemmed: "tickets" finds "ticket");
     * text in double quotes must appear as a phrase; the last word also matches as a prefix while typing.
     */
    text: z.string().max(500, 'A search is at most 500 characters'),
    accountId: idSchema.optional(),
    /** Inclusive days, by the date of the interview, QBR, or action (closed, else opened). */
    from: isoDateSchema.optional(),
    to: isoDateSchema.optional(),
    /** Interviews that rated or were tagged with the driver (and actions opened from them). */
    driverId: idSchema.optional(),
    /** Interviews at the touchpoint or tagged with it (and actions opened from them). */
    touchpointId: idSchema.optional(),
    /** NPS category of the interview the text belongs to. */
    category: z.enum(NPS_CATEGORIES).optional(),
    sources: z.array(z.enum(SEARCH_SOURCES)).min(1).max(4).optional(),
    offset: z.number().int().min(0).max(10_000).default(0),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .strict()
  .refine((v) => !v.from || !v.to || v.from <= v.to, { message: 'The start date is after the end date', path: ['from'] });

export interface SearchHit {
  /** The search document; stable while the text is unchanged. */
  id: number;
  source: SearchSource;
  /** The interview, QBR note, or action the text is from. */
  sourceId: string;
  accountId: string;
  accountName: string;
  at: string;
  /** Matched words between HIGHLIGHT_START and HIGHLIGHT_END; "…" where text was left out. */
  snippet: string;
  /** Lower is better (SQLite's bm25 sign convention). */
  score: number;
  interviewId: string | null;
  interviewStatus: 'draft' | 'complete' | null;
  contactName: string | null;
  nps: number | null;
  category: NpsCategory | null;
  qbrId: string | null;
  /** The QBR title or the action title, for a hit that is not an interview. */
  title: string | null;
}

export interface SearchResult {
  hits: SearchHit[];
  hasMore: boolean;
  /** Texts matching the words and every filter. */
  total: number;
  /** When the words are very common, ranking covers only this many most recent matches (null: all were ranked). */
  rankedNewest: number | null;
  tookMs: number;
}

export interface HighlightPart {
  text: string;
  hit: boolean;
}

/** Splits a snippet into plain and highlighted runs; stray or unbalanced markers are dropped, never shown. */
export function splitHighlights(snippet: string): HighlightPart[] {
  const parts: HighlightPart[] = [];
  let hit = false;
  let run = '';
  const flush = () => {
    if (run) parts.push({ text: run, hit });
    run = '';
  };
  for (const ch of snippet) {
    if (ch === HIGHLIGHT_START || ch === HIGHLIGHT_END) {
      flush();
      hit = ch === HIGHLIGHT_START;
    } else run += ch;
  }
  flush();
  return parts;
}

export const searchCalls = {
  'search.query': query(searchQueryInput).returns<SearchResult>(),
} as const;
