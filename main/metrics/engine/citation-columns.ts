/**
 * A window's driver citations per account (driver-partials.ts) as columns: each account's partial sums
 * and negatively rated drivers as runs of typed arrays, drivers as slots. Columns, not an object per
 * account, so that the metrics reader thread can build them and hand them over as a few buffers
 * (parallel-reads.ts), and so that a memoised window is a handful of objects for the GC, not 50k.
 */
import { AccountRowIndex } from './align-rows';
import type { AccountCitations, DriverPartials } from './driver-partials';

/** The plain data (it crosses threads). */
export interface CitationColumns {
  accountIds: string[];
  /** Slot → driver id, ascending by id. Slot driverIds.length is "Other" (responses citing no driver). */
  driverIds: string[];
  /** Row r's partial sums are entries entryStart[r] … entryStart[r + 1] − 1, drivers in the order they first appear. */
  entryStart: Int32Array;
  entrySlot: Int32Array;
  entrySum: Float64Array;
  entryResponses: Int32Array;
  /** Row r's negatively rated drivers are negativeSlot[negativeStart[r] … negativeStart[r + 1] − 1], ascending. */
  negativeStart: Int32Array;
  negativeSlot: Int32Array;
  /** Valid responses of row r. */
  responses: Int32Array;
}

/** Rows are added one account at a time: its entries and negatives first, then endRow(). */
export class CitationColumnsBuilder {
  private readonly accountIds: string[] = [];
  private rowStarts = new Int32Array(2 * 1024);
  private responses = new Int32Array(1024);
  // Typed arrays grown by doubling: pushing 90k entries onto plain arrays cost half of the parse.
  private entrySlot = new Int32Array(8 * 1024);
  private entrySum = new Float64Array(8 * 1024);
  private entryResponses = new Int32Array(8 * 1024);
  private entries = 0;
  private negativeSlot = new Int32Array(1024);
  private negatives = 0;
  private slots: Map<string, number> | null = null;

  /** `driverIds` ascending (slot order). */
  constructor(readonly driverIds: readonly string[]) {}

  get otherSlot(): number {
    return this.driverIds.length;
  }

  entry(slot: number, sum: number, responses: number): void {
    if (this.entries === this.entrySlot.length) {
      this.entrySlot = grown(this.entrySlot);
      this.entrySum = grown(this.entrySum);
      this.entryResponses = grown(this.entryResponses);
    }
    this.entrySlot[this.entries] = slot;
    this.entrySum[this.entries] = sum;
    this.entryResponses[this.entries] = responses;
    this.entries += 1;
  }

  negative(slot: number): void {
    if (this.negatives === this.negativeSlot.length) this.negativeSlot = grown(this.negativeSlot);
    this.negativeSlot[this.negatives++] = slot;
  }

  /** Row r's entries and negatives end where row r + 1's start: rowStarts holds both per row. */
  endRow(accountId: string, responses: number): void {
    const row = this.accountIds.length;
    if (2 * (row + 1) >= this.rowStarts.length) this.rowStarts = grown(this.rowStarts);
    if (row === this.responses.length) this.responses = grown(this.responses);
    this.accountIds.push(accountId);
    this.rowStarts[2 * (row + 1)] = this.entries;
    this.rowStarts[2 * (row + 1) + 1] = this.negatives;
    this.responses[row] = responses;
  }

  /** One account's citations as parseCitations() gives them (the live pass). */
  addCitations(accountId: string, citations: AccountCitations): void {
    const slots = (this.slots ??= new Map(this.driverIds.map((id, slot) => [id, slot])));
    const slotOf = (id: string | null): number => {
      if (id === null) return this.otherSlot;
      const slot = slots.get(id);
      if (slot === undefined) throw new RangeError(`driver ${id} is not among the window's drivers`);
      return slot;
    };
    const { keys, sums, responses } = citations.partials;
    keys.forEach((key, k) => this.entry(slotOf(key), sums[k]!, responses[k]!));
    for (const slot of citations.negativeDriverIds.map(slotOf).sort((a, b) => a - b)) this.negative(slot);
    this.endRow(accountId, citations.responses);
  }

  finish(): CitationColumns {
    const rows = this.accountIds.length;
    const entryStart = new Int32Array(rows + 1);
    const negativeStart = new Int32Array(rows + 1);
    for (let row = 0; row <= rows; row++) {
      entryStart[row] = this.rowStarts[2 * row]!;
      negativeStart[row] = this.rowStarts[2 * row + 1]!;
    }
    return {
      accountIds: this.accountIds,
      driverIds: [...this.driverIds],
      entryStart,
      entrySlot: this.entrySlot.slice(0, this.entries),
      entrySum: this.entrySum.slice(0, this.entries),
      entryResponses: this.entryResponses.slice(0, this.entries),
      negativeStart,
      negativeSlot: this.negativeSlot.slice(0, this.negatives),
      responses: this.responses.slice(0, rows),
    };
  }
}

function grown<T extends Int32Array | Float64Array>(array: T): T {
  const larger = new (array.constructor as new (length: number) => T)(array.length * 2);
  larger.set(array);
  return larger;
}

const NONE: readonly string[] = Object.freeze([]);

/** Row `row` as parseCitations() gives it. */
export function citationsAt(columns: CitationColumns, row: number): AccountCitations {
  const keys: (string | null)[] = [];
  const sums: number[] = [];
  const responses: number[] = [];
  for (let e = columns.entryStart[row]!; e < columns.entryStart[row + 1]!; e++) {
    keys.push(columns.driverIds[columns.entrySlot[e]!] ?? null);
    sums.push(columns.entrySum[e]!);
    responses.push(columns.entryResponses[e]!);
  }
  return { partials: { keys, sums, responses }, negativeDriverIds: negativeIds(columns, row), responses: columns.responses[row]! };
}

function negativeIds(columns: CitationColumns, row: number): string[] {
  const from = columns.negativeStart[row]!;
  const to = columns.negativeStart[row + 1]!;
  if (from === to) return [];
  const ids = new Array<string>(to - from);
  for (let n = from; n < to; n++) ids[n - from] = columns.driverIds[columns.negativeSlot[n]!]!;
  return ids;
}

/** The core's view of a window's citation columns: an account's by id or by its place among the live accounts. */
export class WindowCitations extends AccountRowIndex {
  constructor(private readonly columns: CitationColumns) {
    super(columns.accountIds);
  }

  /** The account as parseCitations() gives it; undefined without a response in the window. */
  get(accountId: string): AccountCitations | undefined {
    const row = this.rowOf(accountId);
    return row < 0 ? undefined : citationsAt(this.columns, row);
  }

  /** addPartials() of row `row`'s partial sums (rowsFor(); nothing for −1), without making them first. */
  addPartialsAt(row: number, into: DriverPartials): void {
    if (row < 0) return;
    const { driverIds, entryStart, entrySlot, entrySum, entryResponses } = this.columns;
    for (let e = entryStart[row]!; e < entryStart[row + 1]!; e++) {
      const key = driverIds[entrySlot[e]!] ?? null;
      const total = into.get(key);
      if (total) {
        total.sum += entrySum[e]!;
        total.responses += entryResponses[e]!;
      } else into.set(key, { sum: 0 + entrySum[e]!, responses: entryResponses[e]! }); // 0 + : as addPartials() (no −0)
    }
  }

  /** Distinct drivers row `row`'s responses rated at or below the negative threshold, ascending (none for −1). */
  negativeDriverIdsAt(row: number): readonly string[] {
    return row < 0 ? NONE : negativeIds(this.columns, row);
  }
}
