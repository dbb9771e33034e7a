/**
 * The window pass: one range scan over the window's responses (covering index, no table rows),
 * grouped per contact inside SQLite, then per account. What comes back is one short row per account:
 * its count-all category counts and each contact's latest score with the contact's role.
 */
import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { arrayRows } from '../../db/array-rows';
import type { Database } from '../../db/tables';
import { dayAfter, type Window } from './period';

/**
 * One account's row, as an array (db/array-rows.ts): its count-all counts, then each contact's latest
 * score as "d7,u10,i9" (role initial: decision maker, influencer, user; then the score).
 */
export type ContactScoresRow = [accountId: string, promoters: number, passives: number, detractors: number, scores: string | null];

/**
 * Responses of soft-deleted contacts are dropped with the contact (nothing soft-deleted counts).
 * A response without a contact stands for an anonymous stakeholder: a user, counted on its own.
 * "Latest" is the greatest interviewed_at; the id (UUIDv7, capture order) breaks same-instant ties
 * in favour of the later capture, as in latestScorePerContact(). Contacts are listed by contact key, as
 * the summaries of migration 004 list them, so both give the same float sums in the same order.
 */
export function contactScoresQuery(window: Window) {
  return sql<Record<string, unknown>>`
    SELECT pc.account_id AS accountId,
           sum(pc.p) AS promoters, sum(pc.pa) AS passives, sum(pc.d) AS detractors,
           group_concat(CASE c.role WHEN 'decision_maker' THEN 'd' WHEN 'influencer' THEN 'i' ELSE 'u' END || pc.nps, ',' ORDER BY pc.contact_key) AS scores
    FROM (
      SELECT i.account_id, i.contact_id, coalesce(i.contact_id, i.id) AS contact_key, max(i.interviewed_at || i.id) AS latest, i.nps,
             sum(i.nps >= 9) AS p, sum(i.nps BETWEEN 7 AND 8) AS pa, sum(i.nps <= 6) AS d
      FROM interviews AS i INDEXED BY interviews_metrics_window_idx
      WHERE i.deleted_at IS NULL AND i.status = 'complete' AND i.nps IS NOT NULL
        AND i.interviewed_at >= ${window.from} AND i.interviewed_at < ${dayAfter(window.to)}
      GROUP BY i.account_id, coalesce(i.contact_id, i.id)
    ) AS pc
    LEFT JOIN contacts AS c INDEXED BY contacts_metrics_role_idx ON c.id = pc.contact_id
    WHERE pc.contact_id IS NULL OR c.deleted_at IS NULL
    GROUP BY pc.account_id ORDER BY pc.account_id`;
}

export function contactScores(db: Kysely<Database>, window: Window): Promise<ContactScoresRow[]> {
  return arrayRows<ContactScoresRow, Database>(db, contactScoresQuery(window));
}
