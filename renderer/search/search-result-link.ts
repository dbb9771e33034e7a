import type { SearchHit } from '../../shared/contract';

/** Where a hit opens: its interview (a verbatim, a note, or an action opened from one), else the account. */
export function hitHref(hit: Pick<SearchHit, 'interviewId' | 'accountId'>): string {
  return hit.interviewId ? `/interviews/record/${hit.interviewId}` : `/accounts/${hit.accountId}`;
}

export const SOURCE_NAMES = {
  verbatim: 'Verbatim',
  interview_note: 'Interview notes',
  qbr_note: 'QBR notes',
  action_outcome: 'Action outcome',
} as const;
