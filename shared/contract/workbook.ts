import { z } from 'zod';
import { idSchema, isoDateSchema } from './common';
import type { Page } from './common';
import type { ApiErrorData } from './errors';
import { mutation, query } from './define';

/**
 * Workbook import and export (issue #5), shaped for a wizard:
 *
 *   upload (base64 chunks) → inspect (job) → pick sheet + header rows → proposeMapping → edit mapping
 *   → preview (job) → problems / previewRows (paged) → exclude rows → commit → history / undo
 *
 * Files reach the core as bytes, never as paths: the renderer sends them through `workbook.upload`
 * (4 MiB per call, any size up to the file limit) or, for small files, inline as `contentBase64`.
 * Long work (inspect, preview, export) runs as a job in the core's worker: the call returns a jobId
 * at once, progress arrives as `{type:'progress', jobId, label, done, total}` events, `workbook.job`
 * tells the state and carries the result, `workbook.cancel` stops it. Jobs run beside the one-at-a-time
 * call queue, so a cancel is heard while they run. Commit and undo are ordinary calls: they write in one
 * transaction that is short once the preview has parsed the file.
 */

/** Base64 of at most 4 MiB of bytes: one HTTP body stays under the transport's 10 MB limit. */
export const MAX_CHUNK_BYTES = 4 * 1024 * 1024;
const base64Chunk = z
  .string()
  .max(Math.ceil(MAX_CHUNK_BYTES / 3) * 4, 'A chunk is larger than 4 MiB')
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64');
const tokenSchema = z.string().regex(/^[a-z0-9-]{8,64}$/, 'must be an id returned by the core');
const fileNameSchema = z.string().trim().min(1, 'File name is required').max(255, 'File name is longer than 255 characters');

export const IMPORT_ENTITIES = ['accounts', 'contacts', 'arr', 'responses', 'qbr_notes', 'actions', 'workspace'] as const;
export type ImportEntity = (typeof IMPORT_ENTITIES)[number];

export const FILE_FORMATS = ['xlsx', 'xlsm', 'csv', 'tsv', 'ods'] as const;
export type FileFormat = (typeof FILE_FORMATS)[number];

export const PRESETS = ['qualtrics', 'qualtrics-legacy', 'surveymonkey', 'formbricks', 'delighted', 'crm-accounts', 'workspace-export'] as const;
export type PresetId = (typeof PRESETS)[number];

export const DECIMAL_SEPARATORS = ['auto', '.', ','] as const;
export const DATE_ORDERS = ['auto', 'dmy', 'mdy', 'ymd'] as const;

export const EXPORT_TABLES = [
  'accounts',
  'arr_records',
  'contacts',
  'drivers',
  'journeys',
  'journey_stages',
  'touchpoints',
  'interview_guides',
  'guide_questions',
  'interview_sessions',
  'interviews',
  'interview_answers',
  'driver_ratings',
  'score_corrections',
  'qbrs',
  'qbr_notes',
  'milestones',
  'actions',
  'tags',
  'entity_tags',
  'segment_overrides',
  'quarter_snapshots',
  'scenarios',
  'import_mappings',
] as const;
export type ExportTable = (typeof EXPORT_TABLES)[number];

// ---------------------------------------------------------------- inputs

export const uploadInput = z
  .object({
    /** Omit on the first chunk; the answer names the upload for the next chunks. */
    uploadId: tokenSchema.optional(),
    fileName: fileNameSchema,
    /** Byte offset of this chunk: a repeated or skipped chunk is refused, not silently glued. */
    offset: z.number().int().min(0),
    chunkBase64: base64Chunk,
    last: z.boolean(),
  })
  .strict();

export const fileSourceSchema = z.union([
  z.object({ uploadId: tokenSchema }).strict(),
  z
    .object({
      fileName: fileNameSchema,
      /** Small files only (the same 4 MiB as a chunk); larger ones go through workbook.upload. */
      contentBase64: base64Chunk,
    })
    .strict(),
]);

export const inspectInput = z.object({ source: fileSourceSchema }).strict();

const sheetRef = z.number().int().min(0).max(10_000);
const headerRowsSchema = z
  .object({
    /** 1-based sheet row of the first header row. */
    first: z.number().int().min(1).max(1000),
    /** How many header rows (Qualtrics 3, SurveyMonkey 2); 0 = no header, columns are named by letter. */
    count: z.number().int().min(0).max(10),
  })
  .strict();

export const proposeMappingInput = z
  .object({
    sessionId: tokenSchema,
    sheet: sheetRef,
    headerRows: headerRowsSchema.optional(),
    /** Omit to let the core propose the entity too. */
    entity: z.enum(IMPORT_ENTITIES).optional(),
  })
  .strict();

/** Field keys are listed by proposeMapping (`fields`); `driver:<name>` rates a driver of that name. */
const fieldKeySchema = z.string().min(1).max(200);
export const mappingSchema = z
  .array(z.object({ column: z.number().int().min(0).max(20_000), field: fieldKeySchema.nullable() }).strict())
  .max(20_000);

export const importOptionsSchema = z
  .object({
    /** '1.200' and '1,200' are ambiguous: 'auto' asks (a question in the preview) when the column does not tell. */
    decimalSeparator: z.enum(DECIMAL_SEPARATORS).default('auto'),
    /** '03/04/2024': 'auto' decides per column from unambiguous values, else asks. */
    dateOrder: z.enum(DATE_ORDERS).default('auto'),
    /** Date for rows without one (responses, QBR notes, actions): keeps re-imports of the same file identical. */
    defaultDate: isoDateSchema.optional(),
    responseKind: z.enum(['relationship', 'transactional', 'qbr', 'potential']).default('relationship'),
  })
  .strict();

export const previewInput = z
  .object({
    sessionId: tokenSchema,
    sheet: sheetRef,
    headerRows: headerRowsSchema,
    entity: z.enum(IMPORT_ENTITIES),
    mapping: mappingSchema,
    options: importOptionsSchema.prefault({}),
    /** 1-based sheet rows to leave out. */
    excludedRows: z.array(z.number().int().min(1)).max(1_000_000).default([]),
  })
  .strict();

export const pageInput = z.object({ offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(1000).default(100) });

export const problemsInput = pageInput.extend({ sessionId: tokenSchema, severity: z.enum(['error', 'warning']).optional() }).strict();
export const previewRowsInput = pageInput
  .extend({ sessionId: tokenSchema, status: z.enum(['new', 'updated', 'unchanged', 'rejected', 'excluded']).optional() })
  .strict();
export const excludeRowsInput = z
  .object({ sessionId: tokenSchema, rows: z.array(z.number().int().min(1)).min(1).max(1_000_000), excluded: z.boolean() })
  .strict();
export const commitInput = z.object({ sessionId: tokenSchema }).strict();
export const undoInput = z.object({ importId: idSchema }).strict();
export const historyInput = pageInput.strict();
export const jobInput = z.object({ jobId: tokenSchema }).strict();
export const closeSessionInput = z.object({ sessionId: tokenSchema }).strict();

export const exportInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('workspace') }).strict(),
  /** Accounts with category, ARR, risk and drivers; the window is the 12 months to `asOf` (default today). */
  z.object({ kind: z.literal('portfolio'), asOf: isoDateSchema.optional() }).strict(),
  z.object({ kind: z.literal('account'), accountId: idSchema, asOf: isoDateSchema.optional() }).strict(),
  z.object({ kind: z.literal('qbr'), qbrId: idSchema }).strict(),
  z.object({ kind: z.literal('csv'), table: z.enum(EXPORT_TABLES) }).strict(),
]);

export const downloadInput = z
  .object({ exportId: tokenSchema, offset: z.number().int().min(0).default(0), length: z.number().int().min(1).max(MAX_CHUNK_BYTES).default(MAX_CHUNK_BYTES) })
  .strict();

// ---------------------------------------------------------------- outputs

export interface UploadState {
  uploadId: string;
  receivedBytes: number;
  complete: boolean;
}

export interface JobStarted {
  jobId: string;
}

export type CellKind = 'text' | 'number' | 'date' | 'boolean' | 'error' | 'empty';

export interface SampleCell {
  /** What the person sees; dates as ISO. */
  text: string;
  kind: CellKind;
}

export interface SheetSummary {
  index: number;
  name: string;
  hidden: boolean;
  /** From the sheet's own dimension or the rows read; null when unknown before a full read. */
  estimatedRows: number | null;
  /** First rows as read (1-based sheet row numbers), for choosing header rows. */
  sample: { row: number; cells: SampleCell[] }[];
  detectedHeader: { first: number; count: number };
  preset: PresetId | null;
}

export interface InspectResult {
  sessionId: string;
  fileName: string;
  format: FileFormat;
  sizeBytes: number;
  sha256: string;
  /** CSV/TSV only. */
  text: { encoding: string; delimiter: string } | null;
  date1904: boolean;
  sheets: SheetSummary[];
  /** The sheet the wizard should open on. */
  suggestedSheet: number;
  /** When this exact file was committed before (and not undone). */
  alreadyImported: { importId: string; committedAt: string } | null;
}

export interface FieldInfo {
  key: string;
  label: string;
  required: boolean;
  kind: 'text' | 'money' | 'date' | 'datetime' | 'integer' | 'score' | 'email' | 'choice' | 'boolean';
  /** For choices: the values the workbench stores (input is normalised to them). */
  choices?: string[];
}

export interface ColumnInfo {
  index: number;
  letter: string;
  /** Header rows joined with " / "; the letter when there is no header. */
  header: string;
  samples: string[];
}

export interface MappingProposal {
  sessionId: string;
  sheet: number;
  headerRows: { first: number; count: number };
  entity: ImportEntity;
  preset: PresetId | null;
  /** True when the mapping came from the last import of a file shaped like this one. */
  remembered: boolean;
  columns: ColumnInfo[];
  mapping: { column: number; field: string | null; confidence: number }[];
  fields: FieldInfo[];
}

export type RowStatus = 'new' | 'updated' | 'unchanged' | 'rejected' | 'excluded';

export interface ImportProblem {
  sheet: string;
  /** 1-based sheet row. */
  row: number;
  /** Column letter and header, null for row-level problems. */
  column: string | null;
  field: string | null;
  severity: 'error' | 'warning';
  message: string;
}

/** Something only the person can decide; the preview is redone with the answer as an option. */
export interface ImportQuestion {
  kind: 'decimalSeparator' | 'dateOrder' | 'defaultDate';
  column: string | null;
  message: string;
  examples: string[];
  choices: string[];
}

export interface EntityCounts {
  new: number;
  updated: number;
  unchanged: number;
}

export interface PreviewSummary {
  sessionId: string;
  entity: ImportEntity;
  rows: { total: number; new: number; updated: number; unchanged: number; rejected: number; excluded: number };
  /** What the commit would do per record type (an account created by a contacts import shows here). */
  records: Record<string, EntityCounts>;
  problems: { errors: number; warnings: number };
  questions: ImportQuestion[];
  alreadyImported: { importId: string; committedAt: string } | null;
  /** Nothing would change: committing is a no-op. */
  nothingToDo: boolean;
}

export interface PreviewRow {
  row: number;
  status: RowStatus;
  /** "Acme Corp (matched by external id ACC-1)". */
  summary: string;
  matches: { record: string; action: 'create' | 'update' | 'unchanged'; matchedBy: string | null; label: string; changes: { field: string; from: string | null; to: string | null }[] }[];
  problems: ImportProblem[];
}

export interface ImportRecord {
  id: string;
  fileName: string;
  entity: ImportEntity;
  sourceShape: string | null;
  committedAt: string;
  undoneAt: string | null;
  rows: { total: number; new: number; updated: number; unchanged: number; rejected: number; excluded: number };
  records: Record<string, EntityCounts>;
  canUndo: boolean;
}

export interface CommitResult {
  /** Null when nothing changed (the same file again): no backup, no import record. */
  import: ImportRecord | null;
  backupFileName: string | null;
}

export interface ExportFile {
  exportId: string;
  fileName: string;
  mimeType: string;
  sizeBytes: number;
}

export type JobResult =
  | { kind: 'inspect'; value: InspectResult }
  | { kind: 'preview'; value: PreviewSummary }
  | { kind: 'export'; value: ExportFile };

export interface JobState {
  jobId: string;
  kind: JobResult['kind'];
  state: 'running' | 'done' | 'failed' | 'cancelled';
  label: string;
  done: number;
  total: number | null;
  result: JobResult | null;
  error: ApiErrorData | null;
}

export interface DownloadChunk {
  base64: string;
  offset: number;
  sizeBytes: number;
  done: boolean;
}

export const workbookCalls = {
  'workbook.upload': query(uploadInput).returns<UploadState>(),
  'workbook.inspect': query(inspectInput).returns<JobStarted>(),
  'workbook.proposeMapping': query(proposeMappingInput).returns<MappingProposal>(),
  'workbook.preview': query(previewInput).returns<JobStarted>(),
  'workbook.problems': query(problemsInput).returns<Page<ImportProblem>>(),
  'workbook.previewRows': query(previewRowsInput).returns<Page<PreviewRow>>(),
  'workbook.excludeRows': query(excludeRowsInput).returns<PreviewSummary>(),
  'workbook.commit': mutation(commitInput).returns<CommitResult>(),
  'workbook.undo': mutation(undoInput).returns<ImportRecord>(),
  'workbook.history': query(historyInput).returns<Page<ImportRecord>>(),
  'workbook.closeSession': query(closeSessionInput).returns<{ closed: boolean }>(),
  'workbook.export': query(exportInput).returns<JobStarted>(),
  'workbook.download': query(downloadInput).returns<DownloadChunk>(),
  'workbook.job': query(jobInput).returns<JobState>(),
  'workbook.cancel': query(jobInput).returns<{ cancelled: boolean }>(),
} as const;
