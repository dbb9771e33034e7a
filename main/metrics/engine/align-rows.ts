/**
 * Where each live account's row is in a window's columns (contact-columns.ts, citation-columns.ts).
 * Both lists come in id order (liveAccounts() and the window reads ORDER BY the account id), so one
 * merge pass aligns them: for the 10k accounts of a cold dashboard, a Map of the column's ids cost
 * ~4 ms a window, most of it hashing strings that had just crossed from the reader thread.
 */
const NO_ROW = -1;

/**
 * rows[i] = the row of `rowIds` equal to `liveIds(i)`, or −1. Ids in any other order (not ascending as
 * JavaScript compares strings) are still aligned, through a Map.
 */
export function alignRows(rowIds: readonly string[], liveCount: number, liveId: (index: number) => string, liveAscending?: boolean): Int32Array {
  if (!ascending(rowIds.length, (row) => rowIds[row]!) || !(liveAscending ?? ascending(liveCount, liveId))) return alignByMap(rowIds, liveCount, liveId);
  const rows = new Int32Array(liveCount).fill(NO_ROW);
  let row = 0;
  for (let index = 0; index < liveCount; index++) {
    const id = liveId(index);
    while (row < rowIds.length && rowIds[row]! < id) row += 1;
    if (row < rowIds.length && rowIds[row] === id) rows[index] = row;
  }
  return rows;
}

/** Whether the live accounts' ids ascend, checked once per list: a dashboard aligns three windows to the same one. */
const ascendingLists = new WeakMap<readonly { id: string }[], boolean>();

export function liveAscending(live: readonly { id: string }[]): boolean {
  let known = ascendingLists.get(live);
  if (known === undefined) ascendingLists.set(live, (known = ascending(live.length, (index) => live[index]!.id)));
  return known;
}

function ascending(count: number, idAt: (index: number) => string): boolean {
  for (let index = 1; index < count; index++) if (!(idAt(index - 1) < idAt(index))) return false;
  return true;
}

function alignByMap(rowIds: readonly string[], liveCount: number, liveId: (index: number) => string): Int32Array {
  const rowOf = new Map<string, number>();
  rowIds.forEach((id, row) => rowOf.set(id, row));
  const rows = new Int32Array(liveCount);
  for (let index = 0; index < liveCount; index++) rows[index] = rowOf.get(liveId(index)) ?? NO_ROW;
  return rows;
}

/**
 * The accounts of a window's columns (contact-columns.ts, citation-columns.ts), found by their place
 * among the live accounts (aligned once per live list) or, for a single account, by id.
 */
export class AccountRowIndex {
  private byId: Map<string, number> | null = null;
  private readonly aligned = new WeakMap<readonly { id: string }[], Int32Array>();

  constructor(private readonly accountIds: readonly string[]) {}

  get size(): number {
    return this.accountIds.length;
  }

  /** For each account of `live` (liveAccounts()), its row, or −1 without a valid response in the window. */
  rowsFor(live: readonly { id: string }[]): Int32Array {
    let rows = this.aligned.get(live);
    if (!rows) this.aligned.set(live, (rows = alignRows(this.accountIds, live.length, (index) => live[index]!.id, liveAscending(live))));
    return rows;
  }

  /** The account's row, or −1. */
  rowOf(accountId: string): number {
    if (!this.byId) {
      const byId = new Map<string, number>();
      this.accountIds.forEach((id, row) => byId.set(id, row));
      this.byId = byId;
    }
    return this.byId.get(accountId) ?? NO_ROW;
  }
}
