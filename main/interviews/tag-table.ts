import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/tables';

/** interview_tags (migration 003): a driver or touchpoint attached to an interview's verbatim, notes, or one answer. */
export interface InterviewTagsTable {
  id: string;
  interview_id: string;
  /** 'verbatim', 'notes', or a guide question id. */
  subject: string;
  driver_id: string | null;
  touchpoint_id: string | null;
  created_at: string;
}

export type TaggedDatabase = Database & { interview_tags: InterviewTagsTable };

/** The executor typed with the tag table too (it is not in db/tables.ts, which other features own). */
export function withTags(db: Kysely<Database> | Transaction<Database>): Kysely<TaggedDatabase> {
  return db.withTables<{ interview_tags: InterviewTagsTable }>();
}
