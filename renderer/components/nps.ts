import type { NpsCategory } from '../../shared/domain/metrics-types';

/** 0–6 detractor, 7–8 passive, 9–10 promoter (metrics.md §1). */
export function npsCategory(score: number | null | undefined): NpsCategory | null {
  if (score === null || score === undefined || !Number.isFinite(score)) return null;
  if (score >= 9) return 'promoter';
  if (score >= 7) return 'passive';
  return 'detractor';
}

export const NPS_CATEGORY_LABELS: Record<NpsCategory, string> = {
  promoter: 'Promoter',
  passive: 'Passive',
  detractor: 'Detractor',
};
