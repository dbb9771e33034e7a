import type { GuideQuestion } from '../../shared/contract/guides';
import type { AnswerValue } from '../../shared/contract/interviews';

/** A checked answer as it will be stored: number, text, options, or driver id → rating (null: remove that rating). */
export type StoredAnswer = number | string | string[] | Record<string, number | null> | null;
export type Checked = { ok: true; value: StoredAnswer } | { ok: false; message: string };

const fail = (message: string): Checked => ({ ok: false, message });

function onScale(q: GuideQuestion, value: unknown): string | null {
  const scale = q.scale ?? { min: 0, max: 10 };
  if (typeof value !== 'number' || !Number.isInteger(value)) return `A whole number from ${scale.min} to ${scale.max}`;
  if (value < scale.min || value > scale.max) return `From ${scale.min} to ${scale.max}`;
  return null;
}

/** Checks an answer against its question (kind, scale, options, drivers) and normalises blank text to null. */
export function checkAnswer(q: GuideQuestion, value: AnswerValue | null): Checked {
  if (value === null) return { ok: true, value: null };
  switch (q.kind) {
    case 'nps':
    case 'rating': {
      const problem = onScale(q, value);
      return problem ? fail(problem) : { ok: true, value };
    }
    case 'text':
      if (typeof value !== 'string') return fail('Text is expected');
      return { ok: true, value: value.trim() === '' ? null : value };
    case 'single_choice':
      if (typeof value !== 'string' || !(q.options ?? []).includes(value)) return fail('Pick one of the options');
      return { ok: true, value };
    case 'multiple_choice': {
      if (!Array.isArray(value)) return fail('Pick options from the list');
      const options = q.options ?? [];
      if (value.some((v) => !options.includes(v))) return fail('Pick options from the list');
      // Stored in the guide's order, once each, so the same choice always reads the same.
      const picked = options.filter((o) => value.includes(o));
      return { ok: true, value: picked.length === 0 ? null : picked };
    }
    case 'driver_ratings': {
      if (typeof value !== 'object' || Array.isArray(value)) return fail('Rate drivers by id');
      const allowed = new Set((q.drivers ?? []).map((d) => d.id));
      for (const [driverId, rating] of Object.entries(value)) {
        if (!allowed.has(driverId)) return fail('That driver is not part of this question');
        if (rating !== null) {
          const problem = onScale(q, rating);
          if (problem) return fail(problem);
        }
      }
      return { ok: true, value: { ...value } };
    }
  }
}

/** Whether a stored answer counts for a required question. */
export function isAnswered(value: StoredAnswer | undefined): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'string') return value.trim() !== '';
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.values(value).some((v) => v !== null);
  return true;
}
