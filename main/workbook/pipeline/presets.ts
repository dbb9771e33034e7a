import type { ImportEntity, PresetId } from '../../../shared/contract/workbook';
import type { SheetRow } from '../cells';
import { cellText } from '../cells';
import type { ColumnHeader } from './headers';
import { headerKey } from './fields';

export interface PresetMatch {
  id: PresetId;
  entity: ImportEntity;
  header: { first: number; count: number };
  /** Upper header rows are merged over several columns (SurveyMonkey). */
  carryForward: boolean;
}

const rowKeys = (row: SheetRow | undefined) => (row ? row.cells.map((c) => headerKey(cellText(c))) : []);
const hasAll = (keys: string[], wanted: string[]) => wanted.every((w) => keys.includes(w));

/**
 * Native exports recognised as they come, without reformatting: their header layouts are documented
 * by the tools (workbooks.md). Checked on the first rows of a sheet.
 */
export function detectPreset(sample: readonly SheetRow[]): PresetMatch | null {
  const first = sample[0];
  if (!first) return null;
  const keys = rowKeys(first);
  const second = sample[1];
  const third = sample[2];

  // Qualtrics: column ids, question text, then {"ImportId":...} JSON.
  const thirdTexts = third ? third.cells.map((c) => cellText(c).trim()) : [];
  if (thirdTexts.filter((t) => t.startsWith('{"ImportId"') || t.startsWith("{'ImportId'")).length >= Math.max(1, thirdTexts.filter(Boolean).length * 0.5)) {
    return { id: 'qualtrics', entity: 'responses', header: { first: first.row, count: 3 }, carryForward: false };
  }
  if (keys.includes('responseid') && (keys.includes('startdate') || keys.includes('recordeddate'))) {
    return { id: 'qualtrics', entity: 'responses', header: { first: first.row, count: second && rowKeys(second).includes('startdate') === false && isTextRow(second) ? 2 : 1 }, carryForward: false };
  }
  // Legacy Qualtrics: V1..V10 codes, then the names.
  if (keys[0] === 'v1' && keys.includes('v10') && second && rowKeys(second).includes('responseid')) {
    return { id: 'qualtrics-legacy', entity: 'responses', header: { first: first.row, count: 2 }, carryForward: false };
  }
  if (hasAll(keys, ['respondent id', 'collector id'])) {
    return { id: 'surveymonkey', entity: 'responses', header: { first: first.row, count: second && isTextRow(second) ? 2 : 1 }, carryForward: true };
  }
  if (hasAll(keys, ['response id', 'timestamp', 'finished']) || (keys.includes('formbricks id internal') && keys.includes('response id'))) {
    return { id: 'formbricks', entity: 'responses', header: { first: first.row, count: 1 }, carryForward: false };
  }
  if (keys.includes('score') && keys.includes('comment') && (keys.some((k) => k.includes('email')) || keys.includes('response id'))) {
    return { id: 'delighted', entity: 'responses', header: { first: first.row, count: 1 }, carryForward: false };
  }
  // CRM account lists (Salesforce "Account Name / Account ID", HubSpot "Company name / Record ID").
  const named = keys.some((k) => ['account name', 'company name', 'account', 'company'].includes(k));
  const identified = keys.some((k) => ['account id', 'record id', 'company id', 'account number', 'id'].includes(k));
  const revenue = keys.some((k) => ['annual revenue', 'arr', 'revenue', 'annual recurring revenue'].includes(k));
  const scored = keys.some((k) => /\b(nps|score|recommend)\b/.test(k));
  if (named && (identified || revenue) && !scored) {
    return { id: 'crm-accounts', entity: 'accounts', header: { first: first.row, count: 1 }, carryForward: false };
  }
  return null;
}

function isTextRow(row: SheetRow): boolean {
  const filled = row.cells.filter((c) => cellText(c).trim() !== '');
  return filled.length > 0 && filled.every((c) => typeof c === 'string');
}

/** Field choices a preset knows better than synonyms do; returns column index → field. */
export function presetMapping(preset: PresetId | null, columns: readonly ColumnHeader[]): Map<number, string> {
  const out = new Map<number, string>();
  if (!preset) return out;
  const idOf = (c: ColumnHeader) => {
    if (preset === 'qualtrics') {
      // The third header row names each column by its stable ImportId: {"ImportId":"QID2_TEXT"}.
      const m = /ImportId["']\s*:\s*["']([^"']+)/.exec(c.parts[2] ?? '');
      if (m) return m[1]!;
    }
    return c.parts[preset === 'qualtrics-legacy' ? 1 : 0] ?? '';
  };
  const byId = (test: (id: string) => boolean) => columns.find((c) => test(idOf(c)));
  const set = (column: ColumnHeader | undefined, field: string) => {
    if (column && ![...out.values()].includes(field)) out.set(column.index, field);
  };
  if (preset === 'qualtrics' || preset === 'qualtrics-legacy') {
    set(byId((id) => /^(responseid|_recordid)$/i.test(id)), 'response.externalId');
    set(byId((id) => /^recordeddate$/i.test(id)) ?? byId((id) => /^enddate$/i.test(id)), 'response.date');
    set(byId((id) => /^(externalreference|externaldatareference)$/i.test(id)), 'contact.externalId');
    set(byId((id) => /^(recipientemail|emailaddress|email)$/i.test(id)), 'contact.email');
    set(byId((id) => /^recipientfirstname$/i.test(id)), 'contact.firstName');
    set(byId((id) => /^(name)$/i.test(id)), 'contact.name');
    set(byId((id) => /^recipientlastname$/i.test(id)), 'contact.lastName');
    set(byId((id) => /^name$/i.test(id)), 'contact.name');
    set(byId((id) => /^externalreference$|^externaldatareference$/i.test(id)), 'contact.externalId');
    set(byId((id) => /^finished$/i.test(id)), 'response.finished');
    const group = columns.find((c) => /_NPS_GROUP$/i.test(idOf(c)));
    if (group) {
      out.set(group.index, 'response.npsGroup');
      const base = idOf(group).replace(/_NPS_GROUP$/i, '');
      set(columns.find((c) => idOf(c) === base), 'response.nps');
    }
    // The open question after the NPS question is its "why"; else the first open question.
    const npsColumn = [...out].find(([, f]) => f === 'response.nps')?.[0] ?? -1;
    const texts = columns.filter((c) => /_TEXT$/i.test(idOf(c)) && !out.has(c.index));
    set(texts.find((c) => c.index > npsColumn) ?? texts[0], 'response.verbatim');
  } else if (preset === 'surveymonkey') {
    set(byId((id) => headerKey(id) === 'respondent id'), 'response.externalId');
    set(byId((id) => headerKey(id) === 'end date'), 'response.date');
    set(byId((id) => headerKey(id) === 'email address'), 'contact.email');
    set(byId((id) => headerKey(id) === 'first name'), 'contact.firstName');
    set(byId((id) => headerKey(id) === 'last name'), 'contact.lastName');
  } else if (preset === 'formbricks') {
    set(byId((id) => headerKey(id) === 'response id'), 'response.externalId');
    set(byId((id) => headerKey(id) === 'timestamp'), 'response.date');
    set(byId((id) => headerKey(id) === 'finished'), 'response.finished');
    set(byId((id) => headerKey(id) === 'user id'), 'contact.externalId');
    set(byId((id) => headerKey(id) === 'notes'), 'response.notes');
  } else if (preset === 'crm-accounts') {
    set(byId((id) => ['account id', 'record id', 'company id', 'account number', 'id'].includes(headerKey(id))), 'account.externalId');
    set(byId((id) => ['account name', 'company name', 'account', 'company'].includes(headerKey(id))), 'account.name');
    set(byId((id) => ['account owner', 'company owner', 'owner'].includes(headerKey(id))), 'account.owner');
    set(byId((id) => ['billing country', 'country region', 'country', 'region'].includes(headerKey(id))), 'account.region');
  } else if (preset === 'delighted') {
    set(byId((id) => headerKey(id) === 'response id'), 'response.externalId');
    set(byId((id) => headerKey(id) === 'score'), 'response.nps');
    set(byId((id) => headerKey(id) === 'comment'), 'response.verbatim');
    set(byId((id) => ['email', 'person email', 'email address'].includes(headerKey(id))), 'contact.email');
    set(byId((id) => ['name', 'person name'].includes(headerKey(id))), 'contact.name');
    set(byId((id) => ['created at', 'response timestamp', 'date', 'survey date'].includes(headerKey(id))), 'response.date');
  }
  return out;
}
