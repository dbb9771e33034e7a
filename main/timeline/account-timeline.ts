import { sql } from 'kysely';
import type { TimelineItem } from '../../shared/contract/accounts';
import type { ContactLevel, ContactRole } from '../../shared/domain/people';
import type { Executor } from '../accounts/account-queries';

const TIMELINE_LIMIT = 200;

/** Interviews, QBRs, actions, milestones and ARR changes of one account, newest first. */
export async function accountTimeline(db: Executor, accountId: string): Promise<TimelineItem[]> {
  const result = await sql<{
    id: string;
    kind: TimelineItem['kind'];
    at: string;
    title: string;
    detail: string | null;
    score: number | null;
    status: string | null;
    contact_name: string | null;
    contact_role: string | null;
    contact_level: string | null;
  }>`
    SELECT i.id, 'interview' AS kind, i.interviewed_at AS at,
           CASE i.kind WHEN 'relationship' THEN 'Relationship interview' WHEN 'transactional' THEN 'Transactional survey'
                       WHEN 'qbr' THEN 'QBR pulse' ELSE 'Future-of-the-relationship interview' END AS title,
           i.verbatim AS detail, i.nps AS score, i.status AS status,
           c.name AS contact_name, c.role AS contact_role, c.level AS contact_level
      FROM interviews i LEFT JOIN contacts c ON c.id = i.contact_id
     WHERE i.account_id = ${accountId} AND i.deleted_at IS NULL
    UNION ALL
    SELECT q.id, 'qbr', q.held_on, q.title, q.summary, NULL, NULL, NULL, NULL, NULL
      FROM qbrs q WHERE q.account_id = ${accountId} AND q.deleted_at IS NULL
    UNION ALL
    SELECT x.id, 'action', x.opened_at, x.title, x.outcome, NULL, x.status, c.name, c.role, c.level
      FROM actions x LEFT JOIN contacts c ON c.id = x.contact_id
     WHERE x.account_id = ${accountId} AND x.deleted_at IS NULL
    UNION ALL
    SELECT m.id, 'milestone', m.due_date, m.title, NULL, NULL,
           CASE WHEN m.achieved_on IS NULL THEN 'pending' WHEN m.achieved_on <= m.due_date THEN 'on time' ELSE 'late' END,
           NULL, NULL, NULL
      FROM milestones m WHERE m.account_id = ${accountId} AND m.deleted_at IS NULL
    UNION ALL
    SELECT r.id, 'arr', r.effective_date, r.kind, r.note, r.arr_minor, NULL, NULL, NULL, NULL
      FROM arr_records r WHERE r.account_id = ${accountId} AND r.deleted_at IS NULL
    ORDER BY at DESC, id DESC
    LIMIT ${TIMELINE_LIMIT}`.execute(db);
  return result.rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    at: r.at,
    title: r.title,
    detail: r.detail,
    // The union shares one numeric column: NPS for interviews, the ARR level for ARR changes.
    score: r.kind === 'interview' ? r.score : null,
    amountMinor: r.kind === 'arr' ? r.score : null,
    status: r.status,
    contactName: r.contact_name,
    contactRole: r.contact_role as ContactRole | null,
    contactLevel: r.contact_level as ContactLevel | null,
  }));
}
