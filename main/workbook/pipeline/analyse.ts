import type BetterSqlite3 from 'better-sqlite3';
import type { EntityCounts, ImportProblem, ImportQuestion, PreviewRow, RowStatus } from '../../../shared/contract/workbook';
import { todayIso } from '../../db/clock';
import { LIMITS } from '../limits';
import { refuse } from '../refusal';
import type { ConvertContext, ConvertedRow } from './convert';
import { convertRow, decideColumns, fieldMap } from './convert';
import { loadLookups } from './lookups';
import { Planner } from './planner';
import type { PlannerOptions } from './planner';
import type { Op, RowPlan } from './plan-ops';
import type { StagedImport } from './staging';
import { WritePlan, workspaceFingerprint } from './write-plan';
import { idMaker } from './batch-ids';
import type { WorkspaceFacts } from './workspace-facts';

export const STATUS_CODES: RowStatus[] = ['new', 'updated', 'unchanged', 'rejected', 'excluded'];

export interface Analysis {
  rowCounts: Record<RowStatus, number> & { total: number };
  records: Record<string, EntityCounts>;
  problems: ImportProblem[];
  errorCount: number;
  warningCount: number;
  questions: ImportQuestion[];
  /** Per data row, in file order. */
  rowNumbers: Int32Array;
  statuses: Uint8Array;
  summaries: string[];
  /** Details of rows that update something, for the preview's "what changes" view. */
  details: Map<number, PreviewRow['matches']>;
  nothingToDo: boolean;
  /** What the commit writes while the workspace stays as it was when this preview was made. */
  writePlan: WritePlan;
  importId: string;
}

export function convertContext(staged: StagedImport, facts: WorkspaceFacts): ConvertContext {
  return {
    entity: staged.entity,
    sheet: staged.sheetName,
    mapping: new Map(staged.columns.map((c, k) => [k, c.field])),
    columnLabel: (k) => staged.columns[k]?.label ?? '?',
    currency: facts.currency,
    digits: facts.digits,
    date1904: staged.date1904,
    decimal: staged.options.decimalSeparator,
    dateOrder: staged.options.dateOrder,
    defaultDate: staged.options.defaultDate ?? null,
    responseKind: staged.options.responseKind,
    driverScale: facts.driverScale,
    driverNames: facts.driverNames,
  };
}

/**
 * Loads the records the staged rows could match, and converts rows on demand: a row's typed values
 * live only while it is planned, so a hundred thousand of them never sit in memory at once.
 */
export function prepare(raw: BetterSqlite3.Database, staged: StagedImport, facts: WorkspaceFacts, signal?: AbortSignal) {
  const ctx = convertContext(staged, facts);
  const fields = fieldMap(staged.entity, ctx.mapping, facts.driverNames);
  const decisions = decideColumns(ctx, staged.rows, fields);
  const convertAt = (i: number): ConvertedRow => {
    if ((i & 4095) === 0 && signal?.aborted) refuse('Cancelled.');
    const r = staged.rows[i]!;
    return convertRow(ctx, decisions, fields, r.row, r.cells);
  };
  let interviews: { externalIds: string[]; dates: string[] } | undefined;
  if (staged.entity === 'responses') {
    // Which existing responses could match: a pass converting only the response id and date columns
    // (the full conversion runs once, while planning).
    interviews = { externalIds: [], dates: [] };
    const keys = new Set(['response.externalId', 'response.date']);
    const narrow: ConvertContext = { ...ctx, mapping: new Map([...ctx.mapping].filter(([, key]) => keys.has(key))) };
    for (let i = 0; i < staged.rows.length; i++) {
      if ((i & 4095) === 0 && signal?.aborted) refuse('Cancelled.');
      const r = staged.rows[i]!;
      const values = convertRow(narrow, decisions, fields, r.row, r.cells, false).values;
      const ext = values.get('response.externalId');
      if (typeof ext === 'string') interviews.externalIds.push(ext);
      const at = values.get('response.date');
      if (typeof at === 'string') interviews.dates.push(at);
    }
  }
  const lookups = loadLookups(raw, {
    interviews,
    arr: staged.entity === 'accounts' || staged.entity === 'arr',
    qbrs: staged.entity === 'qbr_notes',
    actions: staged.entity === 'actions',
  });
  // Every row names its response and no name repeats: no row can match a response another row creates.
  const uniqueResponseIds = interviews !== undefined && interviews.externalIds.length === staged.rows.length && new Set(interviews.externalIds).size === staged.rows.length;
  return { convertAt, count: staged.rows.length, lookups, decisions, uniqueResponseIds };
}

export function plannerOptions(staged: StagedImport, newId: () => string, importId: string | null): PlannerOptions {
  return {
    entity: staged.entity,
    sheet: staged.sheetName,
    newId,
    today: todayIso(),
    responseKind: staged.options.responseKind,
    source: `import:${staged.preset ?? 'workbook'}`,
    importId,
  };
}

/**
 * The preview: what a commit would do now, without writing anything. It plans with real ids and keeps
 * the resulting write plan, so an unchanged workspace is committed without planning twice.
 */
export function analyse(raw: BetterSqlite3.Database, staged: StagedImport, facts: WorkspaceFacts, signal?: AbortSignal): Analysis {
  const fingerprint = workspaceFingerprint(raw);
  const { convertAt, count, lookups, decisions, uniqueResponseIds } = prepare(raw, staged, facts, signal);
  const newId = idMaker();
  const importId = newId();
  const planner = new Planner(lookups, { ...plannerOptions(staged, newId, importId), rememberNewResponses: !uniqueResponseIds });
  const writePlan = new WritePlan(fingerprint);
  const n = count;
  const analysis: Analysis = {
    rowCounts: { total: n, new: 0, updated: 0, unchanged: 0, rejected: 0, excluded: 0 },
    records: {},
    problems: [],
    errorCount: 0,
    warningCount: 0,
    questions: decisions.questions,
    rowNumbers: new Int32Array(n),
    statuses: new Uint8Array(n),
    summaries: new Array<string>(n),
    details: new Map(),
    nothingToDo: true,
    writePlan,
    importId,
  };
  for (let i = 0; i < n; i++) {
    if ((i & 4095) === 0 && signal?.aborted) refuse('Cancelled.');
    const input = convertAt(i);
    analysis.rowNumbers[i] = input.row;
    let plan: RowPlan;
    if (staged.excluded.has(input.row)) plan = { row: input.row, status: 'excluded', ops: [], problems: [] };
    else plan = planner.plan(input);
    writePlan.add(plan);
    analysis.statuses[i] = STATUS_CODES.indexOf(plan.status);
    analysis.rowCounts[plan.status]++;
    analysis.summaries[i] = summarise(plan);
    for (const p of plan.problems) {
      if (p.severity === 'error') analysis.errorCount++;
      else analysis.warningCount++;
      if (analysis.problems.length < LIMITS.maxProblems) analysis.problems.push(p);
    }
    if (plan.ops.some((op) => op.action === 'update')) analysis.details.set(input.row, plan.ops.map(detail));
  }
  analysis.records = planner.recordCounts();
  analysis.nothingToDo = Object.values(analysis.records).every((c) => c.new === 0 && c.updated === 0);
  return analysis;
}

function summarise(plan: RowPlan): string {
  if (plan.status === 'excluded') return 'Left out';
  if (plan.status === 'rejected') return plan.problems.find((p) => p.severity === 'error')?.message ?? 'Rejected';
  // The first four ops that change something or are the row's own record, e.g. "New interview
  // Response R_1; New driver rating Rating Support". A loop: this runs for every row of a big file.
  let primary = plan.ops[0];
  for (const op of plan.ops) {
    if (op.kind !== 'driver' && op.kind !== 'account') {
      primary = op;
      break;
    }
  }
  const parts: string[] = [];
  for (const op of plan.ops) {
    if (op.action === 'unchanged' && op !== primary) continue;
    if (parts.length === 4) break;
    parts.push(`${op.action === 'create' ? 'New' : op.action === 'update' ? 'Updates' : 'Same as'} ${op.kind.replace('_', ' ')} ${op.label}${op.matchedBy ? ` (matched by ${op.matchedBy})` : ''}`);
  }
  // Joined, the text is one flat string: it is kept per row until the commit.
  return parts.join('; ');
}

function detail(op: Op): PreviewRow['matches'][number] {
  const text = (v: unknown) => (v === null || v === undefined ? null : String(v));
  return {
    record: op.kind,
    action: op.action,
    matchedBy: op.matchedBy,
    label: op.label,
    changes: op.action === 'update' ? Object.keys(op.values).map((field) => ({ field, from: text(op.before?.[field]), to: text(op.values[field]) })) : [],
  };
}
