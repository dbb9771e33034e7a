/** Follow-up actions on recent detractors (with realistic loop closure) and expansion actions on healthy accounts. */
import { ACTION_OUTCOMES, ACTION_TITLES, ACTION_TITLES_NO_DRIVER, EXPANSION_ACTION_TITLES } from '../vocabulary/actions';
import { LEVEL_CODES } from './contacts';
import type { AccountSim, GenerationContext } from './context';
import { DAY, HOUR, MINUTE, iso } from './timeline';

/**
 * Loop closure as it really goes: most contacted within 48 h and closed within two weeks, some not.
 * `n` is the follow-up's position among all follow-ups of the run.
 */
export function insertFollowUp(
  ctx: GenerationContext,
  n: number,
  interviewId: string,
  a: AccountSim,
  ci: number,
  openedMs: number,
  savedMs: number,
  lowDriver: number,
): void {
  const r = ctx.rng;
  // The simulated "now": events that would happen after it have not happened yet.
  const now = ctx.timeline.todayMs;
  // People call back in office hours: anything computed for the night moves to the next morning.
  const toMinute = (ms: number): number => {
    const rounded = Math.round(ms / (5 * MINUTE)) * 5 * MINUTE;
    const hour = new Date(rounded).getUTCHours();
    const midnight = rounded - (rounded % DAY);
    if (hour < 8) return midnight + 8 * HOUR + (rounded % HOUR);
    if (hour >= 18) return midnight + DAY + 8 * HOUR + (rounded % HOUR);
    return rounded;
  };
  // The action is opened by saving the interview, but dated at the interview: the 48 h clock starts there.
  const createdMs = savedMs + MINUTE;
  const contactedMs = toMinute(createdMs + Math.exp(r.normal(Math.log(20), 0.9)) * HOUR);
  const closedMs = toMinute(contactedMs + Math.exp(r.normal(Math.log(6), 0.7)) * DAY);
  // Fixed shares rather than coin flips, so that even the demo's few dozen follow-ups include some
  // never contacted (overdue) and some contacted but never closed.
  const neglected = n % 14 === 3;
  const stalled = n % 20 === 7;
  let status: 'open' | 'contacted' | 'closed' = 'open';
  if (!neglected && contactedMs <= now) status = !stalled && closedMs <= now ? 'closed' : 'contacted';
  const name = ctx.contacts.names[ci]!;
  const template = lowDriver >= 0 ? r.pick(ACTION_TITLES) : r.pick(ACTION_TITLES_NO_DRIVER);
  const title = template.replace('{contact}', name).replace('{driver}', lowDriver >= 0 ? ctx.driverNamesLower[lowDriver]! : '');
  const updatedMs = status === 'closed' ? closedMs : status === 'contacted' ? contactedMs : createdMs;
  ctx.st.action.run(
    ctx.ids.at(createdMs),
    a.id,
    interviewId,
    ctx.contacts.ids[ci]!,
    'follow_up',
    title,
    a.owner,
    LEVEL_CODES[ctx.contacts.level[ci]!]!,
    status,
    iso(openedMs),
    iso(openedMs + 48 * HOUR),
    iso(openedMs + 14 * DAY),
    status === 'open' ? null : iso(contactedMs),
    status === 'closed' ? iso(closedMs) : null,
    status === 'closed' ? r.pick(ACTION_OUTCOMES) : null,
    iso(createdMs),
    iso(updatedMs),
  );
  ctx.summary.actions++;
}

/** A few healthy, still-active accounts get an expansion action with their decision maker. */
export function insertExpansionActions(ctx: GenerationContext): void {
  const r = ctx.rng;
  const t = ctx.timeline;
  const n = t.n;
  for (const a of ctx.accounts) {
    if (a.lastQ !== n - 1 || a.health[n - 1]! < 0.4 || !r.chance(0.15)) continue;
    let ci = -1;
    for (let k = 0; k < a.contactCount; k++) if (ctx.contacts.role[a.contactStart + k] === 0) ci = a.contactStart + k;
    if (ci < 0) continue;
    const openedMs = t.todayMs - r.int(3, 60) * DAY + r.int(8, 17) * HOUR - DAY;
    const contacted = r.chance(0.5);
    const contactedMs = openedMs + r.int(1, 5) * DAY;
    const status = contacted && contactedMs < t.todayMs ? 'contacted' : 'open';
    const stamp = iso(openedMs);
    ctx.st.action.run(
      ctx.ids.at(openedMs),
      a.id,
      null,
      ctx.contacts.ids[ci]!,
      'expansion',
      r.pick(EXPANSION_ACTION_TITLES),
      a.owner,
      'executive',
      status,
      stamp,
      null,
      null,
      status === 'contacted' ? iso(contactedMs) : null,
      null,
      null,
      stamp,
      status === 'contacted' ? iso(contactedMs) : stamp,
    );
    ctx.summary.actions++;
  }
}
