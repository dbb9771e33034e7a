import type { Value } from './convert';
import { titleKey } from './lookups';
import type { Lookups, Row } from './lookups';
import { changeOp, type Op } from './plan-ops';
import type { PlannerOptions } from './planner';
import { num, str } from './plan-values';

/** What these rows need of the planner's options: new ids, and today for an action opened without a date. */
type PlanIds = Pick<PlannerOptions, 'newId' | 'today'>;

/** A QBR note row: the QBR of its account and date (created when missing), then the note (same text in the same QBR matches). */
export function planQbrNote(l: Lookups, o: PlanIds, accountId: string, v: Map<string, Value>, ops: Op[]): Op {
  const date = str(v.get('qbr.date'))!;
  const existing = l.qbrs.get(`${accountId}|${date}`) ?? null;
  const proposed: Row = {
    title: str(v.get('qbr.title')),
    rating_tools: num(v.get('qbr.ratingTools')),
    rating_investment: num(v.get('qbr.ratingInvestment')),
    rating_desire: num(v.get('qbr.ratingDesire')),
    summary: str(v.get('qbr.summary')),
  };
  if (!existing) {
    Object.assign(proposed, { id: o.newId(), account_id: accountId, held_on: date, title: proposed.title ?? `QBR ${date}` });
    l.addQbr(proposed);
  }
  const qbrOp = changeOp('qbr', existing, proposed, `QBR ${date}`, existing ? 'account and date' : null, ops);
  const body = str(v.get('note.body'))!;
  const note = l.notes.get(`${qbrOp.id}|${body.trim()}`) ?? null;
  const kind = str(v.get('note.kind'));
  const proposedNote: Row = note ? { kind } : { id: o.newId(), qbr_id: qbrOp.id, kind: kind ?? 'note', body, position: (l.notePositions.get(qbrOp.id) ?? -1) + 1 };
  if (!note) l.addNote(proposedNote);
  return changeOp('qbr_note', note, proposedNote, body.length > 60 ? body.slice(0, 60) + '…' : body, note ? 'same text in the same QBR' : null, ops);
}

/** An action row: matched by account and title (and opening time when given), its contact by email within the account. */
export function planAction(l: Lookups, o: PlanIds, accountId: string, v: Map<string, Value>, ops: Op[]): Op {
  const title = str(v.get('action.title'))!;
  const openedAt = str(v.get('action.openedAt'));
  const candidates = l.actions.get(`${accountId}|${titleKey(title)}`) ?? [];
  const existing = candidates.find((a) => !openedAt || a.opened_at === openedAt) ?? null;
  let contactId: string | null = null;
  const email = str(v.get('contact.email'));
  if (email) contactId = (l.contactsByEmail.get(email) ?? []).find((id) => l.contacts.get(id)!.account_id === accountId) ?? null;
  const proposed: Row = {
    kind: str(v.get('action.kind')),
    owner: str(v.get('action.owner')),
    level: str(v.get('action.level')),
    status: str(v.get('action.status')),
    first_contact_due_at: str(v.get('action.firstContactDueAt')),
    close_due_at: str(v.get('action.closeDueAt')),
    contacted_at: str(v.get('action.contactedAt')),
    closed_at: str(v.get('action.closedAt')),
    outcome: str(v.get('action.outcome')),
    contact_id: contactId,
  };
  if (!existing) {
    Object.assign(proposed, {
      id: o.newId(),
      account_id: accountId,
      interview_id: null,
      title,
      kind: proposed.kind ?? 'follow_up',
      status: proposed.status ?? 'open',
      opened_at: openedAt ?? `${o.today}T00:00:00.000Z`,
    });
    l.addAction(proposed);
  }
  return changeOp('action', existing, proposed, title.length > 60 ? title.slice(0, 60) + '…' : title, existing ? 'account and title' : null, ops);
}
