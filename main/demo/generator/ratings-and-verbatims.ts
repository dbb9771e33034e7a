/** What an interview says beyond its score: which drivers were rated how, and the verbatim. */
import { clamp } from '../random';
import { DRIVERS, DRIVER_VERBATIMS, GENERIC_VERBATIMS } from '../vocabulary/drivers-and-verbatims';
import type { Category } from '../vocabulary/drivers-and-verbatims';
import type { AccountSim, GenerationContext } from './context';

/** Some drivers are harder to get right than others across the whole book (indexed like DRIVERS). */
const DRIVER_BIAS = [0, -0.15, 0.1, 0.15, -0.35, -0.2, -0.1, 0.3, -0.05];

export function categoryOf(nps: number): Category {
  return nps >= 9 ? 'promoter' : nps >= 7 ? 'passive' : 'detractor';
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * 2–4 drivers; detractors tend to rate the account's pain drivers, promoters its strength. Fills
 * `chosen` (driver indexes) and `ratings` (1–5) and returns how many were rated.
 */
export function rateDrivers(ctx: GenerationContext, a: AccountSim, score: number, chosen: Int32Array, ratings: Int8Array): number {
  const r = ctx.rng;
  const count = r.int(2, 4);
  let filled = 0;
  const lean = score >= 0 && score <= 6 ? a.painDrivers[0]! : score >= 9 ? a.strengthDriver : -1;
  if (lean >= 0 && r.chance(0.7)) chosen[filled++] = lean;
  while (filled < count) {
    const d = r.int(0, DRIVERS.length - 1);
    let dup = false;
    for (let k = 0; k < filled; k++) if (chosen[k] === d) dup = true;
    if (!dup) chosen[filled++] = d;
  }
  const base = score >= 0 ? 1.2 + 0.33 * score : 3;
  for (let k = 0; k < filled; k++) {
    const d = chosen[k]!;
    const effect = (a.painDrivers.includes(d) ? -0.9 : 0) + (d === a.strengthDriver ? 0.6 : 0) + DRIVER_BIAS[d]!;
    ratings[k] = clamp(Math.round(r.normal(base + effect, 0.7)), 1, 5);
  }
  return filled;
}

/** A driver-specific sentence, sometimes followed by a generic one, as a stakeholder in that category would say it. */
export function verbatim(ctx: GenerationContext, category: Category, driver: number, leadFirst: string): string {
  const r = ctx.rng;
  let text = r.pick(DRIVER_VERBATIMS[driver]![category]).replace('{lead}', leadFirst);
  if (r.chance(0.5)) {
    const extra = r.pick(GENERIC_VERBATIMS[category]);
    const filled = extra.replace('{driver}', ctx.driverNamesLower[driver]!);
    text += ' ' + (extra.startsWith('{driver}') ? capitalize(filled) : filled);
  }
  return text;
}
