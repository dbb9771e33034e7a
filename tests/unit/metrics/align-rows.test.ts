/**
 * A window's columns are found for each live account by a merge of two id-ordered lists; whatever the
 * order, each account must get its own row (or none), as a lookup by id gives it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alignRows } from '../../../main/metrics/engine/align-rows';

const byLookup = (rowIds: readonly string[], live: readonly string[]) => Int32Array.from(live, (id) => rowIds.indexOf(id));

describe('alignRows', () => {
  it('gives each live account its row, −1 for an account without one', () => {
    const rows = alignRows(['b', 'd', 'e'], 4, (index) => ['a', 'b', 'c', 'e'][index]!);
    expect([...rows]).toEqual([-1, 0, -1, 2]);
  });

  it('equals a lookup by id for sorted, shuffled and partly overlapping id lists', () => {
    const ids = fc.uniqueArray(fc.stringMatching(/^[0-9a-f]{1,4}$/), { maxLength: 40 });
    fc.assert(
      fc.property(ids, ids, fc.boolean(), fc.boolean(), (rowIds, liveIds, sortRows, sortLive) => {
        const rows = sortRows ? [...rowIds].sort() : rowIds;
        const live = sortLive ? [...liveIds].sort() : liveIds;
        expect([...alignRows(rows, live.length, (index) => live[index]!)]).toEqual([...byLookup(rows, live)]);
      }),
      { numRuns: 1000 },
    );
  });
});
