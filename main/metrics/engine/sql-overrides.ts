/** Manual segment placements: the latest live override per account and board wins. */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables';

export interface SegmentOverride {
  segment: string;
  reason: string;
  createdAt: string;
}

export interface AccountOverrides {
  risk?: SegmentOverride;
  msp?: SegmentOverride;
}

export async function segmentOverrides(db: Kysely<Database>, accountId?: string): Promise<Map<string, AccountOverrides>> {
  let query = db.selectFrom('segment_overrides').select(['account_id', 'board', 'segment', 'reason', 'created_at']).where('deleted_at', 'is', null);
  if (accountId !== undefined) query = query.where('account_id', '=', accountId);
  const rows = await query.orderBy('created_at').orderBy('id').execute();
  const overrides = new Map<string, AccountOverrides>();
  for (const row of rows) {
    const entry = overrides.get(row.account_id) ?? {};
    if (row.board === 'risk' || row.board === 'msp') entry[row.board] = { segment: row.segment, reason: row.reason, createdAt: row.created_at };
    overrides.set(row.account_id, entry);
  }
  return overrides;
}
