import type BetterSqlite3 from 'better-sqlite3';
import { ApiError } from '../../../shared/contract/errors';
import type { EntityCounts, ImportProblem, ImportRecord, PreviewSummary } from '../../../shared/contract/workbook';
import { EXPORT_TABLES } from '../../../shared/contract/workbook';
import type { Cell, SheetRow } from '../cells';
import { cellText, CellError } from '../cells';
import type { JobContext } from '../jobs';
import { LIMITS } from '../limits';
import { importRecordOf } from '../pipeline/history';
import { RowWriter } from '../pipeline/writer';
import { refuse } from '../refusal';
import type { ImportSession } from '../sessions';
import { newId } from '../../db/new-id';
import { nowIso } from '../../db/clock';
import type { ColumnInfo } from './db-slices';
import { tableColumns, tableExists } from './db-slices';
import { importText } from './escape';
import { ABOUT_SHEET, WORKSPACE_FORMAT } from './workspace-export';
import { withTempStoreInMemory } from '../pipeline/temp-store';

type SqlValue = string | number | null;
type SqlRow = Record<string, SqlValue>;

interface TablePlan {
  table: string;
  pk: string[];
  inserts: SqlRow[];
  updates: { key: SqlRow; values: SqlRow; before: SqlRow }[];
  unchanged: number;
}

export interface WorkspacePlan {
  about: Map<string, string>;
  tables: TablePlan[];
  applySettings: SqlRow | null;
  problems: ImportProblem[];
  rejected: number;
  total: number;
  /** Default guides this workspace seeded itself and never used, which the export's own versions of them replace. */
  replacedDefaultGuides: string[];
}

export function isWorkspaceExport(sheetNames: readonly string[], samples: Map<number, SheetRow[]>): boolean {
  const aboutIndex = sheetNames.indexOf(ABOUT_SHEET);
  if (aboutIndex < 0) return false;
  return (samples.get(aboutIndex) ?? []).some((r) => cellText(r.cells[0]) === 'format' && cellText(r.cells[1]) === WORKSPACE_FORMAT);
}

function toSql(cell: Cell, column: ColumnInfo): { ok: true; value: SqlValue } | { ok: false; message: string } {
  // No cell is NULL; an empty text cell is the empty string (the export writes them differently).
  if (cell === null || cell === undefined) return { ok: true, value: column.type === 'TEXT' && column.notnull ? '' : null };
  if (cell === '') return { ok: true, value: column.type === 'TEXT' ? '' : null };
  if (cell instanceof CellError) return { ok: false, message: `holds the error ${cell.text}` };
  if (column.type === 'INTEGER' || column.type === 'REAL') {
    const n = typeof cell === 'number' ? cell : typeof cell === 'string' && cell.trim() !== '' ? Number(cell) : typeof cell === 'boolean' ? Number(cell) : NaN;
    if (!Number.isFinite(n) || (column.type === 'INTEGER' && !Number.isInteger(n))) return { ok: false, message: `"${cellText(cell).slice(0, 30)}" is not a ${column.type === 'INTEGER' ? 'whole number' : 'number'}` };
    return { ok: true, value: n };
  }
  if (typeof cell === 'string') return { ok: true, value: importText(cell) };
  if (cell instanceof Date) return { ok: true, value: cell.toISOString() };
  return { ok: true, value: String(cell) };
}

const keyString = (pk: string[], row: SqlRow) => (pk.length === 1 ? String(row[pk[0]!]) : JSON.stringify(pk.map((k) => row[k])));

/** Previews re-importing a full workspace export: every sheet is a table, rows match by their ids. */
export async function previewWorkspaceImport(session: ImportSession, raw: BetterSqlite3.Database, job: JobContext): Promise<PreviewSummary> {
  const source = session.source;
  const problems: ImportProblem[] = [];
  const names = source.sheets.map((s) => s.name);
  const about = new Map<string, string>();
  for await (const batch of source.rows(names.indexOf(ABOUT_SHEET), { signal: job.signal })) {
    for (const r of batch) about.set(cellText(r.cells[0]), importText(cellText(r.cells[1])));
  }
  while (raw.inTransaction) await new Promise((resolve) => setTimeout(resolve, 5));
  const settings = raw.prepare('SELECT * FROM workspace_settings LIMIT 1').get() as SqlRow | undefined;
  const empty = !(raw.prepare('SELECT 1 FROM accounts LIMIT 1').get());
  let applySettings: SqlRow | null = null;
  const currency = about.get('currency');
  if (currency && settings && currency !== settings.currency) {
    if (!empty) refuse(`The export counts money in ${currency}, this workspace in ${String(settings.currency)}: import it into an empty workspace (it then takes the export's currency), or change this workspace's currency first.`);
  }
  if (empty && settings) {
    const wanted: SqlRow = {
      currency: about.get('currency') ?? (settings.currency as string),
      locale: about.get('locale') ?? (settings.locale as string),
      fiscal_year_start_month: Number(about.get('fiscal_year_start_month') ?? settings.fiscal_year_start_month),
      metric_settings_json: about.get('metric_settings_json') ?? (settings.metric_settings_json as string),
    };
    if (Object.entries(wanted).some(([k, v]) => settings[k] !== v)) applySettings = wanted;
  }
  const tables: TablePlan[] = [];
  let total = 0;
  let rejected = 0;
  const order = EXPORT_TABLES.filter((t) => names.includes(t) && tableExists(raw, t));
  for (const [position, table] of order.entries()) {
    job.progress(`Reading ${table}`, position, order.length);
    const columns = tableColumns(raw, table);
    const pk = columns.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name);
    const existing = new Map<string, SqlRow>();
    for (const row of raw.prepare(`SELECT * FROM "${table}"`).all() as SqlRow[]) existing.set(keyString(pk, row), row);
    const plan: TablePlan = { table, pk, inserts: [], updates: [], unchanged: 0 };
    let header: string[] | null = null;
    for await (const batch of source.rows(names.indexOf(table), { signal: job.signal })) {
      for (const r of batch) {
        if (!header) {
          header = r.cells.map((c) => cellText(c));
          const missing = columns.filter((c) => c.notnull && !header!.includes(c.name) && c.name !== 'deleted_at');
          if (missing.length > 0) refuse(`The sheet ${table} lacks the column${missing.length > 1 ? 's' : ''} ${missing.map((c) => c.name).join(', ')}; it is not a complete workspace export.`);
          continue;
        }
        total++;
        const row: SqlRow = {};
        let bad: string | null = null;
        for (const column of columns) {
          const at = header.indexOf(column.name);
          const converted = toSql(at >= 0 ? r.cells[at] : null, column);
          if (!converted.ok) {
            bad = `${column.name} ${converted.message}`;
            break;
          }
          row[column.name] = converted.value;
        }
        if (!bad && pk.some((k) => row[k] === null || row[k] === '')) bad = 'the row has no id';
        if (bad) {
          rejected++;
          if (problems.length < LIMITS.maxProblems) problems.push({ sheet: table, row: r.row, column: null, field: null, severity: 'error', message: bad });
          continue;
        }
        const key = keyString(pk, row);
        const current = existing.get(key);
        if (!current) {
          plan.inserts.push(row);
          existing.set(key, row);
          continue;
        }
        const values: SqlRow = {};
        const before: SqlRow = {};
        for (const column of columns) {
          if (current[column.name] !== row[column.name]) {
            values[column.name] = row[column.name]!;
            before[column.name] = current[column.name] ?? null;
          }
        }
        if (Object.keys(values).length === 0) plan.unchanged++;
        else plan.updates.push({ key: Object.fromEntries(pk.map((k) => [k, row[k]!])), values, before });
      }
    }
    tables.push(plan);
  }
  const replacedDefaultGuides = defaultGuidesReplacedBy(raw, tables);
  const workspacePlan: WorkspacePlan = { about, tables, applySettings, problems, rejected, total, replacedDefaultGuides };
  session.workspacePlan = workspacePlan;
  return workspaceSummary(session, workspacePlan);
}

/**
 * Every workspace seeds the default guides with ids of its own, so an export's defaults collide with the
 * target's on (guide_key, version). The target's copy gives way when nothing refers to it; a used one stays and
 * the import is refused with a message that says which guide.
 */
function defaultGuidesReplacedBy(raw: BetterSqlite3.Database, tables: readonly TablePlan[]): string[] {
  const incoming = tables.find((t) => t.table === 'interview_guides')?.inserts ?? [];
  const replaced: string[] = [];
  const find = raw.prepare('SELECT id, name, is_default FROM interview_guides WHERE guide_key = ? AND version = ? AND id <> ?');
  const used = raw.prepare(
    `SELECT EXISTS (SELECT 1 FROM interview_sessions WHERE guide_id = $id)
         OR EXISTS (SELECT 1 FROM interviews WHERE guide_id = $id)
         OR EXISTS (SELECT 1 FROM interview_answers a JOIN guide_questions q ON q.id = a.question_id WHERE q.guide_id = $id) AS used`,
  );
  for (const row of incoming) {
    const clash = find.get(row.guide_key, row.version, row.id) as { id: string; name: string; is_default: number } | undefined;
    if (!clash) continue;
    if (clash.is_default !== 1 || (used.get({ id: clash.id }) as { used: number }).used === 1) {
      refuse(`The export's guide "${String(row.name)}" (version ${String(row.version)}) clashes with this workspace's guide "${clash.name}", which interviews already use: import the export into a new workspace.`);
    }
    replaced.push(clash.id);
  }
  return replaced;
}

export function workspaceSummary(session: ImportSession, plan: WorkspacePlan): PreviewSummary {
  const records: Record<string, EntityCounts> = {};
  let created = 0;
  let updated = 0;
  let unchanged = 0;
  for (const t of plan.tables) {
    records[t.table] = { new: t.inserts.length, updated: t.updates.length, unchanged: t.unchanged };
    created += t.inserts.length;
    updated += t.updates.length;
    unchanged += t.unchanged;
  }
  return {
    sessionId: session.id,
    entity: 'workspace',
    rows: { total: plan.total, new: created, updated, unchanged, rejected: plan.rejected, excluded: 0 },
    records,
    problems: { errors: plan.problems.length, warnings: 0 },
    questions: [],
    alreadyImported: session.inspect?.alreadyImported ?? null,
    nothingToDo: created === 0 && updated === 0 && !plan.applySettings,
  };
}

/** Writes the planned rows verbatim (ids and stamps as exported), parents before children, in one transaction. */
export function commitWorkspaceImport(raw: BetterSqlite3.Database, session: ImportSession, plan: WorkspacePlan): ImportRecord | null {
  const summary = workspaceSummary(session, plan);
  if (summary.nothingToDo) return null;
  const importId = newId();
  const stamp = nowIso();
  const writer = new RowWriter(raw, importId, stamp);
  const entityId = (pk: string[], row: SqlRow) => keyString(pk, row);
  const run = raw.transaction(() => {
    if (plan.applySettings) {
      const settings = raw.prepare('SELECT * FROM workspace_settings LIMIT 1').get() as SqlRow;
      const changes: Record<string, [unknown, unknown]> = { updated_at: [settings.updated_at, stamp] };
      for (const [k, v] of Object.entries(plan.applySettings)) changes[k] = [settings[k], v];
      writer.update('workspace_settings', { id: settings.id ?? null }, { ...plan.applySettings, updated_at: stamp });
      writer.logChange('workspace_settings', settings.id as string, 'update', changes);
    }
    for (const guideId of plan.replacedDefaultGuides) {
      raw.prepare('DELETE FROM guide_questions WHERE guide_id = ?').run(guideId);
      raw.prepare('DELETE FROM interview_guides WHERE id = ?').run(guideId);
      writer.logChange('interview_guides', guideId, 'delete', null);
    }
    for (const t of plan.tables) {
      for (const row of t.inserts) {
        writer.insert(t.table, row);
        writer.logChange(t.table, entityId(t.pk, row), 'insert', 'updated_at' in row ? { updated_at: row.updated_at } : null);
      }
      for (const u of t.updates) {
        writer.update(t.table, u.key, u.values);
        const changes: Record<string, [unknown, unknown]> = {};
        for (const k of Object.keys(u.values)) changes[k] = [u.before[k], u.values[k]];
        writer.logChange(t.table, entityId(t.pk, u.key), 'update', changes);
      }
    }
    raw
      .prepare('INSERT INTO imports (id, file_name, file_sha256, source_shape, entity, summary_json, committed_at, undone_at, created_at, updated_at) VALUES (?,?,?,?,?,?,?,NULL,?,?)')
      .run(importId, session.fileName, session.sha256, 'workspace-export', 'workspace', JSON.stringify({ rows: summary.rows, records: summary.records }), stamp, stamp, stamp);
  });
  withTempStoreInMemory(raw, () => run.immediate());
  return importRecordOf(raw.prepare('SELECT * FROM imports WHERE id = ?').get(importId) as Parameters<typeof importRecordOf>[0]);
}

export function requireWorkspacePlan(session: ImportSession): WorkspacePlan {
  if (!session.workspacePlan) throw new ApiError({ code: 'invalid_input', message: 'Preview the import before committing it.' });
  return session.workspacePlan;
}
