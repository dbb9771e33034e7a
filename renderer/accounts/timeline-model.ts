import type { TimelineItem, TimelineKind } from '../../shared/contract';

export const TIMELINE_KINDS: readonly TimelineKind[] = ['interview', 'qbr', 'action', 'milestone', 'arr'];

export const TIMELINE_KIND_LABELS: Record<TimelineKind, { one: string; many: string }> = {
  interview: { one: 'Interview', many: 'Interviews' },
  qbr: { one: 'QBR', many: 'QBRs' },
  action: { one: 'Action', many: 'Actions' },
  milestone: { one: 'Milestone', many: 'Milestones' },
  arr: { one: 'ARR change', many: 'ARR changes' },
};

/** Newest first, whatever order the items came in; only the kinds asked for (none asked: all). */
export function filterTimeline(items: readonly TimelineItem[], kinds: ReadonlySet<TimelineKind>): TimelineItem[] {
  return items.filter((i) => kinds.size === 0 || kinds.has(i.kind)).sort((a, b) => b.at.localeCompare(a.at));
}

export function countByKind(items: readonly TimelineItem[]): Record<TimelineKind, number> {
  const counts: Record<TimelineKind, number> = { interview: 0, qbr: 0, action: 0, milestone: 0, arr: 0 };
  for (const item of items) counts[item.kind]++;
  return counts;
}
