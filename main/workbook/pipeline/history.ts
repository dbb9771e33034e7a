import type BetterSqlite3 from 'better-sqlite3';
import type { Page } from '../../../shared/contract/common';
import type { EntityCounts, ImportEntity, ImportRecord } from '../../../shared/contract/workbook';
import type { ImportsTable } from '../../db/tables';

type ImportRow = ImportsTable;

const EMPTY_ROWS = { total: 0, new: 0, updated: 0, unchanged: 0, rejected: 0, excluded: 0 };

export function importRecordOf(row: ImportRow): ImportRecord {
  let summary: { rows?: ImportRecord['rows']; records?: Record<string, EntityCounts> } = {};
  try {
    summary = JSON.parse(row.summary_json) as typeof summary;
  } catch {
    summary = {};
  }
  return {
    id: row.id,
    fileName: row.file_name,
    entity: row.entity as ImportEntity,
    sourceShape: row.source_shape,
    committedAt: row.committed_at,
    undoneAt: row.undone_at,
    rows: { ...EMPTY_ROWS, ...(summary.rows ?? {}) },
    records: summary.records ?? {},
    canUndo: row.undone_at === null,
  };
}

export function listImports(raw: BetterSqlite3.Database, offset: number, limit: number): Page<ImportRecord> {
  const rows = raw.prepare('SELECT * FROM imports ORDER BY committed_at DESC, id DESC LIMIT ? OFFSET ?').all(limit, offset) as ImportRow[];
  const { n } = raw.prepare('SELECT count(*) AS n FROM imports').get() as { n: number };
  return { rows: rows.map(importRecordOf), total: n, offset };
}

export function lastImportOfFile(raw: BetterSqlite3.Database, sha256: string): { importId: string; committedAt: string } | null {
  const row = raw.prepare('SELECT id, committed_at FROM imports WHERE file_sha256 = ? AND undone_at IS NULL ORDER BY committed_at DESC LIMIT 1').get(sha256) as { id: string; committed_at: string } | undefined;
  return row ? { importId: row.id, committedAt: row.committed_at } : null;
}
