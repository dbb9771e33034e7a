import type { ImportEntity, PresetId } from '../../../shared/contract/workbook';
import type { Cell, SheetRow } from '../cells';
import { cellText, isBlank } from '../cells';
import { parseDateText } from '../parse/dates';
import { parseEmail } from '../parse/scalars';
import { DRIVER_PREFIX, fieldsOf, headerKey } from './fields';
import type { FieldDef } from './fields';
import type { ColumnHeader } from './headers';
import { presetMapping } from './presets';

export interface ProposedColumn {
  column: number;
  field: string | null;
  confidence: number;
}

/**
 * Proposes a field per column from what the header says and what the values look like, then gives
 * each field to its best column. The person confirms or changes it; nothing is imported on a guess
 * alone, because the preview shows every problem before commit.
 */
export function proposeMapping(options: {
  entity: ImportEntity;
  preset: PresetId | null;
  columns: readonly ColumnHeader[];
  dataRows: readonly SheetRow[];
  driverNames: readonly string[];
}): ProposedColumn[] {
  const { entity, columns, dataRows } = options;
  const fields = fieldsOf(entity, options.driverNames);
  const fixed = presetMapping(options.preset, columns);
  const candidates: { column: number; field: string; score: number }[] = [];
  for (const column of columns) {
    if (fixed.has(column.index)) {
      candidates.push({ column: column.index, field: fixed.get(column.index)!, score: 2 });
      continue;
    }
    const values = dataRows.map((r) => r.cells[column.index]).filter((c) => !isBlank(c));
    const profile = profileValues(values);
    for (const field of fields) {
      const score = headerScore(column, field) + contentScore(field, profile);
      if (score >= 0.5) candidates.push({ column: column.index, field: field.key, score });
    }
    if (entity === 'responses') {
      const driver = driverFromHeader(column, options.driverNames);
      if (driver && profile.smallIntegers) candidates.push({ column: column.index, field: DRIVER_PREFIX + driver, score: 0.9 });
    }
  }
  candidates.sort((a, b) => b.score - a.score || a.column - b.column);
  const byColumn = new Map<number, ProposedColumn>();
  const taken = new Set<string>();
  for (const c of candidates) {
    if (byColumn.has(c.column) || taken.has(c.field)) continue;
    byColumn.set(c.column, { column: c.column, field: c.field, confidence: Math.min(1, c.score) });
    taken.add(c.field);
  }
  return columns.map((c) => byColumn.get(c.index) ?? { column: c.index, field: null, confidence: 0 });
}

function headerScore(column: ColumnHeader, field: FieldDef): number {
  const keys = [...column.parts, column.label].map(headerKey).filter(Boolean);
  let best = 0;
  for (const key of keys) {
    for (const synonym of field.synonyms) {
      const s = headerKey(synonym);
      if (key === s) best = Math.max(best, 1);
      else if (s.length >= 4 && (` ${key} `.includes(` ${s} `))) best = Math.max(best, key.split(' ').length <= 4 ? 0.6 : 0.45);
    }
  }
  return best;
}

interface Profile {
  count: number;
  emails: number;
  dates: number;
  nps: boolean;
  smallIntegers: boolean;
  money: number;
  longText: number;
}

function profileValues(values: Cell[]): Profile {
  let emails = 0;
  let dates = 0;
  let money = 0;
  let longText = 0;
  const integers: number[] = [];
  for (const value of values) {
    if (value instanceof Date) dates++;
    else if (typeof value === 'number') {
      if (Number.isInteger(value) && value >= 0 && value <= 10) integers.push(value);
    } else if (typeof value === 'string') {
      const text = value.trim();
      if (text.includes('@') && parseEmail(text).ok) emails++;
      else if (/^\d{1,2}$/.test(text)) integers.push(Number(text));
      else if (/^[$€£¥]|[$€£¥]$|^\d[\d.,' ]*\s?(k|m|mm|bn|mio)$/i.test(text)) money++;
      else if (/\d/.test(text) && parseDateText(text, 'dmy').ok) dates++;
      else if (text.length > 40 && /\s/.test(text)) longText++;
    }
  }
  const count = values.length;
  const allIntegers = count > 0 && integers.length === count;
  const onScale = integers.filter((v) => v >= 1 && v <= 7).length;
  return {
    count,
    emails,
    dates,
    money,
    longText,
    nps: allIntegers && Math.max(...integers) <= 10 && integers.some((v) => v >= 9 || v <= 6),
    // A stray invalid rating must not hide a rating column: the preview reports it instead.
    smallIntegers: count > 0 && onScale >= count * 0.6,
  };
}

function contentScore(field: FieldDef, p: Profile): number {
  if (p.count === 0) return 0;
  const share = (n: number) => n / p.count;
  switch (field.kind) {
    case 'email':
      return share(p.emails) >= 0.8 ? 0.8 : 0;
    case 'date':
    case 'datetime':
      return share(p.dates) >= 0.8 ? 0.25 : share(p.dates) < 0.2 ? -0.5 : 0;
    case 'money':
      return share(p.money) >= 0.5 ? 0.4 : 0;
    case 'score':
      if (field.key === 'response.nps') return p.nps ? 0.2 : -0.3;
      return p.smallIntegers ? 0.1 : -0.3;
    case 'text':
      if (field.key === 'response.verbatim') return share(p.longText) >= 0.3 ? 0.5 : 0;
      return share(p.emails) >= 0.8 ? -0.5 : 0;
    default:
      return 0;
  }
}

/** "Driver: Onboarding", "Onboarding (driver)", or a header naming a known driver. */
function driverFromHeader(column: ColumnHeader, known: readonly string[]): string | null {
  for (const part of [...column.parts].reverse()) {
    const text = part.trim();
    const m = /^(?:driver|treiber)\s*[:\-–]\s*(.+)$/i.exec(text) ?? /^(.+?)\s*\((?:driver|treiber)\)$/i.exec(text) ?? /^\[(?:driver)\]\s*(.+)$/i.exec(text);
    if (m) return m[1]!.trim().slice(0, 100);
    const hit = known.find((k) => headerKey(k) === headerKey(text));
    if (hit) return hit;
  }
  return null;
}

/** The entity a sheet most likely holds, from its headers, when no preset said so. */
export function proposeEntity(columns: readonly ColumnHeader[], dataRows: readonly SheetRow[]): ImportEntity {
  const keys = columns.map((c) => headerKey(c.label));
  const has = (...words: string[]) => keys.some((k) => words.some((w) => k === w || ` ${k} `.includes(` ${w} `)));
  const npsLike = has('nps', 'score', 'likelihood to recommend', 'recommend');
  if (npsLike) return 'responses';
  if (has('qbr') && has('note', 'notes')) return 'qbr_notes';
  if (has('action', 'task') && has('status', 'owner', 'due')) return 'actions';
  if (has('email', 'e mail') && has('account', 'company', 'customer', 'organization') && !has('arr', 'revenue')) return 'contacts';
  const exactly = (...words: string[]) => keys.some((k) => words.includes(k));
  if (has('arr', 'revenue') && exactly('date', 'as of', 'effective date', 'month', 'period') && !has('industry', 'tier', 'owner', 'region')) return 'arr';
  void dataRows;
  return 'accounts';
}

