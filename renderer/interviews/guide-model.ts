import type { GuideDetail, GuideKind, GuideQuestion, QuestionInput, QuestionKind } from '../../shared/contract';
import { CES_SCALE, CSAT_SCALE, STANDARD_NPS_PROMPT } from '../../shared/contract/guides';

/** A question as the editor holds it: every kind's settings side by side, so switching kind loses nothing. */
export interface EditableQuestion {
  /** Local key for React and for error paths; not stored. */
  key: string;
  /** The stored question's id, kept so an edit in place keeps its answers' link. */
  id?: string;
  kind: QuestionKind;
  prompt: string;
  required: boolean;
  /** Rating: which interview column it feeds ('custom' = none). */
  ratingField: 'csat' | 'ces' | 'custom';
  scaleMin: number;
  scaleMax: number;
  labelMin: string;
  labelMax: string;
  /** Driver ratings: every workspace driver, or the ones picked. */
  allDrivers: boolean;
  driverIds: string[];
  options: string[];
  /** Open text: this question captures the verbatim. */
  isVerbatim: boolean;
}

export interface GuideForm {
  name: string;
  kind: GuideKind;
  description: string;
  touchpointId: string;
  questions: EditableQuestion[];
}

let nextKey = 1;
const key = () => `q${nextKey++}`;

export function newQuestion(kind: QuestionKind): EditableQuestion {
  return {
    key: key(),
    kind,
    prompt: kind === 'nps' ? STANDARD_NPS_PROMPT : '',
    required: kind === 'nps',
    ratingField: 'csat',
    scaleMin: kind === 'driver_ratings' ? 1 : CSAT_SCALE.min,
    scaleMax: kind === 'driver_ratings' ? 7 : CSAT_SCALE.max,
    labelMin: '',
    labelMax: '',
    allDrivers: true,
    driverIds: [],
    options: kind === 'single_choice' || kind === 'multiple_choice' ? ['', ''] : [],
    isVerbatim: false,
  };
}

export function editableFrom(q: GuideQuestion): EditableQuestion {
  const base = newQuestion(q.kind);
  return {
    ...base,
    id: q.id,
    prompt: q.prompt,
    required: q.required,
    ratingField: q.field === 'csat' || q.field === 'ces' ? q.field : 'custom',
    scaleMin: q.scale?.min ?? base.scaleMin,
    scaleMax: q.scale?.max ?? base.scaleMax,
    labelMin: q.labels?.min ?? '',
    labelMax: q.labels?.max ?? '',
    allDrivers: q.allDrivers,
    driverIds: q.allDrivers ? [] : (q.drivers ?? []).map((d) => d.id),
    options: q.options ?? base.options,
    isVerbatim: q.field === 'verbatim',
  };
}

export function emptyGuideForm(): GuideForm {
  return { name: '', kind: 'relationship', description: '', touchpointId: '', questions: [newQuestion('nps'), { ...newQuestion('text'), prompt: 'What is the most important reason for your score?', isVerbatim: true, required: true }] };
}

export function guideFormFrom(g: GuideDetail): GuideForm {
  return { name: g.name, kind: g.kind, description: g.description ?? '', touchpointId: g.touchpointId ?? '', questions: g.questions.map(editableFrom) };
}

/** Switching a rating to CSAT or CES sets its standard scale. */
export function withRatingField(q: EditableQuestion, field: EditableQuestion['ratingField']): EditableQuestion {
  if (field === 'csat') return { ...q, ratingField: field, scaleMin: CSAT_SCALE.min, scaleMax: CSAT_SCALE.max };
  if (field === 'ces') return { ...q, ratingField: field, scaleMin: CES_SCALE.min, scaleMax: CES_SCALE.max };
  return { ...q, ratingField: field };
}

function labels(q: EditableQuestion) {
  return q.labelMin.trim() || q.labelMax.trim() ? { min: q.labelMin.trim() || null, max: q.labelMax.trim() || null } : undefined;
}

/** The contract's question input for one edited question. */
export function toQuestionInput(q: EditableQuestion): QuestionInput {
  const common = { ...(q.id ? { id: q.id } : {}), required: q.required };
  switch (q.kind) {
    case 'nps':
      return { ...common, kind: 'nps', prompt: q.prompt.trim() || STANDARD_NPS_PROMPT };
    case 'rating':
      return { ...common, kind: 'rating', prompt: q.prompt, field: q.ratingField === 'custom' ? null : q.ratingField, scale: { min: q.scaleMin, max: q.scaleMax }, labels: labels(q) };
    case 'driver_ratings':
      return { ...common, kind: 'driver_ratings', prompt: q.prompt, driverIds: q.allDrivers ? null : q.driverIds, scale: { min: q.scaleMin, max: q.scaleMax }, labels: labels(q) };
    case 'single_choice':
    case 'multiple_choice':
      return { ...common, kind: q.kind, prompt: q.prompt, options: q.options.map((o) => o.trim()).filter((o) => o !== '') };
    case 'text':
      return { ...common, kind: 'text', prompt: q.prompt, field: q.isVerbatim ? 'verbatim' : null };
  }
}

export function toGuideInput(form: GuideForm) {
  return {
    name: form.name,
    kind: form.kind,
    description: form.description.trim() || null,
    touchpointId: form.kind === 'transactional' && form.touchpointId ? form.touchpointId : null,
    questions: form.questions.map(toQuestionInput),
  };
}

/** Client checks that mirror the contract's messages, keyed like the server's paths ("questions.2.prompt"). */
export function checkGuideForm(form: GuideForm): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!form.name.trim()) errors.name = 'Name is required';
  if (form.questions.length === 0) errors.questions = 'A guide needs at least one question';
  const verbatims = form.questions.filter((q) => q.kind === 'text' && q.isVerbatim).length;
  form.questions.forEach((q, i) => {
    if (q.kind !== 'nps' && !q.prompt.trim()) errors[`questions.${i}.prompt`] = 'The question needs a prompt';
    if ((q.kind === 'rating' || q.kind === 'driver_ratings') && q.scaleMin >= q.scaleMax) errors[`questions.${i}.scale`] = 'The scale must go up: min below max';
    if (q.kind === 'driver_ratings' && !q.allDrivers && q.driverIds.length === 0) errors[`questions.${i}.driverIds`] = 'Pick at least one driver';
    if (q.kind === 'single_choice' || q.kind === 'multiple_choice') {
      const options = q.options.map((o) => o.trim()).filter(Boolean);
      if (options.length < 2) errors[`questions.${i}.options`] = 'Give at least two options';
      else if (new Set(options.map((o) => o.toLowerCase())).size !== options.length) errors[`questions.${i}.options`] = 'Options must differ';
    }
  });
  if (verbatims > 1) errors.questions = 'Only one open question can capture the verbatim';
  return errors;
}

export function moveQuestion(list: readonly EditableQuestion[], index: number, step: -1 | 1): EditableQuestion[] {
  const target = index + step;
  if (target < 0 || target >= list.length) return [...list];
  const next = [...list];
  [next[index], next[target]] = [next[target]!, next[index]!];
  return next;
}
