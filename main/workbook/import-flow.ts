import fs from 'node:fs';
import type BetterSqlite3 from 'better-sqlite3';
import { ApiError } from '../../shared/contract/errors';
import type { ImportEntity, InspectResult, MappingProposal, PresetId, PreviewSummary, SheetSummary } from '../../shared/contract/workbook';
import type { SheetRow } from './cells';
import { cellKind, cellText } from './cells';
import type { JobContext } from './jobs';
import { LIMITS } from './limits';
import { analyse } from './pipeline/analyse';
import { fieldsOf, isKnownField, toPublicField } from './pipeline/fields';
import { columnHeaders, detectHeader, sheetWidth } from './pipeline/headers';
import { lastImportOfFile } from './pipeline/history';
import { recallMapping, shapeKey } from './pipeline/mapping-memory';
import { detectPreset } from './pipeline/presets';
import { proposeEntity, proposeMapping } from './pipeline/propose';
import { stageRows } from './pipeline/staging';
import type { ImportOptions, StagedImport } from './pipeline/staging';
import { workspaceFacts } from './pipeline/workspace-facts';
import { refuse, WorkbookRefusal } from './refusal';
import type { ImportSession, Sessions } from './sessions';
import { sha256File } from './staging-files';
import { openSource } from './source/open-source';
import { isWorkspaceExport, previewWorkspaceImport } from './export/workspace-import';

/** Opens a file for import: checks it, lists and samples its sheets, recognises presets. */
export async function inspectFile(
  sessions: Sessions,
  file: { fileName: string; filePath: string },
  workspacePath: string,
  raw: BetterSqlite3.Database,
  job: JobContext,
): Promise<InspectResult> {
  job.progress('Checking the file', 0, null);
  let session: ImportSession | null = null;
  try {
    const sha256 = await sha256File(file.filePath, job.signal);
    const source = await openSource(file.filePath, file.fileName);
    const { size } = fs.statSync(file.filePath);
    session = sessions.create({ fileName: file.fileName, filePath: file.filePath, sha256, sizeBytes: size, workspacePath, source });
    const sheets: SheetSummary[] = [];
    const listed = source.sheets.slice(0, LIMITS.maxSheets);
    for (const sheet of listed) {
      job.progress(`Reading sheet ${sheet.name}`, sheet.index, listed.length);
      const sample: SheetRow[] = [];
      for await (const batch of source.rows(sheet.index, { maxRows: LIMITS.sampleRows, signal: job.signal })) sample.push(...batch);
      session.samples.set(sheet.index, sample);
      const preset = detectPreset(sample);
      sheets.push({
        index: sheet.index,
        name: sheet.name,
        hidden: sheet.hidden,
        estimatedRows: sheet.estimatedRows,
        sample: sample.slice(0, LIMITS.sampleRows).map((r) => ({ row: r.row, cells: Array.from(r.cells, (c) => ({ text: cellText(c).slice(0, 200), kind: cellKind(c) })) })),
        detectedHeader: preset?.header ?? detectHeader(sample),
        preset: preset?.id ?? null,
      });
    }
    const workspaceExport = isWorkspaceExport(source.sheets.map((s) => s.name), session.samples);
    if (workspaceExport) for (const s of sheets) s.preset = 'workspace-export';
    const suggested = sheets.find((s) => !s.hidden && s.sample.length > 0) ?? sheets[0];
    const result: InspectResult = {
      sessionId: session.id,
      fileName: file.fileName,
      format: source.format,
      sizeBytes: size,
      sha256,
      text: source.text,
      date1904: source.date1904,
      sheets,
      suggestedSheet: suggested?.index ?? 0,
      alreadyImported: lastImportOfFile(raw, sha256),
    };
    session.inspect = result;
    return result;
  } catch (err) {
    if (session) sessions.close(session.id);
    else fs.rmSync(file.filePath, { force: true });
    throw err;
  }
}

function sessionSheet(session: ImportSession, sheet: number) {
  const info = session.inspect?.sheets.find((s) => s.index === sheet);
  if (!info) throw new ApiError({ code: 'invalid_input', message: `The file has no sheet number ${sheet + 1}.` });
  return { info, sample: session.samples.get(sheet) ?? [] };
}

/** Proposes entity and mapping for a sheet, preferring what the person used last time for a file of this shape. */
export function proposeFor(session: ImportSession, raw: BetterSqlite3.Database, input: { sheet: number; headerRows?: { first: number; count: number }; entity?: ImportEntity }): MappingProposal {
  const { info, sample } = sessionSheet(session, input.sheet);
  const headerRows = input.headerRows ?? info.detectedHeader;
  const preset: PresetId | null = info.preset;
  const width = sheetWidth(sample);
  const columns = columnHeaders(sample, headerRows, width, preset === 'surveymonkey');
  const lastHeader = headerRows.first + headerRows.count - 1;
  const dataRows = sample.filter((r) => r.row > lastHeader);
  const key = shapeKey(preset, columns.map((c) => c.label));
  const remembered = recallMapping(raw, key);
  const facts = workspaceFacts(raw);
  let entity: ImportEntity = input.entity ?? remembered?.entity ?? (preset === 'workspace-export' ? 'workspace' : preset ? 'responses' : proposeEntity(columns, dataRows));
  if (preset === 'crm-accounts' && !input.entity) entity = 'accounts';
  let mapping: MappingProposal['mapping'];
  const useMemory = remembered && remembered.entity === entity && (!input.headerRows || (remembered.headerRows.first === headerRows.first && remembered.headerRows.count === headerRows.count));
  if (entity === 'workspace') mapping = [];
  else if (useMemory) {
    mapping = columns.map((c) => {
      const hit = remembered.columns.find((m) => m.column === c.index && m.header === c.label);
      return { column: c.index, field: hit?.field && isKnownField(entity, hit.field) ? hit.field : null, confidence: hit?.field ? 1 : 0 };
    });
  } else {
    mapping = proposeMapping({ entity, preset, columns, dataRows, driverNames: facts.driverNames });
  }
  const driverNames = new Set(facts.driverNames);
  for (const m of mapping) if (m.field?.startsWith('driver:')) driverNames.add(m.field.slice(7));
  return {
    sessionId: session.id,
    sheet: input.sheet,
    headerRows,
    entity,
    preset,
    remembered: !!useMemory,
    columns: columns.map((c) => ({ index: c.index, letter: c.letter, header: c.label, samples: dataRows.slice(0, 5).map((r) => cellText(r.cells[c.index]).slice(0, 100)) })),
    mapping,
    fields: fieldsOf(entity, [...driverNames]).map(toPublicField),
  };
}

export interface PreviewRequest {
  sheet: number;
  headerRows: { first: number; count: number };
  entity: ImportEntity;
  mapping: { column: number; field: string | null }[];
  options: ImportOptions;
  excludedRows: number[];
}

/** Reads the whole sheet once, stages the mapped cells and plans the import against the workspace. */
export async function previewImport(session: ImportSession, raw: BetterSqlite3.Database, request: PreviewRequest, job: JobContext): Promise<PreviewSummary> {
  const { info, sample } = sessionSheet(session, request.sheet);
  if (request.entity === 'workspace') {
    session.staged = null;
    session.analysis = null;
    session.workspacePlan = null;
    return previewWorkspaceImport(session, raw, job);
  }
  const entity = request.entity;
  const seen = new Set<string>();
  const width = Math.max(sheetWidth(sample), ...request.mapping.map((m) => m.column + 1));
  const headers = columnHeaders(sample, request.headerRows, width, info.preset === 'surveymonkey');
  const columns: StagedImport['columns'] = [];
  for (const m of request.mapping) {
    if (!m.field) continue;
    if (!isKnownField(entity, m.field)) throw new ApiError({ code: 'invalid_input', message: `"${m.field}" is not a field of a ${entity} import.`, fields: { mapping: m.field } });
    if (seen.has(m.field)) throw new ApiError({ code: 'invalid_input', message: `Two columns are mapped to the same field (${m.field}); keep one.`, fields: { mapping: m.field } });
    seen.add(m.field);
    columns.push({ column: m.column, field: m.field, label: `${headers[m.column]?.letter ?? '?'} (${headers[m.column]?.label ?? ''})` });
  }
  if (columns.length === 0) refuse('No column is mapped to a field: map at least one column.');
  session.staged = null;
  session.analysis = null;
  session.workspacePlan = null;
  job.progress('Reading rows', 0, 1000);
  const rows = await stageRows(session.source, request.sheet, request.headerRows, columns, {
    signal: job.signal,
    onProgress: (fraction) => job.progress('Reading rows', Math.round(fraction * 1000), 1000),
  });
  const staged: StagedImport = {
    entity,
    fileName: session.fileName,
    sha256: session.sha256,
    preset: info.preset,
    shapeKey: shapeKey(info.preset, headers.map((h) => h.label)),
    sheetName: info.name,
    headerRows: request.headerRows,
    headers: headers.map((h) => h.label),
    columns,
    options: request.options,
    date1904: session.source.date1904,
    rows,
    excluded: new Set(request.excludedRows),
  };
  job.progress('Matching with the workspace', 1000, 1000);
  await quietDatabase(raw);
  const analysis = analyse(raw, staged, workspaceFacts(raw), job.signal);
  session.staged = staged;
  session.analysis = analysis;
  return summaryOf(session);
}

export function summaryOf(session: ImportSession): PreviewSummary {
  const staged = session.staged;
  const analysis = session.analysis;
  if (!staged || !analysis) throw new WorkbookRefusal('Preview the import first.');
  return {
    sessionId: session.id,
    entity: staged.entity,
    rows: analysis.rowCounts,
    records: analysis.records,
    problems: { errors: analysis.errorCount, warnings: analysis.warningCount },
    questions: analysis.questions,
    alreadyImported: session.inspect?.alreadyImported ?? null,
    nothingToDo: analysis.nothingToDo,
  };
}

/** Jobs read beside the call queue: never while a call holds a transaction open (its rows may yet roll back). */
export async function quietDatabase(raw: BetterSqlite3.Database): Promise<void> {
  while (raw.inTransaction) await new Promise((resolve) => setTimeout(resolve, 5));
}
