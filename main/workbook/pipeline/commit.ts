import type BetterSqlite3 from 'better-sqlite3';
import type { CommitResult, ImportRecord } from '../../../shared/contract/workbook';
import { nowIso } from '../../db/clock';
import { withSearchIndexingDeferred } from '../../search/bulk-load';
import { withMetricMarksDeferred } from '../../metrics/engine/summaries';
import { MARK_TOUCHED_SQL, markParams } from './metric-marks';
import { refuse } from '../refusal';
import { analyse } from './analyse';
import type { Analysis } from './analyse';
import { idMaker } from './batch-ids';
import { importRecordOf } from './history';
import { rememberMapping } from './mapping-memory';
import type { StagedImport } from './staging';
import type { WorkspaceFacts } from './workspace-facts';
import { workspaceFingerprint } from './write-plan';
import { RowWriter } from './writer';
import { WRITE_CACHE_KIB, withPageCacheBounded, withTempStoreInMemory } from './temp-store';

export class NothingChanged extends Error {}

/**
 * Writes a staged import in one transaction: the preview's plan when the workspace is unchanged since,
 * else a plan made again now. Under the import's id, the change log lists every record it created and
 * holds the before-image of every field it changed (write-plan.ts), so undo restores exactly.
 * Re-importing the same file plans no change and writes nothing at all.
 */
export function writeImport(
  raw: BetterSqlite3.Database,
  staged: StagedImport,
  facts: WorkspaceFacts,
  previewed: Analysis | null,
  onProgress?: (done: number, total: number) => void,
  onPlanReused?: () => void,
): ImportRecord | null {
  const stamp = nowIso();
  // Nothing writes between here and the transaction's start (the core runs one call at a time).
  const reused = previewed !== null && previewed.writePlan.fingerprint === workspaceFingerprint(raw);
  // The staged rows and the preview's per-row details are not needed to write the plan: the caller
  // lets go of them (a big import's peak memory is at the end of its commit), and the plan gives up its
  // rows as they are written. After a failure, such a session must be previewed again.
  if (reused && !previewed.writePlan.empty) onPlanReused?.();
  const consume = reused && !previewed.writePlan.empty && onPlanReused !== undefined;
  const run = raw.transaction(() => {
    const analysis = reused ? previewed : analyse(raw, staged, facts);
    const importId = analysis.importId;
    const writer = new RowWriter(raw, importId, stamp, idMaker());
    const load = () => analysis.writePlan.execute(writer, stamp, onProgress, consume);
    // A big import defers search indexing (its own documents, indexed once) and the metric summaries'
    // per-row marks to one pass each.
    // What they name is read from the plan before it is written (the write lets go of its rows).
    if (analysis.writePlan.rows >= BULK_ROWS) {
      const changed = analysis.writePlan.changedTexts();
      const touched = markParams(analysis.writePlan.touched());
      withSearchIndexingDeferred(raw, () => withMetricMarksDeferred(raw, load, MARK_TOUCHED_SQL, touched), changed);
    } else load();
    const mappingChanged = rememberMapping(raw, staged.shapeKey, {
      entity: staged.entity,
      headerRows: staged.headerRows,
      columns: staged.columns.map((c) => ({ column: c.column, header: staged.headers[c.column] ?? '', field: c.field })),
    });
    if (writer.changes === 0) {
      if (mappingChanged) return null;
      throw new NothingChanged();
    }
    const summary = { rows: analysis.rowCounts, records: analysis.records, sheet: staged.sheetName, headerRows: staged.headerRows, preset: staged.preset };
    raw
      .prepare('INSERT INTO imports (id, file_name, file_sha256, source_shape, entity, summary_json, committed_at, undone_at, created_at, updated_at) VALUES (?,?,?,?,?,?,?,NULL,?,?)')
      .run(importId, staged.fileName, staged.sha256, staged.shapeKey, staged.entity, JSON.stringify(summary), stamp, stamp, stamp);
    return importId;
  });
  let id: string | null;
  try {
    id = withTempStoreInMemory(raw, () => withPageCacheBounded(raw, WRITE_CACHE_KIB, () => run.immediate()));
  } catch (err) {
    if (err instanceof NothingChanged) return null;
    throw err;
  }
  if (!id) return null;
  return importRecordOf(raw.prepare('SELECT * FROM imports WHERE id = ?').get(id) as Parameters<typeof importRecordOf>[0]);
}

export const BULK_ROWS = 5_000;

export function commitResultOf(record: ImportRecord | null, backupFileName: string | null): CommitResult {
  return { import: record, backupFileName: record ? backupFileName : null };
}

export function assertPreviewed(analysis: Analysis | null): Analysis {
  if (!analysis) refuse('Preview the import before committing it.');
  return analysis;
}
