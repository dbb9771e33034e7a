/**
 * Section 2 of metrics.md: account-level NPS from several stakeholders, by four methods, and the
 * portfolio figures built on account categories (portfolio NPS, revenue-weighted NPS).
 */
import type { MetricSettings } from '../../shared/domain/metrics-settings';
import {
  ACCOUNT_NPS_METHODS,
  ACCOUNT_SCORE_METHODS,
  STAKEHOLDER_ROLES,
  type AccountMethodScore,
  type AccountNpsMethod,
  type AccountNpsResult,
  type AccountScoreMethod,
  type Figure,
  type MinorUnits,
  type NpsCategory,
  type NpsCounts,
  type PortfolioMethodPanel,
  type StakeholderRole,
} from '../../shared/domain/metrics-types';
import { calendarDay } from './dates';
import { figure, nullFigure } from './figure';
import { addMinorUnits, assertAccountArr, assertArr, sumMinorUnits } from './money';
import { categorize, countCategories, npsFromCounts, parseNpsScore, poolCounts } from './nps';

export interface ContactScore {
  /** A contact with no role counts as a user (metrics.md §2). */
  role: StakeholderRole | null;
  score: number;
}

export interface WindowResponse extends ContactScore {
  contactId: string;
  /** ISO date or date-time of the interview; decides window membership and "latest". */
  interviewDate: string;
}

/** Inclusive calendar days, ISO date-only. */
export interface DateWindow {
  from: string;
  to: string;
}

export interface AccountScoresInput {
  accountId: string;
  arr: MinorUnits;
  /** Each contact's latest valid score in the window. */
  contactScores: readonly ContactScore[];
  /** Category counts of every valid response in the window (count-all); defaults to contactScores. */
  responseCounts?: NpsCounts;
}

export function inWindow(isoDate: string, window: DateWindow): boolean {
  const day = calendarDay(isoDate);
  return day >= calendarDay(window.from) && day <= calendarDay(window.to);
}

/** Each contact's latest valid score in the window; invalid scores throw rather than vanish. */
export function latestScorePerContact(
  responses: readonly WindowResponse[],
  window: DateWindow,
): (ContactScore & { contactId: string })[] {
  const latest = new Map<string, WindowResponse>();
  responses.forEach((response, index) => {
    if (parseNpsScore(response.score, index) === null || !inWindow(response.interviewDate, window)) return;
    const previous = latest.get(response.contactId);
    // ">=" lets a later row win a same-day tie: rows arrive in capture order.
    if (!previous || response.interviewDate >= previous.interviewDate) latest.set(response.contactId, response);
  });
  return [...latest.values()].map(({ contactId, role, score }) => ({ contactId, role, score }));
}

/** Builds the account input from raw window responses (count-all keeps every response). */
export function accountScoresFromResponses(
  accountId: string,
  arr: MinorUnits,
  responses: readonly WindowResponse[],
  window: DateWindow,
): AccountScoresInput {
  const windowScores = responses
    .filter((response) => parseNpsScore(response.score) !== null && inWindow(response.interviewDate, window))
    .map((response) => response.score);
  return {
    accountId,
    arr,
    contactScores: latestScorePerContact(responses, window),
    responseCounts: countCategories(windowScores),
  };
}

const roleOf = (contact: ContactScore): StakeholderRole => contact.role ?? 'user';
const mean = (values: readonly number[]): number => values.reduce((sum, value) => sum + value, 0) / values.length;
const NO_SCORES = 'no contact has a valid score in the window';

function methodScore(
  method: AccountScoreMethod,
  score: number | null,
  formula: string,
  inputs: Figure['inputs'],
  rule: string,
): AccountMethodScore {
  const explanation = { formula, inputs, rule };
  return score === null
    ? { method, score: nullFigure('score', NO_SCORES, explanation), category: null }
    : { method, score: figure('score', score, explanation), category: categorize(score) };
}

const CATEGORY_OF_MEAN = 'category of the mean: ≥ 9 promoter, ≥ 7 passive, else detractor (no rounding)';

function averageMethod(contacts: readonly ContactScore[]): AccountMethodScore {
  const scores = contacts.map((contact) => contact.score);
  return methodScore(
    'average',
    scores.length === 0 ? null : mean(scores),
    'mean of contacts’ latest scores',
    { contacts: scores.length, sumOfScores: scores.reduce((sum, score) => sum + score, 0) },
    CATEGORY_OF_MEAN,
  );
}

function waterfallMethod(contacts: readonly ContactScore[]): AccountMethodScore & { role: StakeholderRole | null } {
  const role = STAKEHOLDER_ROLES.find((candidate) => contacts.some((contact) => roleOf(contact) === candidate)) ?? null;
  const scores = contacts.filter((contact) => roleOf(contact) === role).map((contact) => contact.score);
  return {
    ...methodScore(
      'waterfall',
      role === null ? null : mean(scores),
      'score of the highest-ranked role present (mean if several)',
      { role, contactsWithRole: scores.length },
      'decision maker > influencer > user; a contact with no role counts as a user',
    ),
    role,
  };
}

function weightedMethod(contacts: readonly ContactScore[], weights: MetricSettings['roleWeights']): AccountMethodScore {
  const tally = tallyContacts(contacts);
  const { weightedSum, weightSum } = weightedTotals(tally, weights);
  return methodScore(
    'weighted',
    contacts.length === 0 ? null : clampToScores(weightedSum / weightSum, tally),
    'Σ wᵢ·sᵢ / Σ wᵢ',
    {
      contacts: contacts.length,
      weightedSum,
      weightSum,
      decisionMakerWeight: weights.decision_maker,
      influencerWeight: weights.influencer,
      userWeight: weights.user,
    },
    `role weights: decision maker ${weights.decision_maker}, influencer ${weights.influencer}, user ${weights.user}; ${CATEGORY_OF_MEAN}`,
  );
}

/**
 * Contacts' latest scores as the account methods use them: per role (no role counts as a user) how
 * many contacts and the sum of their scores, and the lowest and highest score (±Infinity for none).
 * Scores are integers, so each sum is exact in any order; a portfolio pass keeps this instead of
 * the list (engine/contact-columns.ts).
 */
export interface ContactTally {
  decisionMakers: number;
  decisionMakerSum: number;
  influencers: number;
  influencerSum: number;
  users: number;
  userSum: number;
  lowest: number;
  highest: number;
}

export const NO_CONTACTS: Readonly<ContactTally> = Object.freeze({
  decisionMakers: 0,
  decisionMakerSum: 0,
  influencers: 0,
  influencerSum: 0,
  users: 0,
  userSum: 0,
  lowest: Infinity,
  highest: -Infinity,
});

export function tallyContacts(contacts: readonly ContactScore[]): ContactTally {
  const tally = { ...NO_CONTACTS };
  for (const contact of contacts) addToTally(tally, roleOf(contact), contact.score);
  return tally;
}

export function addToTally(tally: ContactTally, role: StakeholderRole, score: number): void {
  if (role === 'decision_maker') {
    tally.decisionMakers += 1;
    tally.decisionMakerSum += score;
  } else if (role === 'influencer') {
    tally.influencers += 1;
    tally.influencerSum += score;
  } else {
    tally.users += 1;
    tally.userSum += score;
  }
  if (score < tally.lowest) tally.lowest = score;
  if (score > tally.highest) tally.highest = score;
}

/**
 * Σ wᵢ·sᵢ and Σ wᵢ over the contacts, summed per role first: the weights are per role, so
 * Σ wᵢ·sᵢ = Σ_role w_role · (sum of the role's scores). The same numbers whatever order the contacts
 * come in, which lets the engine keep a tally instead of each account's list.
 */
export function weightedTotals(tally: ContactTally, weights: MetricSettings['roleWeights']): { weightedSum: number; weightSum: number } {
  return {
    weightedSum: weights.decision_maker * tally.decisionMakerSum + weights.influencer * tally.influencerSum + weights.user * tally.userSum,
    weightSum: weights.decision_maker * tally.decisionMakers + weights.influencer * tally.influencers + weights.user * tally.users,
  };
}

/**
 * A weighted mean lies between the lowest and the highest score it averages, but with fractional weights
 * the float division can land a few ulps outside (10.000000000000002 from three 10s weighted 0.1, 0.1,
 * 0.7), which categorize() would reject, or a few ulps off a category boundary: a mean that is exactly 7
 * can come out as 6.999999999999998 or as 7.000000000000001 depending on the order of the additions,
 * and so fall either side of it. Clamping to the scores' own range, and settling a mean within
 * BOUNDARY_NOISE of 7 or 9 on the boundary itself, removes that noise before categorising, whatever
 * the order of the sums. It is not rounding: float noise here is around 10⁻¹⁴, while a real mean of
 * whole scores that close to a boundary needs role weights some 10¹² apart.
 */
export function clampToScores(mean: number, tally: ContactTally): number {
  const clamped = mean < tally.lowest ? tally.lowest : mean > tally.highest ? tally.highest : mean;
  if (Math.abs(clamped - PROMOTER_BOUNDARY) < BOUNDARY_NOISE) return PROMOTER_BOUNDARY;
  if (Math.abs(clamped - PASSIVE_BOUNDARY) < BOUNDARY_NOISE) return PASSIVE_BOUNDARY;
  return clamped;
}

const PROMOTER_BOUNDARY = 9;
const PASSIVE_BOUNDARY = 7;
const BOUNDARY_NOISE = 1e-12;

/** count-all gives no account category, so category-based figures fall back to the weighted method. */
export function categoryMethod(headline: AccountNpsMethod): AccountScoreMethod {
  return headline === 'count-all' ? 'weighted' : headline;
}

export function accountNps(input: AccountScoresInput, settings: MetricSettings): AccountNpsResult {
  assertArr(input.arr, `ARR of account ${input.accountId}`);
  input.contactScores.forEach((contact, index) => parseNpsScore(contact.score, index));
  const contacts = input.contactScores;
  const methods = {
    average: averageMethod(contacts),
    waterfall: waterfallMethod(contacts),
    weighted: weightedMethod(contacts, settings.roleWeights),
  };
  const used = categoryMethod(settings.headlineMethod);
  const headlineRule =
    settings.headlineMethod === 'count-all'
      ? 'headline method count-all gives no account category; categories use the weighted method'
      : `headline method (workspace setting): ${used}`;
  return {
    accountId: input.accountId,
    arr: input.arr,
    scored: contacts.length > 0,
    countAll: npsFromCounts(input.responseCounts ?? countCategories(contacts.map((contact) => contact.score))),
    ...methods,
    headline: { ...methods[used], rule: headlineRule },
  };
}

/** What portfolio figures need of an account: its ARR and its category (null: unscored). */
export interface CategorizedAccount {
  accountId: string;
  arr: MinorUnits;
  category: NpsCategory | null;
}

const ACTIVE_RULE = 'active accounts only (ARR > 0 at the window’s end)';

/**
 * Accounts read through accessors (k = 0 … count − 1), for portfolio passes over 10k+ accounts that
 * hold them in another shape (engine/method-panel.ts): no CategorizedAccount object per account.
 */
export interface CategorizedAccounts {
  count: number;
  accountIdAt(k: number): string;
  arrAt(k: number): MinorUnits;
  categoryAt(k: number): NpsCategory | null;
}

export function categorizedAccounts(accounts: readonly CategorizedAccount[]): CategorizedAccounts {
  return {
    count: accounts.length,
    accountIdAt: (k) => accounts[k]!.accountId,
    arrAt: (k) => accounts[k]!.arr,
    categoryAt: (k) => accounts[k]!.category,
  };
}

export function portfolioNpsByAccounts(accounts: readonly CategorizedAccount[]): Figure {
  return portfolioNpsOf(categorizedAccounts(accounts));
}

/** Scored: active (ARR > 0) with a category; every ARR is checked, in order, as it is read. */
export function portfolioNpsOf(accounts: CategorizedAccounts): Figure {
  let promoters = 0;
  let detractors = 0;
  const scoredIds: string[] = [];
  for (let k = 0; k < accounts.count; k++) {
    const accountId = accounts.accountIdAt(k);
    if (!(assertAccountArr(accounts.arrAt(k), accountId) > 0)) continue;
    const category = accounts.categoryAt(k);
    if (category === null) continue;
    scoredIds.push(accountId);
    if (category === 'promoter') promoters += 1;
    else if (category === 'detractor') detractors += 1;
  }
  const explanation = {
    formula: '100 × (#promoter accounts − #detractor accounts) / #scored accounts',
    inputs: { promoterAccounts: promoters, detractorAccounts: detractors, scoredAccounts: scoredIds.length },
    rule: ACTIVE_RULE,
    accountIds: scoredIds,
  };
  return scoredIds.length === 0
    ? nullFigure('nps', 'no scored active accounts', explanation)
    : figure('nps', (100 * (promoters - detractors)) / scoredIds.length, explanation);
}

export function revenueWeightedNps(accounts: readonly CategorizedAccount[]): Figure {
  return revenueWeightedNpsOf(categorizedAccounts(accounts));
}

/** Each ARR total adds its accounts' ARR in account order, checked, as sumMinorUnits() would. */
export function revenueWeightedNpsOf(accounts: CategorizedAccounts): Figure {
  let promoterArr = 0;
  let passiveArr = 0;
  let detractorArr = 0;
  let scoredArr = 0;
  const scoredIds: string[] = [];
  for (let k = 0; k < accounts.count; k++) {
    const accountId = accounts.accountIdAt(k);
    const arr = assertAccountArr(accounts.arrAt(k), accountId);
    if (!(arr > 0)) continue;
    const category = accounts.categoryAt(k);
    if (category === null) continue;
    scoredIds.push(accountId);
    scoredArr = addMinorUnits(scoredArr, arr);
    if (category === 'promoter') promoterArr = addMinorUnits(promoterArr, arr);
    else if (category === 'passive') passiveArr = addMinorUnits(passiveArr, arr);
    else detractorArr = addMinorUnits(detractorArr, arr);
  }
  const explanation = {
    formula: '100 × (ARR of promoter accounts − ARR of detractor accounts) / ARR of scored accounts',
    inputs: { promoterArr, passiveArr, detractorArr, scoredArr },
    rule: ACTIVE_RULE,
    accountIds: scoredIds,
  };
  return scoredArr === 0
    ? nullFigure('nps', 'no scored ARR', explanation)
    : figure('nps', (100 * (promoterArr - detractorArr)) / scoredArr, explanation);
}

function categorizedBy(accounts: readonly AccountNpsResult[], method: AccountScoreMethod): CategorizedAccount[] {
  return accounts.map((account) => ({ accountId: account.accountId, arr: account.arr, category: account[method].category }));
}

/** count-all pools every response of the active accounts; other methods count account categories. */
export function portfolioNps(accounts: readonly AccountNpsResult[], method: AccountNpsMethod): Figure {
  if (method !== 'count-all') return portfolioNpsByAccounts(categorizedBy(accounts, method));
  const active = accounts.filter((account) => account.arr > 0);
  const pooled = npsFromCounts(poolCounts(active.map((account) => account.countAll.counts)));
  return { ...pooled.nps, rule: `every valid response in the window counts; ${ACTIVE_RULE}`, accountIds: active.map((a) => a.accountId) };
}

/** The method panel: every method side by side, the setting picks the headline. */
export function methodPanel(accounts: readonly AccountNpsResult[], settings: MetricSettings): PortfolioMethodPanel {
  const byMethod = <M extends string>(methods: readonly M[], compute: (method: M) => Figure) =>
    Object.fromEntries(methods.map((method) => [method, compute(method)])) as Record<M, Figure>;
  return {
    headlineMethod: settings.headlineMethod,
    portfolioNps: byMethod(ACCOUNT_NPS_METHODS, (method) => portfolioNps(accounts, method)),
    revenueWeightedNps: byMethod(ACCOUNT_SCORE_METHODS, (method) => revenueWeightedNps(categorizedBy(accounts, method))),
  };
}
