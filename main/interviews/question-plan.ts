import type { GuideQuestion } from '../../shared/contract/guides';
import type { Executor } from '../accounts/account-queries';
import { loadDrivers } from '../guides/guides-repo';
import { toGuideQuestion } from '../guides/question-rows';

/** Where an answer lives: a column of the interview row, the driver_ratings rows, or an interview_answers row. */
export type AnswerStorage =
  | { in: 'column'; column: 'nps' | 'csat' | 'ces' | 'verbatim' }
  | { in: 'driver_ratings' }
  | { in: 'answer'; value: 'number' | 'text' | 'json' };

export function storageOf(q: GuideQuestion): AnswerStorage {
  if (q.field) return { in: 'column', column: q.field };
  switch (q.kind) {
    case 'driver_ratings':
      return { in: 'driver_ratings' };
    case 'rating':
    case 'nps':
      return { in: 'answer', value: 'number' };
    case 'multiple_choice':
      return { in: 'answer', value: 'json' };
    case 'single_choice':
    case 'text':
      return { in: 'answer', value: 'text' };
  }
}

/** The questions of one guide version, in order, with driver sets resolved. */
export async function loadGuideQuestions(db: Executor, guideId: string | null): Promise<GuideQuestion[]> {
  if (!guideId) return [];
  const rows = await db
    .selectFrom('guide_questions')
    .select(['id', 'position', 'kind', 'prompt', 'required', 'scale_min', 'scale_max', 'scale_label', 'options_json', 'driver_ids_json'])
    .where('guide_id', '=', guideId)
    .where('deleted_at', 'is', null)
    .orderBy('position')
    .execute();
  const drivers = rows.some((r) => r.kind === 'driver_ratings') ? await loadDrivers(db) : [];
  return rows.map((r) => toGuideQuestion(r, drivers));
}
