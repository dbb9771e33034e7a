import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import { withTempStoreInMemory } from '../../../main/workbook/pipeline/temp-store';

describe('big writes keep their statement journals in memory', () => {
  test('temp_store is MEMORY while the work runs and back to what it was afterwards, even when the work fails', () => {
    const raw = new BetterSqlite3(':memory:');
    raw.pragma('temp_store = FILE');
    const seen = withTempStoreInMemory(raw, () => raw.pragma('temp_store', { simple: true }));
    expect(seen).toBe(2);
    expect(raw.pragma('temp_store', { simple: true })).toBe(1);
    expect(() =>
      withTempStoreInMemory(raw, () => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(raw.pragma('temp_store', { simple: true })).toBe(1);
    raw.close();
  });

  test('inside an open transaction the setting is left alone (SQLite only changes it outside one)', () => {
    const raw = new BetterSqlite3(':memory:');
    raw.exec('CREATE TABLE t (x)');
    const inside = raw.transaction(() => withTempStoreInMemory(raw, () => raw.pragma('temp_store', { simple: true })))();
    expect(inside).toBe(0);
    raw.close();
  });
});
