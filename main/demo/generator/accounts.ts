/** Account rows, each with its ARR history and its contacts, written as the account is made. */
import { normalizeAccountName } from '../../../shared/domain/accounts';
import { clamp } from '../random';
import { REGIONS, REGION_WEIGHTS } from '../vocabulary/account-book';
import type { Region } from '../vocabulary/account-book';
import { BRAND_HEADS, BRAND_TAILS, EMAIL_TLDS, INDUSTRIES, INDUSTRY_NOUNS, LEGAL_FORMS } from '../vocabulary/company-names';
import type { Industry } from '../vocabulary/company-names';
import { DRIVERS } from '../vocabulary/drivers-and-verbatims';
import { OWNERS } from '../vocabulary/people';
import type { AccountPlan } from './account-plan';
import { simulateArr } from './arr-history';
import type { ArrRow } from './arr-history';
import { emailPart, insertContacts } from './contacts';
import { reportProgress } from './context';
import type { AccountSim, GenerationContext } from './context';
import { DAY, HOUR, iso, isoDate } from './timeline';

const regionWeights = REGIONS.map((r) => REGION_WEIGHTS[r]);

/** Writes one account per plan, in plan order; `plans` comes from planAccounts. */
export function insertAccounts(ctx: GenerationContext, plans: readonly AccountPlan[]): void {
  // Normalized company names already given out in this run: names must be unique in a workspace.
  const usedNames = new Set<string>();
  for (let i = 0; i < ctx.options.accounts; i++) {
    insertAccount(ctx, usedNames, i, plans[i]!);
    if ((i + 1) % 2000 === 0) reportProgress(ctx, i + 1);
  }
  reportProgress(ctx, ctx.options.accounts);
}

function companyName(ctx: GenerationContext, usedNames: Set<string>, industry: Industry, region: Region): { name: string; domain: string } {
  const r = ctx.rng;
  for (let attempt = 0; ; attempt++) {
    const head = r.pick(BRAND_HEADS);
    let tail: string = r.pick(BRAND_TAILS);
    if (head.toLowerCase() === tail) tail = 'field';
    const brand = r.chance(0.2) ? head : head + tail;
    const noun = r.pick(INDUSTRY_NOUNS[industry]);
    // Past a few collisions the brand space is exhausted for this noun: a numbered division keeps names unique.
    const core = attempt < 8 ? `${brand} ${noun}` : `${brand} ${noun} ${attempt - 6}`;
    const normalized = normalizeAccountName(core);
    if (usedNames.has(normalized)) continue;
    usedNames.add(normalized);
    const legal = industry === 'Public Sector' || industry === 'Education' ? '' : r.pick(LEGAL_FORMS[region]);
    return { name: legal ? `${core} ${legal}` : core, domain: `${emailPart(core)}.${r.pick(EMAIL_TLDS[region])}` };
  }
}

function insertAccount(ctx: GenerationContext, usedNames: Set<string>, index: number, plan: AccountPlan): void {
  const r = ctx.rng;
  const t = ctx.timeline;
  const n = t.n;
  const { tier, health, isNew, startQ, churnAt } = plan;
  const industry = r.pick(INDUSTRIES);
  const region = REGIONS[r.weightedIndex(regionWeights)]!;
  const owner = r.pick(OWNERS);
  const { name, domain } = companyName(ctx, usedNames, industry, region);
  const createdMs = t.quarterEnds[startQ]! - r.int(isNew ? 15 : 30, isNew ? 60 : 200) * DAY + r.int(8, 17) * HOUR;
  const id = ctx.ids.at(createdMs);

  const arrRows: ArrRow[] = [];
  simulateArr(ctx, plan, arrRows);
  let lastQ = churnAt >= 0 ? churnAt - 1 : n - 1;
  // A few active accounts go quiet for the last two quarters: the silence map needs someone to show.
  if (churnAt < 0 && n >= 4 && r.chance(0.06) && n - 3 >= startQ) lastQ = n - 3;

  const current = health[n - 1]!;
  const churned = churnAt >= 0;
  const renewalDate = churned ? null : isoDate(t.todayMs + r.int(15, 455) * DAY);
  const renewalIntent = churned ? 'no' : r.chance(0.15) ? null : current > 0.2 ? 'yes' : current > -0.9 ? 'unsure' : 'no';
  const expansion = !churned && r.chance(clamp(0.12 + 0.15 * current, 0.02, 0.4)) ? 1 : 0;
  const lastArr = arrRows[arrRows.length - 1]!;
  const updatedMs = Math.max(createdMs, lastArr[4]);
  const externalId = `CRM-${String(index + 1).padStart(6, '0')}`;
  ctx.st.account.run(id, name, normalizeAccountName(name), externalId, industry, tier, region, owner, renewalDate, renewalIntent, expansion, iso(createdMs), iso(updatedMs));
  ctx.summary.accounts++;

  for (const [date, arr, kind, note, recordedMs] of arrRows) {
    const stamp = iso(recordedMs);
    ctx.st.arr.run(ctx.ids.at(recordedMs), id, date, arr, kind, note, stamp, stamp);
  }
  ctx.summary.arr_records += arrRows.length;

  const painCount = r.chance(0.4) ? 2 : 1;
  const picks = r.sample(DRIVERS.length, painCount + 1);
  const sim: AccountSim = {
    id,
    tier,
    owner,
    ownerFirst: owner.split(' ')[0]!,
    name,
    createdMs,
    startQ,
    lastQ,
    health,
    contactStart: ctx.contacts.ids.length,
    contactCount: 0,
    painDrivers: picks.slice(0, painCount),
    strengthDriver: picks[painCount]!,
    isNew,
    qbrDay: null,
    roundDay: new Float64Array(n).fill(Number.NaN),
  };
  sim.contactCount = insertContacts(ctx, sim, domain);
  ctx.accounts.push(sim);
}
