import { sql } from 'kysely';
import type { Migration } from '../migrator';

/**
 * The live accounts' attributes (filters, segments, silence) read from one covering index, in id
 * order, instead of one table-row fetch per account: the rows carry notes and other wide columns, and
 * on the 10k-account benchmark workspace those fetches were most of the read (issue #3). deleted_at
 * closes the column list for the reason given in migration 002.
 */
export const ACCOUNT_ATTRIBUTES_INDEX = `CREATE INDEX accounts_metrics_attributes_idx ON accounts
  (id, name, tier, industry, region, owner, renewal_date, renewal_intent, expansion_opportunity, created_at, deleted_at)
  WHERE deleted_at IS NULL`;

export const metricsAccountAttributes: Migration = {
  name: '006-metrics-account-attributes',
  async up(db) {
    await sql.raw(ACCOUNT_ATTRIBUTES_INDEX).execute(db);
  },
};
