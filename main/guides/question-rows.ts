import { z } from 'zod';
import { CES_SCALE, CSAT_SCALE } from '../../shared/contract/guides';
import type { GuideQuestion, QuestionField, QuestionKind, questionInputSchema } from '../../shared/contract/guides';
import type { GuideQuestionsTable } from '../db/tables';

export type ParsedQuestion = z.output<typeof questionInputSchema>;
type QuestionColumns = Pick<GuideQuestionsTable, 'kind' | 'prompt' | 'required' | 'scale_min' | 'scale_max' | 'scale_label' | 'options_json' | 'driver_ids_json'>;

/**
 * How a question is stored. guide_questions has generic columns; the kind decides their meaning:
 * - scale_min / scale_max: NPS (0–10), ratings and driver ratings;
 * - scale_label: the end labels as JSON {"min","max"};
 * - options_json: the options of a choice question (array), or {"field": …} for a rating or text question
 *   that feeds an interview field;
 * - driver_ids_json: the drivers of a driver-ratings question, or NULL for "every workspace driver".
 */
const NPS_LABELS = { min: 'Not at all likely', max: 'Extremely likely' };

const labelsJson = (labels: { min?: string | null; max?: string | null } | undefined, fallback: { min: string; max: string } | null = null) => {
  const min = labels?.min ?? fallback?.min ?? null;
  const max = labels?.max ?? fallback?.max ?? null;
  return min === null && max === null ? null : JSON.stringify({ min, max });
};

export function questionColumns(q: ParsedQuestion, driverScale: { min: number; max: number }): QuestionColumns {
  const base = { kind: q.kind, prompt: q.prompt, required: q.required ? 1 : 0, scale_min: null, scale_max: null, scale_label: null, options_json: null, driver_ids_json: null };
  switch (q.kind) {
    case 'nps':
      return { ...base, scale_min: 0, scale_max: 10, scale_label: labelsJson(undefined, NPS_LABELS) };
    case 'rating': {
      const scale = q.scale ?? (q.field === 'ces' ? CES_SCALE : CSAT_SCALE);
      return { ...base, scale_min: scale.min, scale_max: scale.max, scale_label: labelsJson(q.labels), options_json: q.field ? JSON.stringify({ field: q.field }) : null };
    }
    case 'driver_ratings': {
      const scale = q.scale ?? driverScale;
      return { ...base, scale_min: scale.min, scale_max: scale.max, scale_label: labelsJson(q.labels), driver_ids_json: q.driverIds ? JSON.stringify(q.driverIds) : null };
    }
    case 'single_choice':
    case 'multiple_choice':
      return { ...base, options_json: JSON.stringify(q.options) };
    case 'text':
      return { ...base, options_json: q.field ? JSON.stringify({ field: q.field }) : null };
  }
}

const stringArray = z.array(z.string());
const fieldSetting = z.object({ field: z.enum(['csat', 'ces', 'verbatim']) });
const labelsSetting = z.object({ min: z.string().nullable(), max: z.string().nullable() });

function parseJson<T>(text: string | null, schema: z.ZodType<T>): T | null {
  if (text === null) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export type QuestionRecord = Pick<GuideQuestionsTable, 'id' | 'position' | 'prompt' | 'required' | 'scale_min' | 'scale_max' | 'scale_label' | 'options_json' | 'driver_ids_json'> & { kind: string };

export function questionField(row: Pick<QuestionRecord, 'kind' | 'options_json'>): QuestionField | null {
  if (row.kind === 'nps') return 'nps';
  if (row.kind !== 'rating' && row.kind !== 'text') return null;
  return parseJson(row.options_json, fieldSetting)?.field ?? null;
}

/** The explicit driver ids of a driver-ratings question; null means every workspace driver. */
export function questionDriverIds(row: Pick<QuestionRecord, 'driver_ids_json'>): string[] | null {
  return parseJson(row.driver_ids_json, stringArray);
}

/** A workspace driver; deleted ones still name the ratings old guides asked for, but are not asked any more. */
export interface DriverRef {
  id: string;
  name: string;
  deleted: boolean;
}

export function toGuideQuestion(row: QuestionRecord, drivers: readonly DriverRef[]): GuideQuestion {
  const kind = row.kind as QuestionKind;
  const hasScale = kind === 'nps' || kind === 'rating' || kind === 'driver_ratings';
  const driverIds = kind === 'driver_ratings' ? questionDriverIds(row) : null;
  const byId = new Map(drivers.map((d) => [d.id, d]));
  return {
    id: row.id,
    position: row.position,
    kind,
    prompt: row.prompt,
    required: row.required === 1,
    field: questionField(row),
    scale: hasScale && row.scale_min !== null && row.scale_max !== null ? { min: row.scale_min, max: row.scale_max } : null,
    labels: hasScale ? parseJson(row.scale_label, labelsSetting) : null,
    options: kind === 'single_choice' || kind === 'multiple_choice' ? (parseJson(row.options_json, stringArray) ?? []) : null,
    drivers:
      kind !== 'driver_ratings'
        ? null
        : driverIds === null
          ? drivers.filter((d) => !d.deleted).map(({ id, name }) => ({ id, name }))
          : driverIds.flatMap((id) => {
              const driver = byId.get(id);
              return driver ? [{ id: driver.id, name: driver.name }] : [];
            }),
    allDrivers: kind === 'driver_ratings' && driverIds === null,
  };
}

/** Back to the input shape, to copy a guide or carry questions into a new version. */
export function toQuestionInput(q: GuideQuestion): ParsedQuestion {
  const base = { required: q.required, prompt: q.prompt };
  const labels = q.labels ?? undefined;
  switch (q.kind) {
    case 'nps':
      return { ...base, kind: 'nps' };
    case 'rating':
      return { ...base, kind: 'rating', field: q.field === 'csat' || q.field === 'ces' ? q.field : null, scale: q.scale ?? undefined, labels };
    case 'driver_ratings':
      return { ...base, kind: 'driver_ratings', driverIds: q.allDrivers ? null : (q.drivers ?? []).map((d) => d.id), scale: q.scale ?? undefined, labels };
    case 'single_choice':
    case 'multiple_choice':
      return { ...base, kind: q.kind, options: q.options ?? [] };
    case 'text':
      return { ...base, kind: 'text', field: q.field === 'verbatim' ? 'verbatim' : null };
  }
}
