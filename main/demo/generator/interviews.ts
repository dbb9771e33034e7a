/**
 * Writes the scheduled interviews in time order, each with its driver ratings, verbatim, CSAT and
 * CES, then opens a follow-up for every recent detractor. Time order makes the UUIDv7 keys append to
 * the B-trees instead of splitting pages all over the file.
 */
import { clamp } from '../random';
import { POTENTIAL_VERBATIMS } from '../vocabulary/drivers-and-verbatims';
import { OWNERS } from '../vocabulary/people';
import { insertFollowUp } from './actions';
import { reportProgress } from './context';
import type { GenerationContext } from './context';
import { KIND_CODES, KIND_POTENTIAL, KIND_TRANSACTIONAL, scheduleInterviews } from './interview-schedule';
import { categoryOf, rateDrivers, verbatim } from './ratings-and-verbatims';
import { MINUTE, iso } from './timeline';

export function insertInterviews(ctx: GenerationContext): void {
  const r = ctx.rng;
  const t = ctx.timeline;
  const { filled, accIdx, contactIdx, time, kind, touchpoint, nps } = scheduleInterviews(ctx);

  // Time order, ties broken by position, so UUIDv7 keys append and the output never depends on sort stability.
  const order = new Uint32Array(filled);
  for (let i = 0; i < filled; i++) order[i] = i;
  order.sort((x, y) => time[x]! - time[y]! || x - y);

  const recentFrom = t.start[Math.max(0, t.n - 2)]!;
  const followUps: { interviewId: string; i: number; savedMs: number; lowDriver: number }[] = [];
  const chosen = new Int32Array(4);
  const ratings = new Int8Array(4);
  for (let p = 0; p < filled; p++) {
    const i = order[p]!;
    const a = ctx.accounts[accIdx[i]!]!;
    const ci = contactIdx[i]!;
    const score = nps[i]!;
    const kindCode = kind[i]!;
    const atMs = time[i]!;
    const savedMs = atMs + r.int(5, 50) * MINUTE;
    const id = ctx.ids.at(savedMs);
    const savedIso = iso(savedMs);

    let rated = 0;
    let low = -1;
    let high = -1;
    if (kindCode !== KIND_POTENTIAL) {
      rated = rateDrivers(ctx, a, score, chosen, ratings);
      for (let k = 0; k < rated; k++) {
        if (low < 0 || ratings[k]! < ratings[low]!) low = k;
        if (high < 0 || ratings[k]! > ratings[high]!) high = k;
      }
    }
    const category = score >= 0 ? categoryOf(score) : null;
    const focusDriver = rated === 0 ? -1 : category === 'promoter' ? chosen[high]! : chosen[low]!;

    let text: string | null = null;
    let sentiment: number | null = null;
    if (kindCode === KIND_POTENTIAL) {
      text = r.pick(POTENTIAL_VERBATIMS);
      sentiment = Math.round(r.range(0.1, 0.6) * 100) / 100;
    } else if (category && focusDriver >= 0 && r.chance(category === 'detractor' ? 0.75 : 0.55)) {
      text = verbatim(ctx, category, focusDriver, a.ownerFirst);
      const [lo, hi] = category === 'promoter' ? [0.35, 0.95] : category === 'passive' ? [-0.25, 0.45] : [-0.95, -0.25];
      sentiment = Math.round(r.range(lo, hi) * 100) / 100;
    }
    const transactional = kindCode === KIND_TRANSACTIONAL;
    const csat = score >= 0 && r.chance(transactional ? 0.85 : 0.25) ? clamp(Math.round(r.normal(1 + score * 0.4, 0.6)), 1, 5) : null;
    const ces = score >= 0 && r.chance(transactional ? 0.6 : 0.15) ? clamp(Math.round(r.normal(1.5 + score * 0.5, 0.8)), 1, 7) : null;
    const interviewer = r.chance(0.85) ? a.owner : r.pick(OWNERS);
    const tp = touchpoint[i]!;

    ctx.st.interview.run(
      id,
      a.id,
      ctx.contacts.ids[ci]!,
      KIND_CODES[kindCode]!,
      iso(atMs),
      interviewer,
      tp >= 0 ? ctx.touchpointIds[tp]! : null,
      score >= 0 ? score : null,
      csat,
      ces,
      text,
      sentiment,
      savedIso,
      savedIso,
    );
    for (let k = 0; k < rated; k++) {
      ctx.st.rating.run(ctx.ids.at(savedMs), id, ctx.driverIds[chosen[k]!]!, ratings[k]!, savedIso, savedIso);
    }
    ctx.summary.driver_ratings += rated;
    if (category === 'detractor' && atMs >= recentFrom && ctx.options.withActions !== false) {
      followUps.push({ interviewId: id, i, savedMs, lowDriver: low >= 0 ? chosen[low]! : -1 });
    }
    if ((p + 1) % 20_000 === 0) reportProgress(ctx, ctx.options.accounts + p + 1);
  }
  ctx.summary.interviews = filled;

  followUps.forEach((f, n) => insertFollowUp(ctx, n, f.interviewId, ctx.accounts[accIdx[f.i]!]!, contactIdx[f.i]!, time[f.i]!, f.savedMs, f.lowDriver));
}
