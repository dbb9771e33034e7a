import type { ImportEntity, ImportProblem, ImportQuestion } from '../../../shared/contract/workbook';
import type { Cell } from '../cells';
import { CellError, cellText, isBlank } from '../cells';
import type { DateOrder, ParsedMoment } from '../parse/dates';
import { dateOrderEvidence, isAmbiguousDate, momentFromDate, momentFromNumber, momentToIsoInstant, parseDateText } from '../parse/dates';
import type { DecimalSeparator } from '../parse/money';
import { decimalEvidence, parseMoneyNumber, parseMoneyText } from '../parse/money';
import { actionKindOf, actionStatusOf, arrKindOf, booleanOf, interviewKindOf, levelOf, npsGroupOf, renewalIntentOf, roleOf, tierOf } from '../parse/choices';
import { cleanText, parseEmail, parseScore } from '../parse/scalars';
import { DRIVER_PREFIX, fieldsOf } from './fields';
import type { FieldDef } from './fields';

export type Value = string | number | boolean | null;

/** One data row after conversion: typed values by field key, and what was wrong with it. */
export interface ConvertedRow {
  row: number;
  values: Map<string, Value>;
  problems: ImportProblem[];
}

export interface ConvertContext {
  entity: Exclude<ImportEntity, 'workspace'>;
  sheet: string;
  /** Column index → field key, for mapped columns only. */
  mapping: Map<number, string>;
  columnLabel: (column: number) => string;
  currency: string;
  digits: number;
  date1904: boolean;
  decimal: DecimalSeparator | 'auto';
  dateOrder: DateOrder | 'auto';
  defaultDate: string | null;
  responseKind: string;
  driverScale: { min: number; max: number };
  driverNames: readonly string[];
}

const TEXT_LIMITS: Record<string, number> = {
  'account.name': 200,
  'account.externalId': 100,
  'account.industry': 80,
  'account.region': 80,
  'account.owner': 120,
  'contact.name': 200,
  'contact.title': 200,
  'contact.phone': 50,
  'contact.externalId': 100,
  'response.externalId': 200,
  'response.interviewer': 120,
  'qbr.title': 200,
  'action.title': 500,
  'action.owner': 120,
};

/** Column-wide decisions (decimal separator, date order) made from the whole column before any row is judged. */
export interface ColumnDecisions {
  decimal: Map<number, DecimalSeparator | null>;
  dateOrder: Map<number, DateOrder | null>;
  questions: ImportQuestion[];
}

export function decideColumns(ctx: ConvertContext, rows: Iterable<{ cells: Cell[] }>, fields: Map<string, FieldDef>): ColumnDecisions {
  const moneyColumns = [...ctx.mapping].filter(([, key]) => fields.get(key)?.kind === 'money').map(([c]) => c);
  const dateColumns = [...ctx.mapping].filter(([, key]) => ['date', 'datetime'].includes(fields.get(key)?.kind ?? '')).map(([c]) => c);
  const decimalSeen = new Map<number, Set<DecimalSeparator>>(moneyColumns.map((c) => [c, new Set()]));
  const ambiguousMoney = new Map<number, string[]>(moneyColumns.map((c) => [c, []]));
  const orderSeen = new Map<number, Set<DateOrder>>(dateColumns.map((c) => [c, new Set()]));
  const ambiguousDates = new Map<number, string[]>(dateColumns.map((c) => [c, []]));
  for (const { cells } of rows) {
    for (const c of moneyColumns) {
      const cell = cells[c];
      if (typeof cell !== 'string' || cell.trim() === '') continue;
      const evidence = decimalEvidence(cell);
      if (evidence) decimalSeen.get(c)!.add(evidence);
      else if (/\d[.,]\d{3}(?!\d)/.test(cell) && !/[kKmMbB]/.test(cell)) {
        const list = ambiguousMoney.get(c)!;
        if (list.length < 3) list.push(cell.trim());
      }
    }
    for (const c of dateColumns) {
      const cell = cells[c];
      if (typeof cell !== 'string') continue;
      const evidence = dateOrderEvidence(cell);
      if (evidence) orderSeen.get(c)!.add(evidence);
      else if (isAmbiguousDate(cell)) {
        const list = ambiguousDates.get(c)!;
        if (list.length < 3) list.push(cell.trim());
      }
    }
  }
  const decisions: ColumnDecisions = { decimal: new Map(), dateOrder: new Map(), questions: [] };
  for (const c of moneyColumns) {
    const seen = decimalSeen.get(c)!;
    const decided = ctx.decimal !== 'auto' ? ctx.decimal : seen.size === 1 ? [...seen][0]! : null;
    decisions.decimal.set(c, decided);
    if (decided === null && ambiguousMoney.get(c)!.length > 0) {
      decisions.questions.push({
        kind: 'decimalSeparator',
        column: ctx.columnLabel(c),
        message: `In column ${ctx.columnLabel(c)}, is the dot or the comma the decimal separator? (Is "${ambiguousMoney.get(c)![0]}" about a thousand, or about one?)`,
        examples: ambiguousMoney.get(c)!,
        choices: ['.', ','],
      });
    }
  }
  for (const c of dateColumns) {
    const seen = orderSeen.get(c)!;
    const decided = ctx.dateOrder !== 'auto' ? ctx.dateOrder : seen.size === 1 ? [...seen][0]! : null;
    decisions.dateOrder.set(c, decided);
    if (decided === null && ambiguousDates.get(c)!.length > 0) {
      decisions.questions.push({
        kind: 'dateOrder',
        column: ctx.columnLabel(c),
        message: `In column ${ctx.columnLabel(c)}, are dates written day/month/year or month/day/year? (e.g. "${ambiguousDates.get(c)![0]}")`,
        examples: ambiguousDates.get(c)!,
        choices: ['dmy', 'mdy'],
      });
    }
  }
  return decisions;
}

/**
 * The mapping as two parallel arrays, made once per context: a hundred thousand rows iterate it, and a
 * Map's entries are an array each.
 */
interface MappingArrays {
  columns: number[];
  keys: string[];
  /** The field of each column, from `fields` (the catalogue the arrays were made with). */
  defs: (FieldDef | undefined)[];
  fields: Map<string, FieldDef>;
}
const mappingArrays = new WeakMap<ConvertContext, MappingArrays>();
function mappingOf(ctx: ConvertContext, fields: Map<string, FieldDef>): MappingArrays {
  let m = mappingArrays.get(ctx);
  if (!m || m.fields !== fields) {
    const keys = [...ctx.mapping.values()];
    m = { columns: [...ctx.mapping.keys()], keys, defs: keys.map((key) => fields.get(key)), fields };
    mappingArrays.set(ctx, m);
  }
  return m;
}

/** Rows say what was wrong in problems; a plain function, not a closure per row (a 100k-row file felt those). */
function addProblem(ctx: ConvertContext, out: ConvertedRow, column: number | null, field: string | null, message: string, severity: 'error' | 'warning' = 'error'): void {
  out.problems.push({ sheet: ctx.sheet, row: out.row, column: column === null ? null : ctx.columnLabel(column), field, severity, message });
}

/**
 * Turns one row's mapped cells into typed values; every unusable cell becomes a problem, never a guess.
 * `complete: false` for a pass over a few columns only: the row as a whole (required fields) is not judged.
 */
export function convertRow(ctx: ConvertContext, decisions: ColumnDecisions, fields: Map<string, FieldDef>, row: number, cells: Cell[], complete = true): ConvertedRow {
  const values = new Map<string, Value>();
  const out: ConvertedRow = { row, values, problems: [] };
  const mapping = mappingOf(ctx, fields);
  for (let m = 0; m < mapping.columns.length; m++) {
    const column = mapping.columns[m]!;
    const key = mapping.keys[m]!;
    const cell = cells[column];
    if (isBlank(cell)) continue;
    if (cell instanceof CellError) {
      addProblem(ctx, out, column, key, `the cell holds the spreadsheet error ${cell.text}`);
      continue;
    }
    const field = mapping.defs[m];
    if (!field) continue;
    const label = field.label;
    switch (field.kind) {
      case 'text': {
        const text = cleanText(cell);
        const limit = TEXT_LIMITS[key] ?? 10_000;
        if (text && text.length > limit) addProblem(ctx, out, column, key, `${label} is longer than ${limit} characters`);
        else values.set(key, text);
        break;
      }
      case 'email': {
        const parsed = parseEmail(cellText(cell));
        if (parsed.ok) values.set(key, parsed.value);
        else addProblem(ctx, out, column, key, parsed.message, 'warning');
        break;
      }
      case 'money': {
        const options = { digits: ctx.digits, currency: ctx.currency, decimal: decisions.decimal.get(column) ?? null };
        const parsed = typeof cell === 'number' ? parseMoneyNumber(cell, options) : typeof cell === 'string' ? parseMoneyText(cell, options) : null;
        if (!parsed) addProblem(ctx, out, column, key, `${label} must be an amount`);
        else if (!parsed.ok) addProblem(ctx, out, column, key, `${label}: ${parsed.message}`);
        else if (parsed.minor < 0) addProblem(ctx, out, column, key, `${label} cannot be negative`);
        else values.set(key, parsed.minor);
        break;
      }
      case 'date':
      case 'datetime': {
        // A date cell in the years 0–9999 is its own UTC instant: the same value the moment below gives.
        const iso = cell instanceof Date && !Number.isNaN(cell.getTime()) ? cell.toISOString() : null;
        if (iso !== null && iso.length === 24) {
          values.set(key, field.kind === 'date' ? iso.slice(0, 10) : iso);
          break;
        }
        const moment = toMoment(cell, decisions.dateOrder.get(column) ?? null, ctx.date1904);
        if (!moment.ok) addProblem(ctx, out, column, key, `${label}: ${moment.message}`);
        else values.set(key, field.kind === 'date' ? moment.value.date : momentToIsoInstant(moment.value));
        break;
      }
      case 'score': {
        const [min, max] = scaleOf(key, ctx);
        const parsed = parseScore(cell, min, max, scoreName(label));
        if (parsed.ok) values.set(key, parsed.value);
        else addProblem(ctx, out, column, key, parsed.message);
        break;
      }
      case 'boolean': {
        const parsed = typeof cell === 'boolean' ? cell : typeof cell === 'number' ? (cell === 1 ? true : cell === 0 ? false : null) : booleanOf(cellText(cell));
        if (parsed === null) addProblem(ctx, out, column, key, `"${cellText(cell)}" is not yes or no; ${label} left as it was`, 'warning');
        else values.set(key, parsed);
        break;
      }
      case 'choice': {
        const text = cellText(cell);
        const chosen = choiceOf(key, text);
        if (chosen === null) {
          const choices = field.choices?.join(', ') ?? '';
          addProblem(ctx, out, column, key, `"${text.slice(0, 40)}" is not a known ${label.toLowerCase()} (${choices}); left empty`, 'warning');
        } else values.set(key, chosen);
        break;
      }
      default:
        values.set(key, cleanText(cell));
    }
  }
  fillDefaults(ctx, values);
  if (complete) requireFields(ctx, out);
  return out;
}

function columnOf(ctx: ConvertContext, field: string | null): number | null {
  if (!field) return null;
  for (const [k, key] of ctx.mapping) if (key === field) return k;
  return null;
}

function toMoment(cell: Cell, order: DateOrder | null, date1904: boolean): { ok: true; value: ParsedMoment } | { ok: false; message: string } {
  if (cell instanceof Date) {
    const moment = momentFromDate(cell);
    return moment ? { ok: true, value: moment } : { ok: false, message: 'is not a valid date' };
  }
  if (typeof cell === 'number') return momentFromNumber(cell, date1904);
  if (typeof cell === 'string') {
    const trimmed = cell.trim();
    if (/^\d+(\.\d+)?$/.test(trimmed) && !/^\d{8}$/.test(trimmed)) return momentFromNumber(Number(trimmed), date1904);
    return parseDateText(trimmed, order);
  }
  return { ok: false, message: 'is not a date' };
}

/** A score field's name for messages, without its scale ("NPS (0–10)" → "NPS"); worked out once per label. */
const scoreNames = new Map<string, string>();
function scoreName(label: string): string {
  let name = scoreNames.get(label);
  if (name === undefined) {
    name = label.replace(/\s*\(.*\)$/, '');
    if (scoreNames.size < 1024) scoreNames.set(label, name);
  }
  return name;
}

function scaleOf(key: string, ctx: ConvertContext): [number, number] {
  if (key.startsWith(DRIVER_PREFIX)) return [ctx.driverScale.min, ctx.driverScale.max];
  if (key === 'response.nps') return [0, 10];
  if (key === 'response.ces') return [1, 7];
  return [1, 5];
}

function choiceOf(key: string, text: string): Value {
  switch (key) {
    case 'contact.role':
      return roleOf(text);
    case 'contact.level':
    case 'action.level':
      return levelOf(text);
    case 'account.tier':
      return tierOf(text);
    case 'account.renewalIntent':
      return renewalIntentOf(text);
    case 'arr.kind':
      return arrKindOf(text);
    case 'response.kind':
      return interviewKindOf(text);
    case 'response.npsGroup':
      return npsGroupOf(text);
    case 'action.status':
      return actionStatusOf(text);
    case 'action.kind':
      return actionKindOf(text);
    default:
      return text;
  }
}

const has = (values: Map<string, Value>, key: string): boolean => {
  const value = values.get(key);
  return value !== undefined && value !== null;
};

const ANSWERS = ['response.nps', 'response.csat', 'response.ces', 'response.verbatim'];

/** A missing or inconsistent field is reported at the column it is mapped from, when it is. */
function addMissing(ctx: ConvertContext, out: ConvertedRow, field: string | null, message: string, severity: 'error' | 'warning' = 'error'): void {
  addProblem(ctx, out, columnOf(ctx, field), field, message, severity);
}

/** Values a row gets without a cell of its own: a name from first and last name, the chosen date. */
function fillDefaults(ctx: ConvertContext, values: Map<string, Value>): void {
  const first = values.get('contact.firstName');
  const last = values.get('contact.lastName');
  if (!has(values, 'contact.name') && (first || last)) values.set('contact.name', [first, last].filter(Boolean).join(' '));
  if (ctx.defaultDate) {
    if (!has(values, 'response.date')) values.set('response.date', `${ctx.defaultDate}T00:00:00.000Z`);
    if (!has(values, 'qbr.date')) values.set('qbr.date', ctx.defaultDate);
  }
}

function requireFields(ctx: ConvertContext, out: ConvertedRow): void {
  const values = out.values;
  const needAccount = ctx.entity !== 'accounts' && ctx.entity !== 'responses';
  if (needAccount && !has(values, 'account.name') && !has(values, 'account.externalId')) addMissing(ctx, out, 'account.name', 'No account: the row needs an account name or account id');
  switch (ctx.entity) {
    case 'accounts':
      if (!has(values, 'account.name')) addMissing(ctx, out, 'account.name', 'Account name is missing');
      break;
    case 'contacts':
      if (!has(values, 'contact.name')) {
        if (has(values, 'contact.email')) values.set('contact.name', values.get('contact.email')!);
        else addMissing(ctx, out, 'contact.name', 'Contact name is missing (and there is no email to name them by)');
      }
      break;
    case 'arr':
      if (!has(values, 'arr.date')) addMissing(ctx, out, 'arr.date', 'ARR date is missing');
      if (!has(values, 'arr.amount')) addMissing(ctx, out, 'arr.amount', 'ARR amount is missing');
      break;
    case 'responses': {
      if (!has(values, 'response.date')) addMissing(ctx, out, 'response.date', 'Response date is missing: map a date column, or set a date for rows without one');
      let answered = false;
      for (const key of ANSWERS) if (has(values, key)) answered = true;
      if (!answered) for (const key of values.keys()) if (key.startsWith(DRIVER_PREFIX)) answered = true;
      if (!answered) addMissing(ctx, out, null, 'The response has no answer (no score, rating or comment)');
      if (!has(values, 'contact.name') && has(values, 'contact.email')) values.set('contact.name', values.get('contact.email')!);
      const group = values.get('response.npsGroup');
      const nps = values.get('response.nps');
      if (typeof nps === 'number' && group) {
        const expected = nps >= 9 ? 'promoter' : nps >= 7 ? 'passive' : 'detractor';
        if (expected !== group) addMissing(ctx, out, 'response.npsGroup', `NPS ${nps} is a ${expected}, but the file's NPS group says ${group}`, 'warning');
      }
      break;
    }
    case 'qbr_notes':
      if (!has(values, 'qbr.date')) addMissing(ctx, out, 'qbr.date', 'QBR date is missing');
      if (!has(values, 'note.body')) addMissing(ctx, out, 'note.body', 'Note text is missing');
      break;
    case 'actions':
      if (!has(values, 'action.title')) addMissing(ctx, out, 'action.title', 'Action title is missing');
      break;
  }
}

export function fieldMap(entity: Exclude<ImportEntity, 'workspace'>, mapping: Map<number, string>, driverNames: readonly string[]): Map<string, FieldDef> {
  const names = new Set(driverNames);
  for (const key of mapping.values()) if (key.startsWith(DRIVER_PREFIX)) names.add(key.slice(DRIVER_PREFIX.length));
  return new Map(fieldsOf(entity, [...names]).map((f) => [f.key, f]));
}
