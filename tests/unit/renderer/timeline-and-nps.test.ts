import { describe, expect, it } from 'vitest';
import type { TimelineItem } from '../../../shared/contract';
import { countByKind, filterTimeline } from '../../../renderer/accounts/timeline-model';
import { npsCategory } from '../../../renderer/components/nps';
import { backupReasonLabel } from '../../../renderer/workspace/backup-list';
import { areaForPath, AREAS, resolveRoute } from '../../../renderer/app/areas';

const item = (id: string, kind: TimelineItem['kind'], at: string): TimelineItem => ({
  id,
  kind,
  at,
  title: id,
  detail: null,
  score: null,
  amountMinor: null,
  status: null,
  contactName: null,
  contactRole: null,
  contactLevel: null,
});

describe('timeline', () => {
  const items = [item('a', 'arr', '2025-01-01'), item('b', 'interview', '2025-06-01T10:00:00Z'), item('c', 'qbr', '2025-03-01'), item('d', 'interview', '2024-12-01T09:00:00Z')];

  it('shows newest first, all kinds when none is picked', () => {
    expect(filterTimeline(items, new Set()).map((i) => i.id)).toEqual(['b', 'c', 'a', 'd']);
  });

  it('shows only the kinds picked', () => {
    expect(filterTimeline(items, new Set(['interview'])).map((i) => i.id)).toEqual(['b', 'd']);
    expect(countByKind(items)).toEqual({ interview: 2, qbr: 1, action: 0, milestone: 0, arr: 1 });
  });
});

describe('npsCategory', () => {
  it('0–6 detractor, 7–8 passive, 9–10 promoter, none without a score', () => {
    expect([0, 6, 7, 8, 9, 10].map(npsCategory)).toEqual(['detractor', 'detractor', 'passive', 'passive', 'promoter', 'promoter']);
    expect(npsCategory(null)).toBeNull();
  });
});

describe('navigation', () => {
  it('has the eight areas in shortcut order', () => {
    expect(AREAS.map((a) => a.label)).toEqual(['Accounts', 'Interviews', 'Journeys', 'Segments', 'Monetization', 'QBRs', 'Import/Export', 'Settings']);
  });

  it('knows which area a path belongs to, and maps menu routes that use other words', () => {
    expect(areaForPath('/accounts/0190-abc')?.id).toBe('accounts');
    expect(areaForPath('/nowhere')).toBeUndefined();
    expect(resolveRoute('/metrics')).toBe('/monetization');
    expect(resolveRoute('settings')).toBe('/settings');
  });
});

describe('backupReasonLabel', () => {
  it('reads like a sentence', () => {
    expect(backupReasonLabel('manual')).toBe('Backed up by hand');
    expect(backupReasonLabel('pre-migration')).toBe('Pre migration');
    expect(backupReasonLabel('scheduled')).toBe('Scheduled');
  });
});
