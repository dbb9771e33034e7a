import type { NpsCategory } from '../../shared/domain/metrics-types';
import type { SearchSource } from '../../shared/contract/search';

/**
 * Filter tokens, exactly as migration 003-search-fts writes them into the `facets` column: a prefix, the
 * id without dashes (or a word, or a date), and for words and ids a trailing digit that keeps the porter
 * stemmer away.
 */
const compact = (id: string) => id.replace(/-/g, '');

export const accountFacet = (accountId: string) => `a${compact(accountId)}0`;
export const touchpointFacet = (touchpointId: string) => `t${compact(touchpointId)}0`;
export const driverFacet = (driverId: string) => `d${compact(driverId)}0`;
export const categoryFacet = (category: NpsCategory) => `c${category}0`;

const SOURCE_CODES: Record<SearchSource, string> = { verbatim: 'v', interview_note: 'n', qbr_note: 'q', action_outcome: 'o' };
export const sourceFacet = (source: SearchSource) => `s${SOURCE_CODES[source]}0`;

const DAY_MS = 86_400_000;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const ms = (isoDay: string) => Date.parse(`${isoDay}T00:00:00Z`);
const lastOfMonth = (d: Date) => Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0);
const lastOfYear = (d: Date) => Date.UTC(d.getUTCFullYear(), 11, 31);

/**
 * The inclusive day range as the fewest date tokens: whole years (yr2025), whole months (mo202503), and
 * single days (dy20250315) at the ragged ends — at most about 60 days and 22 months plus the years between.
 */
export function dateFacets(from: string, to: string): string[] {
  const tokens: string[] = [];
  const end = ms(to);
  for (let at = ms(from); at <= end; ) {
    const d = new Date(at);
    const [y, m, dd] = day(at).split('-') as [string, string, string];
    if (d.getUTCMonth() === 0 && d.getUTCDate() === 1 && lastOfYear(d) <= end) {
      tokens.push(`yr${y}`);
      at = lastOfYear(d) + DAY_MS;
    } else if (d.getUTCDate() === 1 && lastOfMonth(d) <= end) {
      tokens.push(`mo${y}${m}`);
      at = lastOfMonth(d) + DAY_MS;
    } else {
      tokens.push(`dy${y}${m}${dd}`);
      at += DAY_MS;
    }
  }
  return tokens;
}
