import { sql } from 'kysely';
import type { Migration } from '../migrator';

/**
 * Indexes for two of the cold dashboard's reads (issue #3).
 *
 * The live accounts' attributes (filters, segments, silence; not names, which the book never shows) read from one covering index, in id
 * order, instead of one table-row fetch per account: the rows carry notes and other wide columns, and
 * on the 10k-account benchmark workspace those fetches were most of the read. deleted_at
 * closes the column list for the reason given in migration 002.
 */
export const ACCOUNT_ATTRIBUTES_INDEX = `CREATE INDEX accounts_metrics_attributes_idx ON accounts
  (id, tier, industry, region, owner, renewal_date, renewal_intent, expansion_opportunity, created_at, deleted_at)
  WHERE deleted_at IS NULL`;

/**
 * The loop KPIs tally a window's follow-ups per (owner, level): with the pairs leading, each pair's
 * window is one range of entries already in order, where the window-first index of migration 004
 * made SQLite sort a quarter's 24k follow-ups by owner and level before tallying them.
 */
export const LOOP_PAIRS_INDEX = `CREATE INDEX actions_metrics_loop_idx ON actions
  (kind, owner, level, opened_at, id, account_id, contacted_at, closed_at, deleted_at)
  WHERE deleted_at IS NULL`;

export const metricsReadIndexes: Migration = {
  name: '006-metrics-read-indexes',
  async up(db) {
    await sql.raw(ACCOUNT_ATTRIBUTES_INDEX).execute(db);
    await sql.raw(LOOP_PAIRS_INDEX).execute(db);
  },
};
