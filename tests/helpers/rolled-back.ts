import type BetterSqlite3 from 'better-sqlite3';

/** What `work` reads after its own writes, in a transaction rolled back afterwards: an oracle that changes nothing. */
export function rolledBack<T>(raw: BetterSqlite3.Database, work: () => T): T {
  let out: { value: T } | null = null;
  const rollback = new Error('rollback');
  try {
    raw.transaction(() => {
      out = { value: work() };
      throw rollback;
    })();
  } catch (err) {
    if (err !== rollback) throw err;
  }
  return out!.value;
}
