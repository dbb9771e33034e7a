import type { ImportEntity, ImportProblem, RowStatus } from '../../../shared/contract/workbook';
import type { ArrChangeKind } from '../../../shared/domain/accounts';
import { normalizeAccountName } from '../../../shared/domain/accounts';
import type { ConvertedRow, Value } from './convert';
import { DRIVER_PREFIX } from './fields';
import { driverKey, interviewKey } from './lookups';
import type { Lookups, Row } from './lookups';
import { changeOp, type Op, type RowPlan } from './plan-ops';
import { RecordTally } from './record-tally';
import { num, str } from './plan-values';
import { planAction, planQbrNote } from './plan-qbr-action';

export interface PlannerOptions {
  entity: Exclude<ImportEntity, 'workspace'>;
  sheet: string;
  newId: () => string;
  today: string;
  responseKind: string;
  source: string;
  importId: string | null;
  /**
   * false when no later row can match a response an earlier row creates (every row carries a response
   * id and no id repeats): the planner then forgets new responses and their ratings once planned, so a
   * 100k-row file does not keep a row per response and rating in its lookups.
   */
  rememberNewResponses?: boolean;
}

function hasError(problems: readonly ImportProblem[]): boolean {
  for (const p of problems) if (p.severity === 'error') return true;
  return false;
}


/** What a response row says, the columns both a new and a matched response take. */
function responseAnswers(v: Map<string, Value>): Row {
  return {
    nps: num(v.get('response.nps')),
    csat: num(v.get('response.csat')),
    ces: num(v.get('response.ces')),
    verbatim: str(v.get('response.verbatim')),
    notes: str(v.get('response.notes')),
    interviewer: str(v.get('response.interviewer')),
  };
}

/**
 * Decides, row by row, what an import would do: which existing record each row matches (external id
 * first, then email for contacts or the normalised name for accounts), what it creates, what it
 * changes. The preview's plan is what the commit writes; when the workspace changed in between, the
 * commit plans again with this same code inside its transaction, so what is written follows the same rules.
 */
export class Planner {
  /** What the plan does to each record, counted once per record. */
  private readonly tally: RecordTally;
  /** Driver ids by the name as the file writes it (every row names the same few). */
  private readonly driverIds = new Map<string, string>();

  constructor(
    private readonly l: Lookups,
    private readonly o: PlannerOptions,
  ) {
    this.tally = new RecordTally(o.rememberNewResponses !== false);
  }

  /** The row being planned and its problems: `error` and `warn` add to them (made once, not per row). */
  private current: { row: number; problems: ImportProblem[] } = { row: 0, problems: [] };
  private readonly error = (message: string, field: string | null = null) =>
    this.current.problems.push({ sheet: this.o.sheet, row: this.current.row, column: null, field, severity: 'error', message });
  private readonly warn = (message: string, field: string | null = null) =>
    this.current.problems.push({ sheet: this.o.sheet, row: this.current.row, column: null, field, severity: 'warning', message });

  plan(input: ConvertedRow): RowPlan {
    const problems = [...input.problems];
    if (hasError(problems)) return { row: input.row, status: 'rejected', ops: [], problems };
    const ops: Op[] = [];
    this.current = { row: input.row, problems };
    const error = this.error;
    const warn = this.warn;
    const v = input.values;
    let primary: Op | null = null;
    switch (this.o.entity) {
      case 'accounts': {
        const account = this.account(v, ops, error, true);
        if (account) primary = account.op;
        if (account && v.get('arr.amount') != null) this.accountArr(account.id, v, ops);
        break;
      }
      case 'contacts': {
        const account = this.account(v, ops, error, false);
        if (account) primary = this.contact(v, account.id, ops, warn, true)?.op ?? null;
        break;
      }
      case 'arr': {
        const account = this.account(v, ops, error, false);
        if (account) primary = this.arrRecord(account.id, str(v.get('arr.date'))!, num(v.get('arr.amount'))!, (str(v.get('arr.kind')) as ArrChangeKind | null) ?? null, str(v.get('arr.note')), ops);
        break;
      }
      case 'responses':
        primary = this.response(v, ops, error, warn);
        break;
      case 'qbr_notes': {
        const account = this.account(v, ops, error, false);
        if (account) primary = planQbrNote(this.l, this.o, account.id, v, ops);
        break;
      }
      case 'actions': {
        const account = this.account(v, ops, error, false);
        if (account) primary = planAction(this.l, this.o, account.id, v, ops);
        break;
      }
    }
    if (hasError(problems) || !primary) return { row: input.row, status: 'rejected', ops: [], problems };
    for (const op of ops) this.tally.remember(op);
    const status: RowStatus =
      primary.action === 'create' ? 'new' : primary.action === 'update' || ops.some((op) => op.action !== 'unchanged') ? 'updated' : 'unchanged';
    return { row: input.row, status, ops, problems };
  }

  /** Per record kind: how many records the plan creates, updates, or leaves as they are. */
  recordCounts(): Record<string, { new: number; updated: number; unchanged: number }> {
    return this.tally.counts();
  }

  private account(v: Map<string, Value>, ops: Op[], error: (m: string, f?: string | null) => void, full: boolean): { id: string; op: Op } | null {
    const ext = str(v.get('account.externalId'));
    const name = str(v.get('account.name'));
    let found: Row | null = null;
    let matchedBy: string | null = null;
    if (ext) {
      const ids = this.l.accountsByExternal.get(ext) ?? [];
      if (ids.length > 1) {
        error(`${ids.length} accounts have the external id ${ext}; fix them before importing`, 'account.externalId');
        return null;
      }
      if (ids.length === 1) {
        found = this.l.accounts.get(ids[0]!)!;
        matchedBy = `external id ${ext}`;
      }
    }
    if (!found && name) {
      const normalized = normalizeAccountName(name);
      const ids = (this.l.accountsByName.get(normalized) ?? []).filter((id) => {
        const a = this.l.accounts.get(id)!;
        return !ext || !a.external_id || a.external_id === ext;
      });
      if (ids.length > 1) {
        error(`${ids.length} accounts are named like "${name}"; add an account id column to tell them apart`, 'account.name');
        return null;
      }
      if (ids.length === 1) {
        found = this.l.accounts.get(ids[0]!)!;
        matchedBy = 'name';
      }
    }
    if (!found && !name) {
      error(ext ? `No account has the id ${ext}; add the account name to create it` : 'No account: the row needs an account name or account id', 'account.name');
      return null;
    }
    if (!found && normalizeAccountName(name!) === '') {
      error(`"${name}" is not a usable account name`, 'account.name');
      return null;
    }
    const proposed: Row = found ? {} : { id: this.o.newId(), name, name_normalized: normalizeAccountName(name!), external_id: ext, industry: null, tier: null, region: null, owner: null, renewal_date: null, renewal_intent: null, expansion_opportunity: 0, notes: null };
    if (found && ext && !found.external_id) proposed.external_id = ext;
    if (full) {
      if (found && name) {
        proposed.name = name;
        proposed.name_normalized = normalizeAccountName(name);
      }
      proposed.industry = str(v.get('account.industry'));
      proposed.tier = str(v.get('account.tier'));
      proposed.region = str(v.get('account.region'));
      proposed.owner = str(v.get('account.owner'));
      proposed.renewal_date = str(v.get('account.renewalDate'));
      proposed.renewal_intent = str(v.get('account.renewalIntent'));
      const expansion = v.get('account.expansionOpportunity');
      proposed.expansion_opportunity = typeof expansion === 'boolean' ? (expansion ? 1 : 0) : found ? null : 0;
      proposed.notes = str(v.get('account.notes'));
      if (found && ext && found.external_id && found.external_id !== ext) proposed.external_id = ext;
    }
    if (!found) {
      for (const key of Object.keys(proposed)) if (proposed[key] === undefined) proposed[key] = null;
      if (proposed.expansion_opportunity === null) proposed.expansion_opportunity = 0;
      this.l.addAccount(proposed);
    }
    const op = changeOp('account', found, proposed, (found?.name as string) ?? name!, matchedBy, ops);
    return { id: op.id, op };
  }

  private accountArr(accountId: string, v: Map<string, Value>, ops: Op[]): void {
    const amount = num(v.get('arr.amount'))!;
    const date = str(v.get('arr.date'));
    if (date) {
      this.arrRecord(accountId, date, amount, null, null, ops);
      return;
    }
    // Without a date, the file states ARR now: a record only when it differs from the latest one.
    const latest = this.l.latestArr.get(accountId);
    if (latest && latest.arr_minor === amount) {
      ops.push({ kind: 'arr_record', action: 'unchanged', id: latest.id as string, values: {}, before: null, label: `ARR ${latest.effective_date}`, matchedBy: 'latest ARR' });
      return;
    }
    this.arrRecord(accountId, this.o.today, amount, null, null, ops);
  }

  private arrRecord(accountId: string, date: string, amount: number, kind: ArrChangeKind | null, note: string | null, ops: Op[]): Op {
    const existing = this.l.arrByKey.get(`${accountId}|${date}`) ?? null;
    const previous = this.l.latestArr.get(accountId);
    const derived: ArrChangeKind = !previous
      ? 'new'
      : amount === 0
        ? 'churn'
        : amount > (previous.arr_minor as number)
          ? 'expansion'
          : amount < (previous.arr_minor as number)
            ? 'contraction'
            : 'renewal';
    const proposed: Row = existing
      ? { arr_minor: amount, kind, note }
      : { id: this.o.newId(), account_id: accountId, effective_date: date, arr_minor: amount, kind: kind ?? derived, note };
    if (!existing) this.l.addArr(proposed);
    return changeOp('arr_record', existing, proposed, `ARR on ${date}`, existing ? `account and date ${date}` : null, ops);
  }

  private contact(v: Map<string, Value>, accountId: string | null, ops: Op[], warn: (m: string, f?: string | null) => void, create: boolean): { id: string; op: Op } | null {
    const ext = str(v.get('contact.externalId'));
    const email = str(v.get('contact.email'));
    const name = str(v.get('contact.name'));
    let found: Row | null = null;
    let matchedBy: string | null = null;
    if (ext) {
      const ids = this.l.contactsByExternal.get(ext) ?? [];
      if (ids.length >= 1) {
        found = this.l.contacts.get(ids[0]!)!;
        matchedBy = `external id ${ext}`;
      }
    }
    if (!found && email) {
      const ids = this.l.contactsByEmail.get(email) ?? [];
      const sameAccount = ids.find((id) => this.l.contacts.get(id)!.account_id === accountId);
      const id = sameAccount ?? ids[0];
      if (id) {
        found = this.l.contacts.get(id)!;
        matchedBy = 'email';
      }
    }
    if (!found && name && accountId) {
      const id = this.l.contactsByName.get(`${accountId}|${normalizeAccountName(name)}`);
      if (id) {
        found = this.l.contacts.get(id)!;
        matchedBy = 'name within the account';
      }
    }
    if (found && accountId && found.account_id !== accountId) {
      const owner = this.l.accounts.get(found.account_id as string);
      warn(`${email ?? name} already belongs to account ${owner?.name ?? '?'}; the contact is kept there`, 'contact.email');
    }
    if (!found && (!create || !accountId || !name)) return null;
    const proposed: Row = {
      name,
      email,
      title: str(v.get('contact.title')),
      phone: str(v.get('contact.phone')),
      role: str(v.get('contact.role')),
      level: str(v.get('contact.level')),
      external_id: ext,
    };
    if (!found) {
      Object.assign(proposed, { id: this.o.newId(), account_id: accountId });
      this.l.addContact(proposed);
    } else if (name !== null && name === email) {
      proposed.name = null; // a name made up from the email never overwrites a real one
    }
    const op = changeOp('contact', found, proposed, (found?.name as string) ?? name ?? email ?? '', matchedBy, ops);
    return { id: op.id, op };
  }

  private response(v: Map<string, Value>, ops: Op[], error: (m: string, f?: string | null) => void, warn: (m: string, f?: string | null) => void): Op | null {
    let accountId: string | null = null;
    if (v.get('account.name') != null || v.get('account.externalId') != null) {
      const account = this.account(v, ops, error, false);
      if (!account) return null;
      accountId = account.id;
    }
    const hasContact = v.get('contact.email') != null || v.get('contact.externalId') != null || v.get('contact.name') != null;
    let contactId: string | null = null;
    if (hasContact) {
      const contact = this.contact(v, accountId, ops, warn, accountId !== null);
      if (contact) {
        contactId = contact.id;
        accountId ??= this.l.contacts.get(contact.id)!.account_id as string;
      }
    }
    if (!accountId) {
      error('No account for this response: map the account (company) column, or import the contacts first so their email finds the account', 'account.name');
      return null;
    }
    const ext = str(v.get('response.externalId'));
    const at = str(v.get('response.date'))!;
    let existingId = ext ? this.l.interviewsByExternal.get(ext) : undefined;
    let matchedBy: string | null = existingId ? `response id ${ext}` : null;
    if (!existingId && !ext) {
      existingId = this.l.interviewsByKey.get(interviewKey(accountId, contactId, at));
      if (existingId) matchedBy = 'account, contact and date';
    }
    const existing = existingId ? this.l.interviews.get(existingId)! : null;
    const remember = existing !== null || this.o.rememberNewResponses !== false;
    // Ratings of a response no later row can match live only while its row is planned.
    const rowRatings = remember ? null : new Map<string, Row>();
    const finished = v.get('response.finished');
    const kind = str(v.get('response.kind'));
    const status = finished === false ? 'draft' : finished === true ? 'complete' : null;
    // Columns are added in one fixed order, so every response row shares one object shape.
    const proposed = responseAnswers(v);
    if (existing) {
      proposed.kind = kind;
      proposed.status = status;
      if (existing.interviewed_at !== at) proposed.interviewed_at = at;
    } else {
      proposed.kind = kind ?? this.o.responseKind;
      proposed.status = status ?? 'complete';
      proposed.id = this.o.newId();
      proposed.account_id = accountId;
      proposed.contact_id = contactId;
      proposed.session_id = null;
      proposed.guide_id = null;
      proposed.interviewed_at = at;
      proposed.touchpoint_id = null;
      proposed.sentiment = null;
      proposed.sentiment_override = null;
      proposed.source = this.o.source;
      proposed.external_id = ext;
      proposed.import_id = this.o.importId;
      if (remember) this.l.addInterview(proposed);
    }
    const label = `Response ${ext ?? at.slice(0, 10)}`;
    const interviewOps: Op[] = [];
    const op = changeOp('interview', existing, proposed, label, matchedBy, interviewOps);
    for (const key of v.keys()) {
      if (!key.startsWith(DRIVER_PREFIX)) continue;
      const value = v.get(key);
      if (typeof value !== 'number') continue;
      const driverId = this.driver(key.slice(DRIVER_PREFIX.length), ops);
      const rating = rowRatings ? (rowRatings.get(driverId) ?? null) : this.l.rating(op.id, driverId);
      const proposedRating: Row = rating ? { rating: value } : { id: this.o.newId(), interview_id: op.id, driver_id: driverId, rating: value };
      if (!rating) {
        if (rowRatings) rowRatings.set(driverId, proposedRating);
        else this.l.addRating(proposedRating);
      }
      changeOp('driver_rating', rating, proposedRating, `Rating ${key.slice(DRIVER_PREFIX.length)}`, rating ? 'response and driver' : null, interviewOps);
    }
    // An imported response carries the import's id when created or changed (undo finds it).
    if (op.action === 'update' && this.o.importId) {
      op.values.import_id = this.o.importId;
      op.before!.import_id = existing!.import_id ?? null;
    }
    ops.push(...interviewOps);
    return op;
  }

  private driver(name: string, ops: Op[]): string {
    const known = this.driverIds.get(name);
    if (known !== undefined) return known;
    const existing = this.l.drivers.get(driverKey(name));
    if (existing) {
      this.driverIds.set(name, existing.id as string);
      return existing.id as string;
    }
    const row: Row = { id: this.o.newId(), name: name.trim(), description: null, sort_order: this.l.driverSortOrder + 1 };
    this.l.addDriver(row);
    changeOp('driver', null, row, `Driver ${name}`, null, ops);
    this.driverIds.set(name, row.id as string);
    return row.id as string;
  }
}
