/**
 * What a plan does to each record, counted once per record: a record created by one row and touched
 * by another is one new record. New responses and ratings that no later row can match (the planner's
 * `rememberNewResponses: false`) are only counted, so a 100k-row file keeps no entry per response.
 */
import { TABLE_OF, type Op, type RecordKind } from './plan-ops';

const ACTIONS: Op['action'][] = ['create', 'update', 'unchanged'];
const KINDS = Object.keys(TABLE_OF) as RecordKind[];

export type RecordCounts = Record<string, { new: number; updated: number; unchanged: number }>;

export class RecordTally {
  /** Final action per record id (kind × action, packed). */
  private readonly states = new Map<string, number>();
  private readonly unnamedCreates = { interview: 0, driver_rating: 0 };

  constructor(private readonly rememberNewResponses: boolean) {}

  remember(op: Op): void {
    if (op.action === 'create' && !this.rememberNewResponses && (op.kind === 'interview' || op.kind === 'driver_rating')) {
      this.unnamedCreates[op.kind]++;
      return;
    }
    const previous = this.states.get(op.id);
    const action = ACTIONS.indexOf(op.action);
    // create (0) beats update (1) beats unchanged (2)
    if (previous !== undefined && previous % 3 <= action) return;
    this.states.set(op.id, KINDS.indexOf(op.kind) * 3 + action);
  }

  /** Per record kind: how many records the plan creates, updates, or leaves as they are. */
  counts(): RecordCounts {
    const counts: RecordCounts = {};
    for (const packed of this.states.values()) {
      const kind = KINDS[Math.floor(packed / 3)]!;
      const c = (counts[kind] ??= { new: 0, updated: 0, unchanged: 0 });
      const action = packed % 3;
      if (action === 0) c.new++;
      else if (action === 1) c.updated++;
      else c.unchanged++;
    }
    for (const kind of ['interview', 'driver_rating'] as const) {
      if (this.unnamedCreates[kind] > 0) (counts[kind] ??= { new: 0, updated: 0, unchanged: 0 }).new += this.unnamedCreates[kind];
    }
    return counts;
  }
}
