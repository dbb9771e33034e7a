import { sql } from 'kysely';
import type { Migration } from '../migrator';

/**
 * Indexes for the metrics engine's hot queries. All partial on live (and, for interviews, complete)
 * rows, because the engine never reads anything else, which keeps them smaller than the tables.
 * They are covering on purpose: a window of 140k responses must not touch the wide interview rows
 * (verbatims, notes) at all. deleted_at closes each column list although it is always NULL there:
 * SQLite treats `status = 'complete'` in a partial index as covered, but not `deleted_at IS NULL`,
 * and would otherwise fetch every table row just to re-check it.
 */
export const METRICS_INDEX_STATEMENTS = [
  // The window pass: a range on interviewed_at, grouped per contact; id joins to driver ratings.
  `CREATE INDEX interviews_metrics_window_idx ON interviews (interviewed_at, account_id, contact_id, nps, id, deleted_at)
     WHERE deleted_at IS NULL AND status = 'complete'`,
  // Per account: last touch (silence), the account page, and trends over a short list of accounts.
  `CREATE INDEX interviews_metrics_account_idx ON interviews (account_id, interviewed_at, contact_id, nps, id, deleted_at)
     WHERE deleted_at IS NULL AND status = 'complete'`,
  // One seek per response gives every driver it rated and how.
  `CREATE INDEX driver_ratings_metrics_idx ON driver_ratings (interview_id, driver_id, rating, deleted_at) WHERE deleted_at IS NULL`,
  // ARR at a day: the latest live record on or before it, ties broken by capture time.
  `CREATE INDEX arr_records_metrics_idx ON arr_records (account_id, effective_date, created_at, arr_minor, deleted_at) WHERE deleted_at IS NULL`,
  // Each responding contact's role, without reading the wide contact rows.
  `CREATE INDEX contacts_metrics_role_idx ON contacts (id, role, deleted_at)`,
  // The live accounts in id order: the spine of every per-account column, read without the rows.
  `CREATE INDEX accounts_metrics_live_idx ON accounts (id, deleted_at) WHERE deleted_at IS NULL`,
  // Tombstones are few; these let "not deleted" checks read a handful of entries, not the tables.
  `CREATE INDEX accounts_deleted_idx ON accounts (id) WHERE deleted_at IS NOT NULL`,
  `CREATE INDEX contacts_deleted_idx ON contacts (id) WHERE deleted_at IS NOT NULL`,
  // Loop KPIs read the follow-ups opened in a window.
  `CREATE INDEX actions_metrics_opened_idx ON actions (kind, opened_at) WHERE deleted_at IS NULL`,
];

export const metricsIndexes: Migration = {
  name: '002-metrics-indexes',
  async up(db) {
    for (const statement of METRICS_INDEX_STATEMENTS) await sql.raw(statement).execute(db);
  },
};
