/** Each account's stakeholders: unique names and emails, a role, a level with a matching title, and how often they answer. */
import { ACCOUNT_TIERS } from '../../../shared/domain/accounts';
import type { ContactLevel, ContactRole } from '../../../shared/domain/people';
import { TIER_CONTACT_FACTOR, TIER_WEIGHTS } from '../vocabulary/account-book';
import { FIRST_NAMES, LAST_NAMES, TITLES } from '../vocabulary/people';
import type { AccountSim, GenerationContext } from './context';
import { DAY, HOUR, iso } from './timeline';

/** Stored codes: ContactPool.role and .level hold indexes into these. */
export const ROLE_CODES: readonly (ContactRole | null)[] = ['decision_maker', 'influencer', 'user', null];
export const LEVEL_CODES: readonly ContactLevel[] = ['executive', 'management', 'frontline'];

/** Tier factors are rescaled so that the mean contact count is what the caller asked for. */
const contactScale = (() => {
  let weighted = 0;
  let total = 0;
  for (const tier of ACCOUNT_TIERS) {
    weighted += TIER_WEIGHTS[tier] * TIER_CONTACT_FACTOR[tier];
    total += TIER_WEIGHTS[tier];
  }
  return total / weighted;
})();

/** Lower-case ASCII letters and digits only, for email local parts and domains. */
export function emailPart(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

export function allocateContactArrays(ctx: GenerationContext): void {
  const c = ctx.contacts;
  // Generous upper bound; the arrays are trimmed views of what gets used.
  const capacity = Math.ceil(ctx.options.accounts * ctx.options.contactsPerAccount * 3 + 16);
  c.role = new Uint8Array(capacity);
  c.level = new Uint8Array(capacity);
  c.bias = new Float32Array(capacity);
  c.responsiveness = new Float32Array(capacity);
  c.createdMs = new Float64Array(capacity);
}

/** Writes the account's contacts and appends them to the pool; returns how many there are. */
export function insertContacts(ctx: GenerationContext, sim: AccountSim, domain: string): number {
  const r = ctx.rng;
  const c = ctx.contacts;
  const mean = ctx.options.contactsPerAccount * TIER_CONTACT_FACTOR[sim.tier] * contactScale;
  let count = Math.max(2, Math.round(mean * r.range(0.7, 1.3)));
  const capacity = c.role.length;
  if (c.ids.length + count > capacity) count = Math.max(0, capacity - c.ids.length);
  const decisionMakers = count >= 4 && r.chance(0.35) ? 2 : 1;
  const usedNames = new Set<string>();
  const usedEmails = new Set<string>();
  let responsive = 0;
  for (let k = 0; k < count; k++) {
    const roleCode = k < decisionMakers ? 0 : r.chance(0.3) ? 1 : 2;
    const levelCode = roleCode === 0 ? (r.chance(0.85) ? 0 : 1) : roleCode === 1 ? r.weightedIndex([10, 75, 15]) : r.chance(0.8) ? 2 : 1;
    // About one contact in twenty has no recorded role; metrics treat them as users.
    const storedRole = r.chance(0.05) ? 3 : roleCode;
    let first: string;
    let last: string;
    let fullName: string;
    do {
      first = r.pick(FIRST_NAMES);
      last = r.pick(LAST_NAMES);
      fullName = `${first} ${last}`;
    } while (usedNames.has(fullName));
    usedNames.add(fullName);
    let local = `${emailPart(first)}.${emailPart(last)}`;
    for (let suffix = 2; usedEmails.has(local); suffix++) local = `${emailPart(first)}.${emailPart(last)}${suffix}`;
    usedEmails.add(local);
    const title = r.pick(TITLES[LEVEL_CODES[levelCode]!]);
    const createdMs = sim.createdMs + r.int(0, 6) * DAY + r.int(0, 8) * HOUR;
    const id = ctx.ids.at(createdMs);
    const stamp = iso(createdMs);
    ctx.st.contact.run(id, sim.id, fullName, `${local}@${domain}`, title, ROLE_CODES[storedRole], LEVEL_CODES[levelCode], stamp, stamp);
    const at = c.ids.length;
    c.ids.push(id);
    c.names.push(fullName);
    c.role[at] = storedRole;
    c.level[at] = levelCode;
    c.bias[at] = r.normal(0, 0.7);
    // Some stakeholders never answer; executives answer less often than the people who use the product.
    const w = r.chance(0.12) ? 0 : (levelCode === 0 ? 0.6 : levelCode === 1 ? 1 : 1.3) * r.range(0.5, 1.5);
    c.responsiveness[at] = w;
    c.createdMs[at] = createdMs;
    if (w > 0) responsive++;
  }
  if (responsive === 0 && count > 0) c.responsiveness[sim.contactStart] = 1;
  ctx.summary.contacts += count;
  return count;
}
