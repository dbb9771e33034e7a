import { ACCOUNT_TIERS, ARR_CHANGE_KINDS } from '../../../shared/domain/accounts';
import type { AccountTier, ArrChangeKind, RenewalIntent } from '../../../shared/domain/accounts';
import type { ContactLevel, ContactRole } from '../../../shared/domain/people';

/** Words people use for the workbench's fixed categories; keys are compared lower-case without punctuation. */
const key = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

function table<T extends string>(entries: [T, string[]][]): (text: string) => T | null {
  const map = new Map<string, T>();
  for (const [value, words] of entries) for (const word of [value, ...words]) map.set(key(word), value);
  // A column repeats a handful of texts row after row: each is normalised once (a bounded memo).
  const seen = new Map<string, T | null>();
  return (text) => {
    const known = seen.get(text);
    if (known !== undefined) return known;
    const value = map.get(key(text)) ?? null;
    if (seen.size < MEMO_LIMIT) seen.set(text, value);
    return value;
  };
}

const MEMO_LIMIT = 4096;

export const roleOf = table<ContactRole>([
  ['decision_maker', ['decision maker', 'decisionmaker', 'dm', 'economic buyer', 'buyer', 'budget holder', 'sponsor', 'executive sponsor', 'approver', 'signatory']],
  ['influencer', ['influencer', 'champion', 'advocate', 'evaluator', 'technical evaluator', 'recommender', 'key influencer']],
  ['user', ['user', 'end user', 'enduser', 'operator', 'practitioner', 'member']],
]);

export const levelOf = table<ContactLevel>([
  ['executive', ['executive', 'exec', 'c level', 'c suite', 'cxo', 'ceo', 'cfo', 'cto', 'coo', 'cio', 'vp', 'vice president', 'svp', 'evp', 'board', 'owner', 'founder', 'managing director']],
  ['management', ['management', 'manager', 'mgmt', 'middle management', 'mid level', 'director', 'head', 'head of', 'team lead', 'lead']],
  ['frontline', ['frontline', 'front line', 'staff', 'individual contributor', 'ic', 'operational', 'employee', 'specialist', 'agent', 'analyst']],
]);

export const tierOf = table<AccountTier>([
  ['Strategic', ['strategic', 'key account', 'key', 'tier 1', 'platinum']],
  ['Enterprise', ['enterprise', 'ent', 'large', 'large enterprise', 'corporate']],
  ['Mid-market', ['mid market', 'midmarket', 'mid', 'mm', 'medium', 'commercial', 'mid size']],
  ['SMB', ['smb', 'sme', 'small', 'small business', 'small and medium', 'small medium business', 'startup']],
]);
export const TIER_CHOICES: readonly string[] = ACCOUNT_TIERS;

export const renewalIntentOf = table<RenewalIntent>([
  ['yes', ['y', 'likely', 'will renew', 'renewing', 'committed', 'true']],
  ['unsure', ['maybe', 'undecided', 'unknown', 'at risk', 'unclear', 'not sure', '?']],
  ['no', ['n', 'unlikely', 'will churn', 'churning', 'not renewing', 'false']],
]);

export const arrKindOf = table<ArrChangeKind>([
  ['new', ['new business', 'new logo', 'initial', 'first', 'start', 'land']],
  ['renewal', ['renew', 'renewed', 'flat']],
  ['expansion', ['upsell', 'up sell', 'cross sell', 'expand', 'growth', 'increase', 'expand']],
  ['contraction', ['downsell', 'down sell', 'downgrade', 'decrease', 'reduction']],
  ['churn', ['churned', 'cancel', 'cancelled', 'canceled', 'lost', 'terminated', 'cancellation']],
  ['adjustment', ['adjust', 'correction', 'fx', 'other']],
]);
export const ARR_KIND_CHOICES: readonly string[] = ARR_CHANGE_KINDS;

export const interviewKindOf = table<'relationship' | 'transactional' | 'qbr' | 'potential'>([
  ['relationship', ['relational', 'relationship survey', 'rnps', 'quarterly', 'annual']],
  ['transactional', ['touchpoint', 'tnps', 'transaction', 'event', 'post interaction', 'support']],
  ['qbr', ['business review', 'quarterly business review']],
  ['potential', ['future', 'potential interview', 'prospect']],
]);

export const actionStatusOf = table<'open' | 'contacted' | 'closed'>([
  ['open', ['new', 'to do', 'todo', 'pending', 'not started', 'backlog']],
  ['contacted', ['in progress', 'inprogress', 'reached out', 'ongoing', 'started', 'doing', 'working']],
  ['closed', ['done', 'complete', 'completed', 'resolved', 'finished', 'won', 'cancelled', 'canceled']],
]);

export const actionKindOf = table<'follow_up' | 'task' | 'expansion'>([
  ['follow_up', ['follow up', 'followup', 'loop', 'close the loop', 'callback', 'call back']],
  ['task', ['todo', 'to do', 'action', 'action item']],
  ['expansion', ['upsell', 'opportunity', 'growth']],
]);

const TRUE_WORDS = new Set(['yes', 'y', 'true', 't', '1', 'x', 'ja', 'oui', 'si', 'wahr', 'vrai', 'checked', 'on', '✓', '✔']);
const FALSE_WORDS = new Set(['no', 'n', 'false', 'f', '0', 'nein', 'non', 'falsch', 'faux', 'unchecked', 'off', '']);

export function booleanOf(text: string): boolean | null {
  const k = text.trim().toLowerCase();
  if (TRUE_WORDS.has(k)) return true;
  if (FALSE_WORDS.has(k)) return false;
  return null;
}

/** Qualtrics' NPS_GROUP (1/2/3) and choice-text labels. */
export const npsGroupOf = table<'detractor' | 'passive' | 'promoter'>([
  ['detractor', ['1', 'detractors']],
  ['passive', ['2', 'passives', 'neutral', 'neutrals', 'passively satisfied']],
  ['promoter', ['3', 'promoters']],
]);
