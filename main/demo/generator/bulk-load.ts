/**
 * Runs the whole load in one transaction and, at bulk size, trades per-row work for one pass at the
 * end: secondary indexes and (when the caller can rebuild what they maintain) triggers are dropped and
 * recreated from their stored SQL, so the schema is left exactly as it was found.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { GenerateOptions, GenerateSummary } from './options';

/** From this many interviews on, the generator trades per-row checks for speed (see below). */
const BULK_RESPONSES = 50_000;
const BULK_TABLES = ['interviews', 'driver_ratings', 'contacts', 'arr_records', 'actions', 'qbrs', 'qbr_notes', 'milestones'];
const GENERATED_TABLES = [...BULK_TABLES, 'accounts', 'drivers', 'journeys', 'journey_stages', 'touchpoints'];

function schemaObjects(raw: BetterSqlite3.Database, type: 'index' | 'trigger', tables: readonly string[]): { name: string; sql: string }[] {
  const placeholders = tables.map(() => '?').join(',');
  return raw
    .prepare(`SELECT name, sql FROM sqlite_schema WHERE type = ? AND sql IS NOT NULL AND tbl_name IN (${placeholders}) ORDER BY name`)
    .all(type, ...tables) as { name: string; sql: string }[];
}

function quoteName(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function dropTriggers(raw: BetterSqlite3.Database): { name: string; sql: string }[] {
  const triggers = schemaObjects(raw, 'trigger', GENERATED_TABLES);
  for (const trigger of triggers) raw.exec(`DROP TRIGGER ${quoteName(trigger.name)}`);
  return triggers;
}

/**
 * Explicit (CREATE INDEX) ones only; the automatic indexes behind PRIMARY KEY and UNIQUE stay. A unique
 * one that is dropped still guards its rule: rebuilding it fails, and the whole load rolls back.
 */
function dropSecondaryIndexes(raw: BetterSqlite3.Database): { name: string; sql: string }[] {
  const indexes = schemaObjects(raw, 'index', BULK_TABLES);
  for (const index of indexes) raw.exec(`DROP INDEX ${quoteName(index.name)}`);
  return indexes;
}

export function loadInOneTransaction(raw: BetterSqlite3.Database, options: GenerateOptions, fill: () => GenerateSummary): GenerateSummary {
  const bulk = options.responses >= BULK_RESPONSES;
  const previousCache = raw.pragma('cache_size', { simple: true }) as number;
  const previousForeignKeys = raw.pragma('foreign_keys', { simple: true }) as number;
  // A large page cache keeps the B-trees being appended to in memory during the bulk insert.
  raw.pragma('cache_size = -262144');
  // Every reference points at a row this generator has just inserted, so at bulk size the per-row
  // foreign-key lookups (about a quarter of the time) buy nothing; the tests run foreign_key_check at
  // both sizes instead. (Inside a caller's transaction this pragma is a no-op: checks stay on.)
  if (bulk) raw.pragma('foreign_keys = OFF');
  try {
    return raw.transaction(() => {
      // Bulk size: building secondary indexes once, from sorted data, beats updating them row by row.
      // DDL is transactional, so a failure restores them; the stored SQL is reused, so the schema is unchanged.
      const deferred = bulk ? dropSecondaryIndexes(raw) : [];
      const suspended = bulk && options.rebuildDerived ? dropTriggers(raw) : [];
      const summary = fill();
      for (const index of deferred) raw.exec(index.sql);
      for (const trigger of suspended) raw.exec(trigger.sql);
      if (suspended.length > 0) options.rebuildDerived?.(raw);
      return summary;
    })();
  } finally {
    raw.pragma(`cache_size = ${previousCache}`);
    if (bulk) raw.pragma(`foreign_keys = ${previousForeignKeys ? 'ON' : 'OFF'}`);
  }
}
