import type { ReadOptions, SheetRow } from '../cells';
import { isBlank } from '../cells';
import { LIMITS } from '../limits';
import { refuse } from '../refusal';

/**
 * Every reader's rows pass here: blank rows are dropped, and the row and column limits end the read
 * the moment they are crossed, whatever the file's own metadata claimed.
 */
export async function* limitRows(batches: AsyncIterable<SheetRow[]>, options: ReadOptions): AsyncGenerator<SheetRow[]> {
  let count = 0;
  for await (const batch of batches) {
    if (options.signal?.aborted) refuse('Cancelled.');
    const kept: SheetRow[] = [];
    for (const row of batch) {
      const cells = row.cells;
      let last = -1;
      for (let c = cells.length - 1; c >= 0; c--) {
        if (!isBlank(cells[c])) {
          last = c;
          break;
        }
      }
      if (last < 0) continue;
      if (last >= LIMITS.maxColumns) {
        refuse(`Row ${row.row} has values beyond column ${LIMITS.maxColumns.toLocaleString('en-US')}; that is more columns than AX Workbench imports.`);
      }
      if (cells.length > last + 1) cells.length = last + 1;
      count++;
      if (count > LIMITS.maxRows) {
        refuse(`The sheet has more than ${LIMITS.maxRows.toLocaleString('en-US')} rows, more than AX Workbench imports at once. Split the file and import the parts one after the other.`);
      }
      kept.push(row);
      if (options.maxRows !== undefined && count >= options.maxRows) {
        yield kept;
        return;
      }
    }
    if (kept.length > 0) yield kept;
  }
}
