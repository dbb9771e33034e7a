import type BetterSqlite3 from 'better-sqlite3';
import type { Row } from './lookups';
import type { Op, RecordKind, RowPlan } from './planner';
import { TABLE_OF } from './planner';
import type { RowWriter } from './writer';
import type { TouchedResponses } from './metric-marks';

/** Parents before children, so every foreign key finds its row. */
const WRITE_ORDER: RecordKind[] = ['account', 'contact', 'driver', 'arr_record', 'interview', 'driver_rating', 'qbr', 'qbr_note', 'action'];

interface InsertBucket {
  kind: RecordKind;
  columns: string[];
  rows: unknown[][];
}

/**
 * What a commit writes, built while the preview plans: inserts as compact value arrays per table (a
 * hundred thousand rows stay small), updates as they were planned. When the workspace has not changed
 * since the preview, the commit writes exactly this, without planning again.
 */
export class WritePlan {
  private readonly buckets = new Map<string, InsertBucket>();
  private readonly updates: Op[] = [];
  rows = 0;

  constructor(readonly fingerprint: string) {}

  add(plan: RowPlan): void {
    for (const op of plan.ops) {
      if (op.action === 'create') {
        const columns = Object.keys(op.values);
        const key = `${op.kind}|${columns.join(',')}`;
        let bucket = this.buckets.get(key);
        if (!bucket) {
          bucket = { kind: op.kind, columns, rows: [] };
          this.buckets.set(key, bucket);
        }
        const values = new Array<unknown>(columns.length);
        for (let i = 0; i < columns.length; i++) values[i] = op.values[columns[i]!];
        bucket.rows.push(values);
        this.rows++;
      } else if (op.action === 'update') {
        this.updates.push(op);
        this.rows++;
      }
    }
  }

  get empty(): boolean {
    return this.rows === 0;
  }

  /** The responses this plan writes, for marking metric summaries once when their triggers are suspended. */
  touched(): TouchedResponses {
    const touched: TouchedResponses = { interviews: [], ratings: [], contacts: [] };
    const newInterviews = new Set<string>();
    for (const bucket of this.buckets.values()) {
      if (bucket.kind !== 'interview') continue;
      const idAt = bucket.columns.indexOf('id');
      for (const row of bucket.rows) newInterviews.add(row[idAt] as string);
    }
    touched.interviews.push(...newInterviews);
    for (const bucket of this.buckets.values()) {
      if (bucket.kind !== 'driver_rating') continue;
      const idAt = bucket.columns.indexOf('id');
      const interviewAt = bucket.columns.indexOf('interview_id');
      // A new response's ratings are marked through it.
      for (const row of bucket.rows) if (!newInterviews.has(row[interviewAt] as string)) touched.ratings.push(row[idAt] as string);
    }
    for (const op of this.updates) {
      if (op.kind === 'interview') touched.interviews.push(op.id);
      else if (op.kind === 'driver_rating') touched.ratings.push(op.id);
      else if (op.kind === 'contact') touched.contacts.push(op.id);
    }
    return touched;
  }

  /**
   * Writes everything; each created or changed record gets its change-log entry with the import's id.
   * `consume`: each table's rows are let go once written (the plan cannot be written again).
   */
  execute(writer: RowWriter, stamp: string, onProgress?: (done: number, total: number) => void, consume = false): void {
    const buckets = [...this.buckets.values()].sort((a, b) => WRITE_ORDER.indexOf(a.kind) - WRITE_ORDER.indexOf(b.kind));
    // Driver id and rating, pair after pair: an object keyed by driver ids per response would be a
    // dictionary each (a 100k-row import held 100k of them until the end of its commit).
    const ratingsByInterview = new Map<string, unknown[]>();
    const newInterviews = new Set<string>();
    for (const bucket of buckets) if (bucket.kind === 'interview') for (const row of bucket.rows) newInterviews.add(row[bucket.columns.indexOf('id')] as string);
    let done = 0;
    for (const bucket of buckets) {
      const table = TABLE_OF[bucket.kind];
      const columns = [...bucket.columns.filter((c) => c !== 'created_at' && c !== 'updated_at' && c !== 'deleted_at'), 'created_at', 'updated_at', 'deleted_at'];
      const picks = columns.slice(0, -3).map((c) => bucket.columns.indexOf(c));
      const insert = writer.inserter(table, columns);
      const isRating = bucket.kind === 'driver_rating';
      const idAt = bucket.columns.indexOf('id');
      const interviewAt = bucket.columns.indexOf('interview_id');
      const driverAt = bucket.columns.indexOf('driver_id');
      const ratingAt = bucket.columns.indexOf('rating');
      // One array for every row of the bucket: the insert binds it at once, so nothing per row is allocated.
      const values = new Array<unknown>(columns.length);
      values[picks.length] = stamp;
      values[picks.length + 1] = stamp;
      values[picks.length + 2] = null;
      for (const row of bucket.rows) {
        for (let k = 0; k < picks.length; k++) values[k] = row[picks[k]!];
        insert(values);
        if (isRating && newInterviews.has(row[interviewAt] as string)) {
          // Ratings of a new response are created and undone with it: they travel in its log entry.
          const interviewId = row[interviewAt] as string;
          let ratings = ratingsByInterview.get(interviewId);
          if (!ratings) ratingsByInterview.set(interviewId, (ratings = []));
          ratings.push(row[driverAt], row[ratingAt]);
        } else if (bucket.kind !== 'interview') {
          writer.logChange(bucket.kind, row[idAt] as string, 'insert', logValues(columns, values));
        }
        if ((++done & 4095) === 0) onProgress?.(done, this.rows);
      }
      if (consume && bucket.kind !== 'interview') bucket.rows = [];
    }
    for (const bucket of buckets) {
      if (bucket.kind !== 'interview') continue;
      const columns = [...bucket.columns, 'created_at', 'updated_at'];
      const idAt = bucket.columns.indexOf('id');
      for (const row of bucket.rows) {
        const changes = logValues(columns, [...row, stamp, stamp]);
        const pairs = ratingsByInterview.get(row[idAt] as string);
        const ratings: Record<string, unknown> = {};
        if (pairs) for (let k = 0; k < pairs.length; k += 2) ratings[pairs[k] as string] = pairs[k + 1];
        changes.ratings = ratings;
        writer.logChange('interview', row[idAt] as string, 'insert', changes);
      }
      if (consume) bucket.rows = [];
    }
    for (const op of this.updates) {
      writer.update(TABLE_OF[op.kind], { id: op.id }, { ...op.values, updated_at: stamp });
      const changes: Record<string, [unknown, unknown]> = {};
      for (const key of Object.keys(op.values)) changes[key] = [op.before![key] ?? null, op.values[key]];
      changes.updated_at = [op.previousUpdatedAt ?? null, stamp];
      writer.logChange(op.kind, op.id, 'update', changes);
      if ((++done & 4095) === 0) onProgress?.(done, this.rows);
    }
    onProgress?.(this.rows, this.rows);
  }
}

/**
 * A created record's log entry: its values, less what the entry itself already says (the record's id,
 * the import's id, the creation stamp) and empty fields. Undo reads `updated_at` (edited since?).
 */
function logValues(columns: readonly string[], values: readonly unknown[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (let i = 0; i < columns.length; i++) {
    const column = columns[i]!;
    if (values[i] === null || values[i] === undefined || OMITTED_FROM_LOG.has(column)) continue;
    out[column] = values[i];
  }
  return out;
}

const OMITTED_FROM_LOG = new Set(['id', 'import_id', 'created_at', 'deleted_at']);

/**
 * Changes to the workspace since a moment: this connection's write count (the only writer; other
 * windows go through the same core) and SQLite's data version for any other.
 */
export function workspaceFingerprint(raw: BetterSqlite3.Database): string {
  const { n } = raw.prepare('SELECT total_changes() AS n').get() as { n: number };
  const version = raw.pragma('data_version', { simple: true }) as number;
  return `${n}|${version}`;
}

export type { Row };
