/** The simulator's moves as people type and read them. Pure. */
import type { SimulatorMoveInput } from '../../shared/contract/metrics';
import type { CategoryOrUnscored, NpsCategory } from '../../shared/domain/metrics-types';

export const CATEGORY_LABELS: Record<CategoryOrUnscored, string> = {
  promoter: 'Promoter',
  passive: 'Passive',
  detractor: 'Detractor',
  unscored: 'Unscored',
};

/** "2.5" (percent of scored ARR) → 0.025, or the reason it cannot be one. */
export function parseSharePercent(text: string): { share: number } | { error: string } {
  const trimmed = text.trim().replace(',', '.');
  if (!trimmed) return { error: 'Enter a share of scored ARR, e.g. 5 for 5%.' };
  if (!/^\d+(\.\d+)?$/.test(trimmed)) return { error: 'Enter the share as a number of percent, e.g. 5 or 2.5.' };
  const percent = Number(trimmed);
  if (percent <= 0 || percent > 100) return { error: 'The share must be more than 0% and at most 100%.' };
  return { share: percent / 100 };
}

export function shareMove(from: NpsCategory, to: NpsCategory, share: number): SimulatorMoveInput | { error: string } {
  if (from === to) return { error: 'Choose two different categories.' };
  return { kind: 'share', from, to, shareOfScoredArr: share };
}

/** One line per move: "5% of scored ARR: Detractor → Promoter", "Acme, Globex → Promoter". */
export function describeMove(move: SimulatorMoveInput, names: ReadonlyMap<string, string>, locale: string): string {
  if (move.kind === 'share') {
    const percent = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(move.shareOfScoredArr * 100);
    return `${percent}% of scored ARR: ${CATEGORY_LABELS[move.from]} → ${CATEGORY_LABELS[move.to]}`;
  }
  const known = move.accountIds.map((id) => names.get(id)).filter((name): name is string => name !== undefined);
  const count = move.accountIds.length;
  if (known.length === 0) return `${count} named ${count === 1 ? 'account' : 'accounts'} → ${CATEGORY_LABELS[move.to]}`;
  const shown = known.slice(0, 3);
  const more = count - shown.length;
  return `${shown.join(', ')}${more > 0 ? ` and ${more} more` : ''} → ${CATEGORY_LABELS[move.to]}`;
}
