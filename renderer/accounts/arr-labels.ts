import type { ArrChangeKind } from '../../shared/domain/accounts';

export const ARR_KIND_LABELS: Record<ArrChangeKind, string> = {
  new: 'New business',
  renewal: 'Renewal',
  expansion: 'Expansion',
  contraction: 'Contraction',
  churn: 'Churn',
  adjustment: 'Adjustment',
};

export function arrKindLabel(kind: string): string {
  return (ARR_KIND_LABELS as Record<string, string>)[kind] ?? kind.charAt(0).toUpperCase() + kind.slice(1);
}

export const ARR_KIND_TONE: Record<ArrChangeKind, string> = {
  new: 'badge--accent',
  renewal: '',
  expansion: 'badge--success',
  contraction: 'badge--warning',
  churn: 'badge--danger',
  adjustment: '',
};
