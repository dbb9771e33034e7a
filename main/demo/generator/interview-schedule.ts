/**
 * Decides every interview before any is written: which account and contact, when, what kind, at
 * which touchpoint, and the NPS given. Kept in typed arrays (not objects) so a million of them fit,
 * and so they can be written in time order afterwards.
 */
import { clamp } from '../random';
import { TIER_INTERVIEW_FACTOR } from '../vocabulary/account-book';
import type { AccountSim, GenerationContext } from './context';
import { DAY, HOUR, MINUTE } from './timeline';

export const KIND_CODES = ['relationship', 'transactional', 'qbr', 'potential'] as const;
export const KIND_RELATIONSHIP = 0;
export const KIND_TRANSACTIONAL = 1;
export const KIND_QBR = 2;
export const KIND_POTENTIAL = 3;

/** Slot i of each array describes interview i; `filled` slots are used (an account without a usable quarter or contact is skipped). */
export interface InterviewSchedule {
  filled: number;
  accIdx: Int32Array;
  contactIdx: Int32Array;
  time: Float64Array;
  kind: Uint8Array;
  touchpoint: Int16Array;
  /** 0–10, or -1 for no score. */
  nps: Int8Array;
}

export function scheduleInterviews(ctx: GenerationContext): InterviewSchedule {
  const t = ctx.timeline;
  const total = ctx.options.responses;
  const s: InterviewSchedule = {
    filled: 0,
    accIdx: new Int32Array(total),
    contactIdx: new Int32Array(total),
    time: new Float64Array(total),
    kind: new Uint8Array(total),
    touchpoint: new Int16Array(total),
    nps: new Int8Array(total),
  };

  // Exact allocation by cumulative rounding: the caller asked for `responses` interviews, not roughly that.
  const weights = ctx.accounts.map((a) => {
    if (a.lastQ < a.startQ || a.contactCount === 0) return 0;
    let active = 0;
    for (let j = a.startQ; j <= a.lastQ; j++) active += t.days[j]!;
    return TIER_INTERVIEW_FACTOR[a.tier] * active;
  });
  const weightTotal = weights.reduce((sum, w) => sum + w, 0);
  let cumulative = 0;
  let allocated = 0;
  for (let ai = 0; ai < ctx.accounts.length && weightTotal > 0; ai++) {
    cumulative += (total * weights[ai]!) / weightTotal;
    const upTo = ai === ctx.accounts.length - 1 ? total : Math.min(total, Math.round(cumulative));
    const count = upTo - allocated;
    allocated = upTo;
    const a = ctx.accounts[ai]!;
    for (let k = 0; k < count; k++) s.filled = simulateInterview(ctx, a, ai, s.filled, s);
  }
  return s;
}

/** Fills slot `at` and returns the next free slot (or `at` again when the account cannot be interviewed). */
function simulateInterview(ctx: GenerationContext, a: AccountSim, ai: number, at: number, s: InterviewSchedule): number {
  const r = ctx.rng;
  const t = ctx.timeline;
  // Quarter, weighted by its length; the interview practice grows a little over time.
  let totalW = 0;
  for (let j = a.startQ; j <= a.lastQ; j++) totalW += t.days[j]! * (1 + 0.05 * j);
  let x = r.next() * totalW;
  let q = -1;
  for (let j = a.startQ; j <= a.lastQ; j++) {
    if (t.days[j]! <= 0) continue;
    q = j;
    x -= t.days[j]! * (1 + 0.05 * j);
    if (x < 0) break;
  }
  if (q < 0) return at;
  const qDays = t.days[q]!;
  if (qDays <= 0) return at;

  const qbrDay = a.qbrDay ? a.qbrDay[q]! : Number.NaN;
  const y = r.next();
  let k = KIND_RELATIONSHIP;
  if (y < 0.03) k = KIND_POTENTIAL;
  else if (!Number.isNaN(qbrDay) && y < 0.15) k = KIND_QBR;
  else if (y < 0.35) k = KIND_TRANSACTIONAL;

  let dayMs: number;
  if (k === KIND_QBR) dayMs = qbrDay;
  else if (k === KIND_RELATIONSHIP && r.chance(0.7)) {
    // Relationship interviews cluster on one round per account and quarter: a day on site.
    let round = a.roundDay[q]!;
    if (Number.isNaN(round)) {
      round = t.start[q]! + r.int(0, qDays - 1) * DAY;
      a.roundDay[q] = round;
    }
    dayMs = round;
  } else dayMs = t.start[q]! + r.int(0, qDays - 1) * DAY;
  const ms = dayMs + r.int(8, 16) * HOUR + r.int(0, 3) * 15 * MINUTE;

  let tp = -1;
  let quality = 0;
  if (k === KIND_TRANSACTIONAL) {
    const early = a.isNew && q - a.startQ <= 1;
    // New accounts are asked about onboarding and adoption; everyone else mostly about support.
    const stageWeights = early ? [5, 3, 1, 0.5, 0.2] : [0.3, 1, 3, 1.5, 0.8];
    const stage = r.weightedIndex(stageWeights);
    const inStage = ctx.stageTouchpoints[stage] ?? [];
    tp = inStage.length > 0 ? r.pick(inStage) : -1;
    if (tp >= 0) quality = ctx.touchpointQuality[tp]!;
  }

  const ci = pickContact(ctx, a);
  if (ci < 0) return at;
  const level = ctx.contacts.level[ci]!;
  let score = -1;
  // Potential interviews are about the future, often without a score: null must stay null, not 0.
  if (k !== KIND_POTENTIAL || r.chance(0.5)) {
    const mean = 8.25 + 1.5 * a.health[q]! + ctx.contacts.bias[ci]! + 1.2 * quality + (level === 0 ? -0.2 : 0);
    score = clamp(Math.round(r.normal(mean, 1.1)), 0, 10);
  }

  s.accIdx[at] = ai;
  s.contactIdx[at] = ci;
  s.time[at] = Math.max(ms, ctx.contacts.createdMs[ci]! + HOUR);
  s.kind[at] = k;
  s.touchpoint[at] = tp;
  s.nps[at] = score;
  return at + 1;
}

/** A contact of the account, weighted by responsiveness; -1 when nobody there answers. */
function pickContact(ctx: GenerationContext, a: AccountSim): number {
  const c = ctx.contacts;
  let total = 0;
  for (let k = 0; k < a.contactCount; k++) total += c.responsiveness[a.contactStart + k]!;
  if (total <= 0) return -1;
  let x = ctx.rng.next() * total;
  for (let k = 0; k < a.contactCount; k++) {
    x -= c.responsiveness[a.contactStart + k]!;
    if (x < 0) return a.contactStart + k;
  }
  return a.contactStart + a.contactCount - 1;
}
