import type BetterSqlite3 from 'better-sqlite3';
import type { Row } from './lookups';
import type { Op, RecordKind, RowPlan } from './plan-ops';
import { TABLE_OF } from './plan-ops';
import type { RowWriter } from './writer';
import type { TouchedResponses } from './metric-marks';
import type { ChangedTexts } from '../../search/bulk-load';

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
  private readonly lastBucket = new Map<RecordKind, InsertBucket>();
  rows = 0;

  constructor(readonly fingerprint: string) {}

  add(plan: RowPlan): void {
    this.newInterviewIds = null;
    this.knownResponseRatings = null;
    for (const op of plan.ops) {
      if (op.action === 'create') {
        // Rows of a kind nearly always have the columns of the one before: checked in place, without a key string per row.
        let bucket = this.lastBucket.get(op.kind);
        if (!bucket || !sameColumns(bucket.columns, op.values)) {
          const columns = Object.keys(op.values);
          const key = `${op.kind}|${columns.join(',')}`;
          bucket = this.buckets.get(key);
          if (!bucket) {
            bucket = { kind: op.kind, columns, rows: [] };
            this.buckets.set(key, bucket);
          }
          this.lastBucket.set(op.kind, bucket);
        }
        const columns = bucket.columns;
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

  private newInterviewIds: Set<string> | null = null;

  /** Ids of the responses the plan creates (made once: the marks and the writes both ask). */
  private newInterviews(): Set<string> {
    if (this.newInterviewIds) return this.newInterviewIds;
    const ids = new Set<string>();
    for (const bucket of this.buckets.values()) {
      if (bucket.kind !== 'interview') continue;
      const idAt = bucket.columns.indexOf('id');
      for (const row of bucket.rows) ids.add(row[idAt] as string);
    }
    this.newInterviewIds = ids;
    return ids;
  }

  get empty(): boolean {
    return this.rows === 0;
  }

  /** The rows this plan writes whose search documents it may change, for indexing them once (main/search/bulk-load.ts). */
  changedTexts(): ChangedTexts {
    const newInterviews = this.newInterviews();
    const changed: { [K in keyof ChangedTexts]: string[] } = { interviews: [...newInterviews], ratings: this.ratingsOfKnownResponses(), qbrs: [], qbrNotes: [], actions: [] };
    const listOf = (kind: RecordKind) => (kind === 'interview' ? changed.interviews : kind === 'qbr' ? changed.qbrs : kind === 'qbr_note' ? changed.qbrNotes : kind === 'action' ? changed.actions : null);
    for (const bucket of this.buckets.values()) {
      // New responses are in already, with the ratings they carry.
      const list = bucket.kind === 'interview' ? null : listOf(bucket.kind);
      if (!list) continue;
      const idAt = bucket.columns.indexOf('id');
      for (const row of bucket.rows) list.push(row[idAt] as string);
    }
    for (const op of this.updates) listOf(op.kind)?.push(op.id);
    return changed;
  }

  /** The responses this plan writes, for marking metric summaries once when their triggers are suspended. */
  touched(): TouchedResponses {
    const touched: TouchedResponses = { interviews: [], ratings: this.ratingsOfKnownResponses(), contacts: [], created: [] };
    // Per account, the months marked: a month is the interviewed_at's first seven characters (monthOf in migration 004).
    const months = new Map<string, Set<string>>();
    for (const bucket of this.buckets.values()) {
      if (bucket.kind !== 'interview') continue;
      const accountAt = bucket.columns.indexOf('account_id');
      const atAt = bucket.columns.indexOf('interviewed_at');
      for (const row of bucket.rows) {
        const accountId = row[accountAt] as string;
        const at = row[atAt] as string;
        let marked = months.get(accountId);
        if (!marked) months.set(accountId, (marked = new Set()));
        const month = at.slice(0, 7);
        if (marked.has(month)) continue;
        marked.add(month);
        touched.created.push([accountId, at]);
      }
    }
    for (const op of this.updates) {
      if (op.kind === 'interview') touched.interviews.push(op.id);
      else if (op.kind === 'contact') touched.contacts.push(op.id);
    }
    return touched;
  }

  /**
   * The ratings this plan creates or changes, but not those of the responses it creates: those are marked
   * and indexed through their response. Both the metric marks and the search lists ask (a copy each).
   */
  private ratingsOfKnownResponses(): string[] {
    if (!this.knownResponseRatings) {
      const newInterviews = this.newInterviews();
      const ratings: string[] = [];
      for (const bucket of this.buckets.values()) {
        if (bucket.kind !== 'driver_rating') continue;
        const idAt = bucket.columns.indexOf('id');
        const interviewAt = bucket.columns.indexOf('interview_id');
        for (const row of bucket.rows) if (!newInterviews.has(row[interviewAt] as string)) ratings.push(row[idAt] as string);
      }
      for (const op of this.updates) if (op.kind === 'driver_rating') ratings.push(op.id);
      this.knownResponseRatings = ratings;
    }
    return [...this.knownResponseRatings];
  }

  private knownResponseRatings: string[] | null = null;

  /**
   * Writes everything, with the change-log entries undo works from, all carrying the import's id:
   * - one entry listing every record the import created, `{entity_type: 'import', entity_id: <import id>,
   *   op: 'insert', changes: {created: {<record kind>: [ids in write order]}}}`. The records' values are
   *   their rows' own and their stamp is the entry's (created_at = updated_at = changed_at); a row per
   *   record here was a quarter of what a 100k-row import wrote. Ratings of a new response are not
   *   listed: they are created and undone with it.
   * - one entry per updated record with the before-image of every field it changed, which undo restores.
   * `consume`: each table's rows are let go once written (the plan cannot be written again).
   */
  execute(writer: RowWriter, stamp: string, onProgress?: (done: number, total: number) => void, consume = false): void {
    const buckets = [...this.buckets.values()].sort((a, b) => WRITE_ORDER.indexOf(a.kind) - WRITE_ORDER.indexOf(b.kind));
    const newInterviews = this.newInterviews();
    const created: Partial<Record<RecordKind, string[]>> = {};
    let done = 0;
    for (const bucket of buckets) {
      const table = TABLE_OF[bucket.kind];
      const columns = [...bucket.columns.filter((c) => c !== 'created_at' && c !== 'updated_at' && c !== 'deleted_at'), 'created_at', 'updated_at', 'deleted_at'];
      const picks = columns.slice(0, -3).map((c) => bucket.columns.indexOf(c));
      const width = columns.length;
      // Rows go in INSERT statements of BATCH_ROWS rows each, the last few one by one: SQLite opens the
      // table and every index once per statement, and that was a third of a big import's insert time.
      const insertMany = writer.inserter(table, columns, BATCH_ROWS);
      const insertOne = writer.inserter(table, columns);
      const isRating = bucket.kind === 'driver_rating';
      const idAt = bucket.columns.indexOf('id');
      const interviewAt = bucket.columns.indexOf('interview_id');
      // One array for every batch of the bucket: the insert binds it at once, so nothing per row is allocated.
      const values = new Array<unknown>(width * BATCH_ROWS);
      for (let at = 0; at < values.length; at += width) {
        values[at + picks.length] = stamp;
        values[at + picks.length + 1] = stamp;
        values[at + picks.length + 2] = null;
      }
      let filled = 0;
      for (const row of bucket.rows) {
        const base = filled * width;
        for (let k = 0; k < picks.length; k++) values[base + k] = row[picks[k]!];
        if (++filled === BATCH_ROWS) {
          insertMany(values);
          filled = 0;
        }
        if (!isRating || !newInterviews.has(row[interviewAt] as string)) (created[bucket.kind] ??= []).push(row[idAt] as string);
        if ((++done & 4095) === 0) onProgress?.(done, this.rows);
      }
      for (let r = 0; r < filled; r++) insertOne(values.slice(r * width, (r + 1) * width));
      if (consume) bucket.rows = [];
    }
    if (Object.keys(created).length > 0) writer.logChange(CREATED_ENTRY_TYPE, writer.importId, 'insert', { created });
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

/** Rows per INSERT statement when a plan writes created records (a few dozen columns × 32 rows: far below SQLite's 32,766 values). */
const BATCH_ROWS = 32;

/** The change-log entity type of an import's one entry listing the records it created (`execute`). */
export const CREATED_ENTRY_TYPE = 'import';

/** Whether a row has exactly these columns, in this order. */
function sameColumns(columns: readonly string[], row: Row): boolean {
  let i = 0;
  for (const key in row) if (columns[i++] !== key) return false;
  return i === columns.length;
}

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
