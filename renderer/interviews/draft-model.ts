import type { AnswerValue, InterviewDraft, InterviewTags, TagSubject } from '../../shared/contract';

/** One stakeholder's answers as the screen holds them; `answers` has a key for every answered question. */
export interface DraftState {
  answers: Readonly<Record<string, AnswerValue | null>>;
  notes: string;
  sentimentOverride: number | null;
  touchpointId: string | null;
  tags: Readonly<Record<TagSubject, { driverIds: readonly string[]; touchpointIds: readonly string[] }>>;
}

/** What interviews.saveDraft takes besides the interview id. */
export interface DraftPatch {
  answers?: Record<string, AnswerValue | null>;
  notes?: string | null;
  sentimentOverride?: number | null;
  touchpointId?: string | null;
  tags?: InterviewTags[];
}

export function draftFromInterview(d: InterviewDraft): DraftState {
  const tags: Record<string, { driverIds: string[]; touchpointIds: string[] }> = {};
  for (const t of d.tags) tags[t.subject] = { driverIds: [...t.driverIds], touchpointIds: [...t.touchpointIds] };
  return { answers: { ...d.answers }, notes: d.notes ?? '', sentimentOverride: d.sentimentOverride, touchpointId: d.touchpointId, tags };
}

/** Blank text, no options, no ratings: all the same as no answer (the core stores them as none). */
export function isBlank(value: AnswerValue | null | undefined): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.values(value).every((v) => v === null);
  return false;
}

function sameAnswer(a: AnswerValue | null | undefined, b: AnswerValue | null | undefined): boolean {
  if (isBlank(a) && isBlank(b)) return true;
  if (isBlank(a) !== isBlank(b)) return false;
  if (typeof a === 'object' && typeof b === 'object' && a !== null && b !== null && !Array.isArray(a) && !Array.isArray(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((k) => (a[k] ?? null) === (b[k] ?? null));
  }
  return JSON.stringify(a) === JSON.stringify(b);
}

const sameSet = (a: readonly string[] = [], b: readonly string[] = []) => a.length === b.length && a.every((x) => b.includes(x));

/**
 * The smallest save that turns `saved` into `current`: only the questions, fields and tag subjects that
 * differ. null when nothing differs, so an idle screen sends nothing.
 */
export function diffDraft(saved: DraftState, current: DraftState): DraftPatch | null {
  const patch: DraftPatch = {};
  const answerKeys = new Set([...Object.keys(saved.answers), ...Object.keys(current.answers)]);
  for (const key of answerKeys) {
    const now = current.answers[key];
    if (sameAnswer(saved.answers[key], now)) continue;
    (patch.answers ??= {})[key] = isBlank(now) ? null : (now as AnswerValue);
  }
  if (saved.notes !== current.notes && !(saved.notes.trim() === '' && current.notes.trim() === '')) patch.notes = current.notes.trim() === '' ? null : current.notes;
  if (saved.sentimentOverride !== current.sentimentOverride) patch.sentimentOverride = current.sentimentOverride;
  if (saved.touchpointId !== current.touchpointId) patch.touchpointId = current.touchpointId;
  const subjects = new Set([...Object.keys(saved.tags), ...Object.keys(current.tags)]);
  for (const subject of subjects) {
    const before = saved.tags[subject];
    const after = current.tags[subject];
    if (sameSet(before?.driverIds, after?.driverIds) && sameSet(before?.touchpointIds, after?.touchpointIds)) continue;
    (patch.tags ??= []).push({ subject, driverIds: [...(after?.driverIds ?? [])], touchpointIds: [...(after?.touchpointIds ?? [])] });
  }
  return Object.keys(patch).length > 0 ? patch : null;
}

/** The tags of one subject (none: empty lists). */
export function tagsOf(draft: DraftState, subject: TagSubject): { driverIds: readonly string[]; touchpointIds: readonly string[] } {
  return draft.tags[subject] ?? { driverIds: [], touchpointIds: [] };
}
