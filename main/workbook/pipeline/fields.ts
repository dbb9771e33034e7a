import type { FieldInfo, ImportEntity } from '../../../shared/contract/workbook';
import { ACCOUNT_TIERS, ARR_CHANGE_KINDS, RENEWAL_INTENTS } from '../../../shared/domain/accounts';
import { CONTACT_LEVELS, CONTACT_ROLES } from '../../../shared/domain/people';

export interface FieldDef extends FieldInfo {
  /** Header words that name this field, compared after normalising (lower case, letters and digits). */
  synonyms: string[];
}

const f = (key: string, label: string, kind: FieldDef['kind'], synonyms: string[], extra: Partial<FieldDef> = {}): FieldDef => ({
  key,
  label,
  kind,
  required: false,
  synonyms,
  ...extra,
});

const ACCOUNT_REF = [
  f('account.name', 'Account name', 'text', ['account', 'account name', 'company', 'company name', 'organization', 'organisation', 'org', 'organization name', 'customer', 'customer name', 'client', 'client name', 'business name', 'firma', 'unternehmen', 'kunde', 'societe', 'entreprise', 'empresa', 'account_name']),
  f('account.externalId', 'Account external id', 'text', ['account id', 'company id', 'customer id', 'client id', 'external id', 'crm id', 'salesforce id', 'sfdc id', 'hubspot id', 'account number', 'customer number', 'account external id', 'account_id', 'accountid', 'kundennummer']),
];

const CONTACT = [
  f('contact.email', 'Contact email', 'email', ['email', 'e mail', 'email address', 'mail', 'recipientemail', 'recipient email', 'emailaddress', 'person email', 'respondent email', 'contact email', 'user email', 'e mail adresse', 'e mail des empfangers']),
  f('contact.name', 'Contact name', 'text', ['name', 'full name', 'contact', 'contact name', 'person', 'person name', 'respondent', 'respondent name', 'stakeholder', 'stakeholder name']),
  f('contact.firstName', 'Contact first name', 'text', ['first name', 'firstname', 'given name', 'recipientfirstname', 'recipient first name', 'vorname', 'prenom', 'vorname des empfangers']),
  f('contact.lastName', 'Contact last name', 'text', ['last name', 'lastname', 'surname', 'family name', 'recipientlastname', 'recipient last name', 'nachname', 'nom', 'nachname des empfangers']),
  f('contact.title', 'Contact job title', 'text', ['title', 'job title', 'position', 'job', 'function', 'jobtitle']),
  f('contact.role', 'Contact role', 'choice', ['role', 'buying role', 'stakeholder role', 'persona', 'contact role'], { choices: [...CONTACT_ROLES] }),
  f('contact.level', 'Contact level', 'choice', ['level', 'seniority', 'hierarchy', 'management level', 'contact level'], { choices: [...CONTACT_LEVELS] }),
  f('contact.phone', 'Contact phone', 'text', ['phone', 'telephone', 'mobile', 'phone number', 'tel', 'telefon']),
  f('contact.externalId', 'Contact external id', 'text', ['contact id', 'person id', 'user id', 'contact external id', 'externalreference', 'external reference', 'externaldatareference']),
];

const ARR_FIELDS = (required: boolean) => [
  f('arr.amount', 'ARR', 'money', ['arr', 'annual recurring revenue', 'revenue', 'annual revenue', 'acv', 'contract value', 'annual contract value', 'amount', 'arr usd', 'arr eur', 'umsatz', 'current arr'], { required }),
  f('arr.date', 'ARR as of', 'date', ['arr date', 'as of', 'effective date', 'date', 'snapshot date', 'month', 'period', 'effective'], { required }),
];

const ACCOUNT_FIELDS = [
  { ...ACCOUNT_REF[0]!, required: true },
  ACCOUNT_REF[1]!,
  f('account.industry', 'Industry', 'text', ['industry', 'sector', 'vertical', 'branche']),
  f('account.tier', 'Tier', 'choice', ['tier', 'segment', 'account tier', 'customer tier', 'customer segment', 'size'], { choices: [...ACCOUNT_TIERS] }),
  f('account.region', 'Region', 'text', ['region', 'territory', 'geo', 'country', 'market', 'area']),
  f('account.owner', 'Owner', 'text', ['owner', 'account owner', 'csm', 'customer success manager', 'account manager', 'am', 'rep', 'sales rep', 'ae', 'account executive']),
  f('account.renewalDate', 'Renewal date', 'date', ['renewal date', 'renewal', 'contract end', 'contract end date', 'expiry', 'expiration date', 'next renewal', 'renewal due']),
  f('account.renewalIntent', 'Renewal intent', 'choice', ['renewal intent', 'renewal likelihood', 'intent', 'will renew'], { choices: [...RENEWAL_INTENTS] }),
  f('account.expansionOpportunity', 'Expansion opportunity', 'boolean', ['expansion opportunity', 'upsell opportunity', 'expansion', 'upsell']),
  f('account.notes', 'Account notes', 'text', ['notes', 'comments', 'description', 'account notes']),
];

const RESPONSE_FIELDS = [
  f('response.externalId', 'Response id', 'text', ['response id', 'responseid', 'recordid', 'record id', 'respondent id', 'submission id', 'survey response id', 'antwort id', 'id']),
  f('response.date', 'Response date', 'datetime', ['recorded date', 'recordeddate', 'date', 'response date', 'submitted at', 'submitted', 'timestamp', 'created at', 'created', 'end date', 'enddate', 'completed at', 'response timestamp', 'interview date', 'survey date', 'datum', 'erfassungsdatum', 'date submitted'], { required: true }),
  f('response.nps', 'NPS score (0–10)', 'score', ['nps', 'score', 'nps score', 'likelihood to recommend', 'ltr', 'recommend', 'how likely are you to recommend', 'net promoter score']),
  f('response.npsGroup', 'NPS group (check only)', 'choice', ['nps group', 'nps_group', 'nps category', 'npsgroup'], { choices: ['detractor', 'passive', 'promoter'] }),
  f('response.csat', 'CSAT (1–5)', 'score', ['csat', 'satisfaction', 'customer satisfaction', 'csat score']),
  f('response.ces', 'CES (1–7)', 'score', ['ces', 'effort', 'customer effort', 'ces score', 'customer effort score']),
  f('response.verbatim', 'Verbatim / comment', 'text', ['comment', 'comments', 'verbatim', 'feedback', 'why', 'reason', 'open text', 'open ended response', 'open ended', 'reason for score', 'what is the primary reason for your score']),
  f('response.notes', 'Interview notes', 'text', ['notes', 'internal notes', 'interview notes']),
  f('response.kind', 'Interview kind', 'choice', ['survey type', 'interview type', 'kind', 'type'], { choices: ['relationship', 'transactional', 'qbr', 'potential'] }),
  f('response.interviewer', 'Interviewer', 'text', ['interviewer', 'collected by', 'surveyor']),
  f('response.finished', 'Finished (unfinished → draft)', 'boolean', ['finished', 'completed', 'complete', 'beendet']),
];

const QBR_FIELDS = [
  f('qbr.date', 'QBR date', 'date', ['qbr date', 'held on', 'date', 'meeting date', 'review date'], { required: true }),
  f('qbr.title', 'QBR title', 'text', ['qbr', 'qbr title', 'title', 'meeting', 'subject']),
  f('qbr.ratingTools', 'Rating: tools (1–5)', 'score', ['tools', 'rating tools', 'has the tools']),
  f('qbr.ratingInvestment', 'Rating: investment (1–5)', 'score', ['investment', 'rating investment', 'invests']),
  f('qbr.ratingDesire', 'Rating: desire (1–5)', 'score', ['desire', 'rating desire', 'desire to succeed']),
  f('qbr.summary', 'QBR summary', 'text', ['summary', 'qbr summary']),
  f('note.body', 'Note', 'text', ['note', 'notes', 'body', 'text', 'comment', 'comments', 'content'], { required: true }),
  f('note.kind', 'Note kind', 'text', ['note kind', 'note type', 'kind', 'type', 'category']),
];

const ACTION_FIELDS = [
  f('action.title', 'Action', 'text', ['action', 'title', 'task', 'action item', 'follow up', 'subject', 'description'], { required: true }),
  f('action.kind', 'Action kind', 'choice', ['kind', 'type', 'action type'], { choices: ['follow_up', 'task', 'expansion'] }),
  f('action.owner', 'Action owner', 'text', ['owner', 'assignee', 'assigned to', 'responsible']),
  f('action.level', 'Action level', 'choice', ['level', 'escalation level'], { choices: [...CONTACT_LEVELS] }),
  f('action.status', 'Status', 'choice', ['status', 'state'], { choices: ['open', 'contacted', 'closed'] }),
  f('action.openedAt', 'Opened', 'datetime', ['opened', 'opened at', 'created', 'created at', 'date', 'start date']),
  f('action.firstContactDueAt', 'First contact due', 'datetime', ['first contact due', 'contact by']),
  f('action.closeDueAt', 'Due', 'datetime', ['due', 'due date', 'close due', 'deadline']),
  f('action.contactedAt', 'Contacted', 'datetime', ['contacted', 'contacted at', 'first contact']),
  f('action.closedAt', 'Closed', 'datetime', ['closed', 'closed at', 'completed at', 'done at', 'resolved at']),
  f('action.outcome', 'Outcome', 'text', ['outcome', 'result', 'resolution']),
];

export const ENTITY_FIELDS: Record<Exclude<ImportEntity, 'workspace'>, FieldDef[]> = {
  accounts: [...ACCOUNT_FIELDS, ...ARR_FIELDS(false)],
  contacts: [...ACCOUNT_REF, { ...CONTACT[1]!, required: true }, CONTACT[0]!, ...CONTACT.slice(2)],
  arr: [...ACCOUNT_REF, ...ARR_FIELDS(true), f('arr.kind', 'Change kind', 'choice', ['kind', 'type', 'change type', 'movement', 'arr type'], { choices: [...ARR_CHANGE_KINDS] }), f('arr.note', 'Note', 'text', ['note', 'notes', 'comment'])],
  responses: [...ACCOUNT_REF, ...CONTACT, ...RESPONSE_FIELDS],
  qbr_notes: [...ACCOUNT_REF, ...QBR_FIELDS],
  actions: [...ACCOUNT_REF, ...ACTION_FIELDS, CONTACT[0]!],
};

export const DRIVER_PREFIX = 'driver:';

export function fieldsOf(entity: ImportEntity, driverNames: readonly string[] = []): FieldDef[] {
  if (entity === 'workspace') return [];
  const base = ENTITY_FIELDS[entity];
  if (entity !== 'responses') return base;
  return [...base, ...driverNames.map((name) => f(DRIVER_PREFIX + name, `Driver rating: ${name}`, 'score', []))];
}

export function isKnownField(entity: ImportEntity, key: string): boolean {
  if (entity === 'responses' && key.startsWith(DRIVER_PREFIX) && key.length > DRIVER_PREFIX.length && key.length <= 120) return true;
  return fieldsOf(entity).some((field) => field.key === key);
}

export function toPublicField(field: FieldDef): FieldInfo {
  const { synonyms: _synonyms, ...info } = field;
  return info;
}

/** Header text → comparison key: "E-Mail Address:" → "e mail address". */
export function headerKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
