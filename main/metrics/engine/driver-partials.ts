/**
 * The NPS waterfall by driver (metrics.md §5) from per-account partial sums instead of one object
 * per response: each response adds sign/k to each of its k cited drivers (sign +1 promoter, 0
 * passive, −1 detractor), and the contribution is 100 × Σ / N. Summing per account first lets
 * filters and segments pick accounts without going back to the responses. Same result, same
 * rules and labels as npsWaterfall() (which the tests compare it with).
 */
import type { DriverNpsContribution, NpsCounts, NpsWaterfall } from '../../../shared/domain/metrics-types';
import { OTHER_LABEL, type DriverLabels } from '../drivers';
import { figure } from '../figure';
import { npsFromCounts } from '../nps';
import { CitationColumnsBuilder, citationsAt } from './citation-columns';

/** null key: the "Other" bucket (responses citing no driver). */
export type DriverPartials = Map<string | null, { sum: number; responses: number }>;

/**
 * One account's partial sums, drivers in the order they first appear (null: "Other"). Parallel arrays
 * rather than a Map of objects: 10k accounts' worth are built on every cold recompute and kept in the
 * memo, and a Map with an object per driver was a good share of what the GC had to copy.
 */
export interface AccountPartials {
  keys: (string | null)[];
  sums: number[];
  responses: number[];
}

export interface AccountCitations {
  partials: AccountPartials;
  /** Distinct drivers rated at or below the negative threshold by any response of the window. */
  negativeDriverIds: string[];
  responses: number;
}

const PLUS = 43; // '+'
const MINUS = 45; // '-'
const ZERO = 48; // '0'
const BANG = 33; // '!'
const SPACE = 32;
const DIGIT_0 = 48;
const DIGIT_9 = 57;

/** The entry is cut out of the string only for the error message: 140k slices a quarter otherwise. */
function signOf(cites: string, at: number, end: number): number {
  const code = cites.charCodeAt(at);
  if (code === PLUS) return 1;
  if (code === MINUS) return -1;
  if (code === ZERO) return 0;
  throw new RangeError(`unexpected response sign in "${cites.slice(at, end)}"`);
}

function bump(partials: AccountPartials, key: string | null, share: number): void {
  const at = partials.keys.indexOf(key);
  if (at >= 0) {
    partials.sums[at]! += share;
    partials.responses[at]! += 1;
  } else {
    partials.keys.push(key);
    partials.sums.push(share);
    partials.responses.push(1);
  }
}

/**
 * Parses the compact string of sql-driver-citations.ts; `codes` maps its (integer) driver codes to
 * ids. Character arithmetic instead of split() and slice(): 140k responses and 400k ratings a
 * quarter, parsed on every cold recompute.
 */
export function parseCitations(cites: string, codes: ReadonlyMap<string, string>): AccountCitations {
  const byCode: (string | undefined)[] = [];
  for (const [code, id] of codes) byCode[Number(code)] = id;
  const partials: AccountPartials = { keys: [], sums: [], responses: [] };
  const negative = new Set<string>();
  const cited: string[] = [];
  let responses = 0;
  for (let at = 0; at < cites.length; ) {
    let end = cites.indexOf(';', at);
    if (end === -1) end = cites.length;
    if (end > at) {
      responses += 1;
      const sign = signOf(cites, at, end);
      cited.length = 0;
      let code = -1;
      for (let i = at + 1; i <= end; i++) {
        const char = i < end ? cites.charCodeAt(i) : SPACE;
        if (char >= DIGIT_0 && char <= DIGIT_9) code = (code < 0 ? 0 : code * 10) + (char - DIGIT_0);
        else if (char === SPACE || char === BANG) {
          if (code >= 0) {
            const driverId = byCode[code];
            if (driverId === undefined) throw new RangeError(`unknown driver code "${code}"`);
            if (!cited.includes(driverId)) cited.push(driverId);
            if (char === BANG) negative.add(driverId);
          }
          code = -1;
        } else throw new RangeError(`unexpected "${String.fromCharCode(char)}" in "${cites.slice(at, end)}"`);
      }
      if (cited.length === 0) bump(partials, null, sign);
      else for (const driverId of cited) bump(partials, driverId, sign / cited.length);
    }
    at = end + 1;
  }
  return { partials, negativeDriverIds: [...negative].sort(), responses };
}

const COLON = 58; // ':'
const SEMICOLON = 59; // ';'

/**
 * The summaries' form of the same thing (migration 004): per response a sign, then `code:rating` of each
 * driver it rated, codes looked up in `liveByCode` (codes of soft-deleted drivers are absent and do not
 * count, as the live pass drops them). The negative threshold applies here, since it is a setting.
 * Gives exactly what parseCitations() gives for the live pass's string of the same responses.
 */
export function parseRatedCitations(cites: string, liveByCode: readonly (string | undefined)[], negativeAtMost: number): AccountCitations {
  const into = new CitationColumnsBuilder(liveDriverIds(liveByCode));
  ratedCitationsParser(liveByCode, negativeAtMost, into)('', cites);
  return citationsAt(into.finish(), 0);
}

/** The live drivers of a code table, ascending: the slots of citation columns. */
export function liveDriverIds(liveByCode: readonly (string | undefined)[]): string[] {
  return [...new Set(liveByCode.filter((id): id is string => id !== undefined))].sort();
}

/** The response starting at `at`, for error messages (cut only when one is thrown). */
const responseAt = (cites: string, at: number): string => {
  const end = cites.indexOf(';', at);
  return cites.slice(at, end < 0 ? undefined : end);
};
const badSign = (cites: string, at: number): never => {
  throw new RangeError(`unexpected response sign in "${responseAt(cites, at)}"`);
};
const badRating = (cites: string, at: number, code: number) => new RangeError(`driver code ${code} without a rating in "${responseAt(cites, at)}"`);
const unexpected = (cites: string, at: number, char: number) => new RangeError(`unexpected "${String.fromCharCode(char)}" in "${responseAt(cites, at)}"`);

/**
 * parseRatedCitations() for many accounts with the same codes and threshold, each account a row of
 * `into` (built with liveDriverIds(liveByCode)): a cold dashboard parses a quarter's 140k responses and
 * 400k ratings. Drivers become dense slots once, and each account's tallies live in typed arrays
 * reused from one account to the next, so nothing is made per account. Each driver's sum still adds
 * the same shares in the same order (response order), so the floats are the ones parseCitations()
 * makes. A refused string adds no row.
 */
export function ratedCitationsParser(
  liveByCode: readonly (string | undefined)[],
  negativeAtMost: number,
  into: CitationColumnsBuilder,
): (accountId: string, cites: string) => void {
  const slotOfId = new Map(into.driverIds.map((id, slot) => [id, slot]));
  const slotOfCode = new Int32Array(liveByCode.length).fill(-1);
  liveByCode.forEach((id, code) => {
    const slot = id === undefined ? undefined : slotOfId.get(id);
    if (slot === undefined) return;
    slotOfCode[code] = slot;
  });
  const other = into.otherSlot;
  const sums = new Float64Array(other + 1);
  const responsesOf = new Int32Array(other + 1);
  /** Where a slot sits in the account's first-appearance order, or −1. */
  const position = new Int32Array(other + 1).fill(-1);
  const order = new Int32Array(other + 1);
  const cited = new Int32Array(other);
  /** The response (citedIn) or account (negativeIn) that last marked a slot: no clearing between them. */
  const citedIn = new Int32Array(other);
  const negativeIn = new Int32Array(other);
  const negatives = new Int32Array(other);
  let responseMark = 0;
  let accountMark = 0;

  return (accountId: string, cites: string): void => {
    try {
      parseAccount(accountId, cites);
    } catch (err) {
      // A refused string leaves its drivers' positions set: clear them, or the next account would lose them.
      position.fill(-1);
      throw err;
    }
  };

  function parseAccount(accountId: string, cites: string): void {
    accountMark += 1;
    let used = 0;
    let negativeCount = 0;
    let responses = 0;
    const length = cites.length;
    let i = 0;
    while (i < length) {
      // One response: its sign, then "code:rating" entries separated by spaces, up to ";" or the end.
      // The next character is read inline (a ';' past the end): as a helper it halved the parse's speed.
      const start = i;
      let char = cites.charCodeAt(i);
      if (char === SEMICOLON) {
        i += 1;
        continue;
      }
      responses += 1;
      responseMark += 1;
      const sign = char === PLUS ? 1 : char === MINUS ? -1 : char === ZERO ? 0 : badSign(cites, start);
      let citedCount = 0;
      char = (++i < length ? cites.charCodeAt(i) : SEMICOLON);
      while (char !== SEMICOLON) {
        if (char === SPACE) {
          char = (++i < length ? cites.charCodeAt(i) : SEMICOLON);
          continue;
        }
        let code = 0;
        const codeAt = i;
        while (char >= DIGIT_0 && char <= DIGIT_9) {
          code = code * 10 + (char - DIGIT_0);
          char = (++i < length ? cites.charCodeAt(i) : SEMICOLON);
        }
        if (i === codeAt || char !== COLON) {
          if (i > codeAt && (char === SPACE || char === SEMICOLON)) throw badRating(cites, start, code);
          throw unexpected(cites, start, char);
        }
        char = (++i < length ? cites.charCodeAt(i) : SEMICOLON);
        let rating = 0;
        const ratingAt = i;
        while (char >= DIGIT_0 && char <= DIGIT_9) {
          rating = rating * 10 + (char - DIGIT_0);
          char = (++i < length ? cites.charCodeAt(i) : SEMICOLON);
        }
        if (i === ratingAt) throw badRating(cites, start, code);
        if (char !== SPACE && char !== SEMICOLON) throw unexpected(cites, start, char);
        const slot = code < slotOfCode.length ? slotOfCode[code]! : -1;
        if (slot >= 0) {
          if (citedIn[slot] !== responseMark) {
            citedIn[slot] = responseMark;
            cited[citedCount++] = slot;
          }
          if (rating <= negativeAtMost && negativeIn[slot] !== accountMark) {
            negativeIn[slot] = accountMark;
            negatives[negativeCount++] = slot;
          }
        }
      }
      i += 1;
      // Each cited driver (or Other) gets sign / k, in the order drivers first appear.
      const share = citedCount === 0 ? sign : sign / citedCount;
      const count = citedCount === 0 ? 1 : citedCount;
      for (let c = 0; c < count; c++) {
        const slot = citedCount === 0 ? other : cited[c]!;
        if (position[slot]! < 0) {
          position[slot] = used;
          order[used++] = slot;
          sums[slot] = share;
          responsesOf[slot] = 1;
        } else {
          sums[slot]! += share;
          responsesOf[slot]! += 1;
        }
      }
    }
    for (let k = 0; k < used; k++) {
      const slot = order[k]!;
      into.entry(slot, sums[slot]!, responsesOf[slot]!);
      position[slot] = -1;
    }
    // Slots ascend with the drivers' ids: in slot order, the negatives are sorted by id. A few per
    // account, so an insertion sort in place (a typed array's sort() costs a runtime call per account).
    for (let k = 1; k < negativeCount; k++) {
      const slot = negatives[k]!;
      let at = k - 1;
      for (; at >= 0 && negatives[at]! > slot; at--) negatives[at + 1] = negatives[at]!;
      negatives[at + 1] = slot;
    }
    for (let k = 0; k < negativeCount; k++) into.negative(negatives[k]!);
    into.endRow(accountId, responses);
  }
}

export function addPartials(into: DriverPartials, from: AccountPartials): void {
  for (let i = 0; i < from.keys.length; i++) {
    const key = from.keys[i]!;
    const total = into.get(key) ?? { sum: 0, responses: 0 };
    total.sum += from.sums[i]!;
    total.responses += from.responses[i]!;
    into.set(key, total);
  }
}

/** counts: every valid response of the selection, so the bars land exactly on its count-all NPS. */
export function waterfallFromPartials(partials: DriverPartials, counts: NpsCounts, labels: DriverLabels = {}): NpsWaterfall {
  const nps = npsFromCounts(counts).nps;
  const N = counts.promoters + counts.passives + counts.detractors;
  const totals = new Map<string | null, { contribution: number; responses: number }>();
  for (const [key, value] of partials) totals.set(key, { contribution: N === 0 ? 0 : (100 * value.sum) / N, responses: value.responses });
  absorbFloatResidual(totals, nps.value ?? 0);

  const contributions: DriverNpsContribution[] = [...totals.entries()].map(([driverId, total]) => ({
    driverId,
    label: driverId === null ? OTHER_LABEL : (labels[driverId] ?? driverId),
    responses: total.responses,
    contribution: figure('nps', total.contribution, {
      formula: 'Σ over responses citing it: (+100 promoter, 0 passive, −100 detractor) / N / drivers cited',
      inputs: { responses: total.responses, N },
      rule:
        driverId === null
          ? 'responses citing no driver go to Other'
          : 'a response cites the drivers it rated; its contribution is split equally among them',
    }),
  }));
  contributions.sort(
    (a, b) => Number(a.driverId === null) - Number(b.driverId === null) || (b.contribution.value ?? 0) - (a.contribution.value ?? 0),
  );
  return { nps, contributions };
}

/** As in drivers.ts: the largest part takes the few-ulp float residual so the parts sum to the NPS. */
function absorbFloatResidual(totals: Map<string | null, { contribution: number; responses: number }>, nps: number): void {
  let largest: { contribution: number } | undefined;
  let sum = 0;
  for (const total of totals.values()) {
    sum += total.contribution;
    if (!largest || Math.abs(total.contribution) > Math.abs(largest.contribution)) largest = total;
  }
  if (largest) largest.contribution += nps - sum;
}
