/**
 * QBRs for about a third of the accounts, with their notes, and those accounts' success-plan
 * milestones. QBR days are planned before interviews (QBR interviews happen on QBR days); the QBRs
 * themselves are written after, with ratings that follow the account's health that quarter.
 */
import { ACCOUNT_TIERS } from '../../../shared/domain/accounts';
import type { AccountTier } from '../../../shared/domain/accounts';
import { clamp } from '../random';
import { MILESTONE_TITLES, QBR_NOTES, QBR_SUMMARIES, QBR_TITLES } from '../vocabulary/qbrs-and-milestones';
import type { HealthBand } from '../vocabulary/qbrs-and-milestones';
import type { AccountSim, GenerationContext } from './context';
import { DAY, HOUR, iso, isoDate } from './timeline';

/** Sets qbrDay on the accounts that hold QBRs: the biggest tiers first, each needing two quarters or more. */
export function planQbrs(ctx: GenerationContext): void {
  const r = ctx.rng;
  const t = ctx.timeline;
  const tierRank = (tier: AccountTier): number => ACCOUNT_TIERS.indexOf(tier);
  const candidates = ctx.accounts
    .map((a, i) => ({ i, rank: tierRank(a.tier), key: r.next(), span: a.lastQ - a.startQ + 1 }))
    .filter((c) => c.span >= 2)
    .sort((a, b) => a.rank - b.rank || a.key - b.key || a.i - b.i);
  const target = Math.round(ctx.options.accounts / 3);
  for (const c of candidates.slice(0, target)) {
    const a = ctx.accounts[c.i]!;
    const days = new Float64Array(t.n).fill(Number.NaN);
    for (let j = a.startQ; j <= a.lastQ; j++) {
      if (t.days[j]! < 20) continue;
      const day = t.start[j]! + Math.floor(t.days[j]! * r.range(0.45, 0.9)) * DAY;
      if (day < t.start[j]! + t.days[j]! * DAY) days[j] = day;
    }
    a.qbrDay = days;
  }
}

export function insertQbrsAndMilestones(ctx: GenerationContext): void {
  const r = ctx.rng;
  const t = ctx.timeline;
  for (const a of ctx.accounts) {
    if (!a.qbrDay) continue;
    const style = r.pick(QBR_TITLES);
    for (let j = a.startQ; j <= a.lastQ; j++) {
      const day = a.qbrDay[j]!;
      if (Number.isNaN(day)) continue;
      const h = a.health[j]!;
      const rate = (): number => clamp(Math.round(r.normal(3.3 + 0.9 * h, 0.6)), 1, 5);
      const tools = rate();
      const investment = rate();
      const desire = rate();
      const mean = (tools + investment + desire) / 3;
      const band: HealthBand = mean >= 3.7 ? 'good' : mean >= 2.7 ? 'mixed' : 'poor';
      const createdMs = Math.min(day + 18 * HOUR, t.todayMs - HOUR);
      const stamp = iso(createdMs);
      const qbrId = ctx.ids.at(createdMs);
      ctx.st.qbr.run(qbrId, a.id, isoDate(day), style.replace('{quarter}', t.labels[j]!), tools, investment, desire, r.pick(QBR_SUMMARIES[band]), stamp, stamp);
      ctx.summary.qbrs++;
      const notes = r.sample(QBR_NOTES[band].length, r.int(2, 3));
      notes.forEach((noteIndex, position) => {
        ctx.st.qbrNote.run(ctx.ids.at(createdMs), qbrId, QBR_NOTES[band][noteIndex]!, position, stamp, stamp);
        ctx.summary.qbr_notes++;
      });
    }
    insertMilestones(ctx, a);
  }
}

/** Some achieved on time, some late, some still pending: adherence feeds the Success Vector. */
function insertMilestones(ctx: GenerationContext, a: AccountSim): void {
  const r = ctx.rng;
  const t = ctx.timeline;
  const count = r.int(4, 7);
  const firstDue = t.start[a.startQ]! + 30 * DAY;
  const lastDue = t.todayMs + 120 * DAY;
  for (const titleIndex of r.sample(MILESTONE_TITLES.length, count)) {
    const dueMs = firstDue + Math.floor(r.next() * ((lastDue - firstDue) / DAY)) * DAY;
    const q = clamp(Math.floor((dueMs - t.start[0]!) / (91 * DAY)), a.startQ, t.n - 1);
    const h = a.health[q]!;
    let achievedMs: number | null = null;
    if (dueMs < t.todayMs) {
      const x = r.next();
      const onTime = clamp(0.55 + 0.2 * h, 0.15, 0.9);
      if (x < onTime) achievedMs = dueMs - r.int(0, 20) * DAY;
      else if (x < onTime + (1 - onTime) * 0.6) {
        const late = dueMs + r.int(3, 75) * DAY;
        achievedMs = late < t.todayMs ? late : null;
      }
    } else if (r.chance(0.15)) {
      achievedMs = t.todayMs - r.int(1, 20) * DAY;
    }
    const createdMs = Math.min(Math.max(a.createdMs + DAY, dueMs - r.int(90, 200) * DAY), t.todayMs - DAY);
    if (achievedMs !== null) achievedMs = Math.max(achievedMs, createdMs);
    const updatedMs = achievedMs ?? createdMs;
    ctx.st.milestone.run(
      ctx.ids.at(createdMs),
      a.id,
      MILESTONE_TITLES[titleIndex]!,
      isoDate(dueMs),
      achievedMs === null ? null : isoDate(achievedMs),
      iso(createdMs),
      iso(Math.max(updatedMs, createdMs)),
    );
    ctx.summary.milestones++;
  }
}
