import { MAX_CHUNK_BYTES } from '../../shared/contract/workbook';
import type { EntityCounts, FieldInfo, ImportProblem, ImportQuestion, ImportRecord, MappingProposal, PreviewSummary } from '../../shared/contract/workbook';
import { recordName } from './labels';

// The import wizard's rules, kept free of React so they can be tested without a DOM.

export const WIZARD_STEPS = [
  { id: 'file', label: 'Choose a file' },
  { id: 'sheet', label: 'Sheet and header' },
  { id: 'mapping', label: 'Match columns' },
  { id: 'preview', label: 'Review' },
  { id: 'done', label: 'Done' },
] as const;
export type WizardStep = (typeof WIZARD_STEPS)[number]['id'];

export function stepIndex(step: WizardStep): number {
  return WIZARD_STEPS.findIndex((s) => s.id === step);
}

export interface MappingEntry {
  column: number;
  field: string | null;
}

export function mappingFromProposal(proposal: MappingProposal): MappingEntry[] {
  return proposal.mapping.map((m) => ({ column: m.column, field: m.field }));
}

/**
 * Puts `field` on `column`. A field fills one column only (two "Account name" columns would leave the
 * importer to guess which wins), so the column that had it before gives it up; its index is returned
 * so the screen can say so.
 */
export function assignField(mapping: readonly MappingEntry[], column: number, field: string | null): { mapping: MappingEntry[]; movedFrom: number | null } {
  let movedFrom: number | null = null;
  const next = mapping.map((entry) => {
    if (entry.column === column) return { column, field };
    if (field !== null && entry.field === field) {
      movedFrom = entry.column;
      return { column: entry.column, field: null };
    }
    return entry;
  });
  if (!next.some((e) => e.column === column)) next.push({ column, field });
  return { mapping: next, movedFrom };
}

/** Required fields no column feeds: every row would be rejected for want of them. */
export function missingRequired(fields: readonly FieldInfo[], mapping: readonly MappingEntry[]): FieldInfo[] {
  const used = new Set(mapping.map((m) => m.field).filter((f): f is string => f !== null));
  return fields.filter((f) => f.required && !used.has(f.key));
}

/** `driver:Support` rates the driver "Support"; such keys are not in the field list. */
export function fieldLabel(fields: readonly FieldInfo[], key: string): string {
  const known = fields.find((f) => f.key === key);
  if (known) return known.label;
  if (key.startsWith('driver:')) return `Driver rating: ${key.slice('driver:'.length)}`;
  return key;
}

/** A driver key made from a column header: the header's last part ("Q5 / Support" rates "Support"). */
export function driverKeyFor(header: string): string {
  const name = header.split(' / ').pop()!.trim().slice(0, 120) || 'Driver';
  return `driver:${name}`;
}

/** Whole percent, or null when the total is unknown (an indeterminate bar). */
export function progressPercent(done: number, total: number | null): number | null {
  if (total === null || total <= 0) return null;
  return Math.max(0, Math.min(100, Math.round((done / total) * 100)));
}

/** "Row 5, column B (Format)" — where a person finds the cell in their spreadsheet. */
export function problemLocation(problem: Pick<ImportProblem, 'row' | 'column'>): string {
  return problem.column ? `Row ${problem.row}, column ${problem.column}` : `Row ${problem.row}`;
}

/** "21 new accounts, 3 updated contacts"; unchanged records are not changes. */
export function describeRecordChanges(records: Record<string, EntityCounts>): string[] {
  const parts: string[] = [];
  for (const [kind, counts] of Object.entries(records)) {
    if (counts.new > 0) parts.push(`${counts.new.toLocaleString('en-US')} new ${recordName(kind, counts.new)}`);
    if (counts.updated > 0) parts.push(`${counts.updated.toLocaleString('en-US')} updated ${recordName(kind, counts.updated)}`);
  }
  return parts;
}

/** Rows the commit would write: new and updated ones (unchanged, rejected and left-out rows write nothing). */
export function rowsToWrite(summary: Pick<PreviewSummary, 'rows'>): number {
  return summary.rows.new + summary.rows.updated;
}

/** Why the commit button is off, in words; null when it may be pressed. */
export function commitBlocker(summary: PreviewSummary): string | null {
  if (summary.questions.length > 0) return 'Answer the questions above first: the importer will not guess.';
  if (summary.nothingToDo) {
    return summary.rows.rejected > 0 && rowsToWrite(summary) === 0
      ? 'Every row was rejected: fix the mapping or the file, then preview again.'
      : 'Nothing would change: the workspace already holds everything in this file.';
  }
  return null;
}

export interface ImportOptionsState {
  decimalSeparator: 'auto' | '.' | ',';
  dateOrder: 'auto' | 'dmy' | 'mdy' | 'ymd';
  defaultDate: string;
  responseKind: 'relationship' | 'transactional' | 'qbr' | 'potential';
}

export const DEFAULT_OPTIONS: ImportOptionsState = { decimalSeparator: 'auto', dateOrder: 'auto', defaultDate: '', responseKind: 'relationship' };

/** The preview's options: an empty default date is left out rather than sent as "". */
export function optionsForPreview(options: ImportOptionsState) {
  return {
    decimalSeparator: options.decimalSeparator,
    dateOrder: options.dateOrder,
    responseKind: options.responseKind,
    ...(options.defaultDate ? { defaultDate: options.defaultDate } : {}),
  };
}

/** Applies the person's answer to one of the preview's questions. */
export function answerQuestion(options: ImportOptionsState, question: Pick<ImportQuestion, 'kind'>, answer: string): ImportOptionsState {
  switch (question.kind) {
    case 'decimalSeparator':
      return answer === '.' || answer === ',' ? { ...options, decimalSeparator: answer } : options;
    case 'dateOrder':
      return answer === 'dmy' || answer === 'mdy' || answer === 'ymd' ? { ...options, dateOrder: answer } : options;
    case 'defaultDate':
      return /^\d{4}-\d{2}-\d{2}$/.test(answer) ? { ...options, defaultDate: answer } : options;
  }
}

/**
 * A choice in words, tied to a value from the file when there is one: "Comma: “1.200” is one thousand
 * two hundred" is easier to decide than a bare ",".
 */
export function choiceText(choice: string, example?: string): string {
  const sample = example ? `“${example}”` : '“1.200”';
  switch (choice) {
    case '.':
      return `Dot is the decimal separator: ${sample} is about one`;
    case ',':
      return `Comma is the decimal separator: ${sample} is about a thousand`;
    case 'dmy':
      return `Day/month/year${readDate(example, 'dmy') ?? ' (31/03/2025)'}`;
    case 'mdy':
      return `Month/day/year${readDate(example, 'mdy') ?? ' (03/31/2025)'}`;
    case 'ymd':
      return 'Year/month/day (2025/03/31)';
    default:
      return choice;
  }
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** ": “03/04/2024” is 3 April 2024" for a day-first or month-first reading of an example, when it reads as a date. */
function readDate(example: string | undefined, order: 'dmy' | 'mdy'): string | null {
  const match = example ? /^(\d{1,2})[./-](\d{1,2})[./-](\d{2}|\d{4})$/.exec(example.trim()) : null;
  if (!match) return null;
  const [a, b] = [Number(match[1]), Number(match[2])];
  const [day, month] = order === 'dmy' ? [a, b] : [b, a];
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return `: “${example!.trim()}” is ${day} ${MONTHS[month - 1]} ${match[3]}`;
}

/** Byte ranges of an upload: 4 MiB each, and one (empty, last) chunk for an empty file so the core can say it is empty. */
export function uploadChunks(size: number, chunk = MAX_CHUNK_BYTES): { offset: number; end: number; last: boolean }[] {
  if (size <= 0) return [{ offset: 0, end: 0, last: true }];
  const out: { offset: number; end: number; last: boolean }[] = [];
  for (let offset = 0; offset < size; offset += chunk) {
    const end = Math.min(size, offset + chunk);
    out.push({ offset, end, last: end === size });
  }
  return out;
}

/** What an import did, for the history list: "20 new, 1 updated · 1 rejected". */
export function describeImportRows(record: Pick<ImportRecord, 'rows'>): string {
  const r = record.rows;
  const parts = [`${r.new} new`, `${r.updated} updated`];
  if (r.unchanged) parts.push(`${r.unchanged} unchanged`);
  const skipped = [r.rejected ? `${r.rejected} rejected` : null, r.excluded ? `${r.excluded} left out` : null].filter(Boolean);
  return parts.join(', ') + (skipped.length ? ` · ${skipped.join(', ')}` : '');
}

/** 1-based sheet rows that are header rows, for highlighting the sample. */
export function isHeaderRow(row: number, header: { first: number; count: number }): boolean {
  return row >= header.first && row < header.first + header.count;
}

/** Files the picker offers; the core sniffs the bytes anyway, so this is a convenience, not a check. */
export const ACCEPTED_FILE_TYPES = '.xlsx,.xlsm,.csv,.tsv,.txt,.ods';

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** A moment in the workspace's locale ("Dec 5, 2026, 1:32 AM"); the raw text if it does not parse. */
export function formatMoment(iso: string, locale: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  try {
    return date.toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });
  } catch {
    return date.toLocaleString('en-US', { dateStyle: 'medium', timeStyle: 'short' });
  }
}
