import { describe, expect, it } from 'vitest';
import { WritePlan } from '../../../main/workbook/pipeline/write-plan';
import type { Op, RecordKind } from '../../../main/workbook/pipeline/plan-ops';

const create = (kind: RecordKind, id: string, values: Record<string, unknown> = {}): Op => ({ kind, action: 'create', id, values: { id, ...values }, before: null, label: id, matchedBy: null });
const update = (kind: RecordKind, id: string): Op => ({ kind, action: 'update', id, values: { nps: 1 }, before: { nps: 2 }, label: id, matchedBy: 'external id', previousUpdatedAt: 'earlier' });
const unchanged = (kind: RecordKind, id: string): Op => ({ kind, action: 'unchanged', id, values: {}, before: null, label: id, matchedBy: 'external id' });

describe('the rows whose search documents a write plan changes', () => {
  it('names created and updated texts; ratings only of responses it does not create; nothing unchanged or textless', () => {
    const plan = new WritePlan('fingerprint');
    plan.add({ row: 2, status: 'new', problems: [], ops: [create('account', 'a1'), create('contact', 'c1'), create('interview', 'i-new'), create('driver_rating', 'r-of-new', { interview_id: 'i-new' })] });
    plan.add({ row: 3, status: 'updated', problems: [], ops: [unchanged('account', 'a1'), update('interview', 'i-old'), create('driver_rating', 'r-of-old', { interview_id: 'i-kept' }), update('driver_rating', 'r-updated')] });
    plan.add({ row: 4, status: 'new', problems: [], ops: [update('qbr', 'q-old'), create('qbr_note', 'n-new'), update('qbr_note', 'n-old')] });
    plan.add({ row: 5, status: 'new', problems: [], ops: [create('action', 'x-new'), update('action', 'x-old'), unchanged('interview', 'i-same'), update('contact', 'c2')] });
    expect(plan.changedTexts()).toEqual({
      interviews: ['i-new', 'i-old'],
      ratings: ['r-of-old', 'r-updated'],
      qbrs: ['q-old'],
      qbrNotes: ['n-new', 'n-old'],
      actions: ['x-new', 'x-old'],
    });
  });
});
