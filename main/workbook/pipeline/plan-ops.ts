/**
 * What an import does to one record (an op), the tables the record kinds live in, and how a proposed
 * row becomes an op against what is already there.
 */
import type { RowStatus, ImportProblem } from '../../../shared/contract/workbook';
import type { Row } from './lookups';

export type RecordKind = 'account' | 'contact' | 'arr_record' | 'interview' | 'driver' | 'driver_rating' | 'qbr' | 'qbr_note' | 'action';

export const TABLE_OF: Record<RecordKind, string> = {
  account: 'accounts',
  contact: 'contacts',
  arr_record: 'arr_records',
  interview: 'interviews',
  driver: 'drivers',
  driver_rating: 'driver_ratings',
  qbr: 'qbrs',
  qbr_note: 'qbr_notes',
  action: 'actions',
};

export interface Op {
  kind: RecordKind;
  action: 'create' | 'update' | 'unchanged';
  id: string;
  /** create: every column but the stamps; update: the changed columns' new values. */
  values: Row;
  /** update: the changed columns' old values (the before-image undo restores). */
  before: Row | null;
  label: string;
  matchedBy: string | null;
  /** update: the record's updated_at before this import touched it. */
  previousUpdatedAt?: string | null;
}

export interface RowPlan {
  row: number;
  status: RowStatus;
  ops: Op[];
  problems: ImportProblem[];
}

/** The values of an unchanged record's op: none (shared, never written to). */
const NO_VALUES: Row = Object.freeze({}) as Row;

/**
 * The op for `proposed` against `existing` (null: a new record), pushed onto `push`. A matched record
 * takes the proposed values in place, so later rows of the same file see them.
 */
export function changeOp(kind: RecordKind, existing: Row | null, proposed: Row, label: string, matchedBy: string | null, push: Op[]): Op {
  if (!existing) {
    const op: Op = { kind, action: 'create', id: proposed.id as string, values: proposed, before: null, label, matchedBy: null };
    push.push(op);
    return op;
  }
  // Most matched records are unchanged: their change sets are made only when a field differs.
  let values: Row | null = null;
  let before: Row | null = null;
  for (const key in proposed) {
    const value = proposed[key];
    if (value === undefined || value === null) continue; // an empty cell never clears what is there
    if (existing[key] !== value) {
      values ??= {};
      before ??= {};
      values[key] = value;
      before[key] = existing[key] ?? null;
    }
  }
  const changed = values !== null;
  if (values) Object.assign(existing, values);
  const op: Op = { kind, action: changed ? 'update' : 'unchanged', id: existing.id as string, values: values ?? NO_VALUES, before, label, matchedBy, previousUpdatedAt: (existing.updated_at as string | undefined) ?? null };
  push.push(op);
  return op;
}
