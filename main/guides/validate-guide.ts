import { ApiError } from '../../shared/contract/errors';
import type { Executor } from '../accounts/account-queries';
import type { ParsedQuestion } from './question-rows';

/**
 * Rules the schema cannot see: each interview field is fed by one question at most (two NPS questions
 * would fight over interviews.nps), and a driver is rated once per interview (driver_ratings is unique
 * per interview and driver), by drivers that exist.
 */
export async function validateQuestions(db: Executor, questions: readonly ParsedQuestion[]): Promise<void> {
  const fields: Record<string, string> = {};
  const fed = new Map<string, number>();
  const rated = new Map<string, number>();
  let allDriversAt: number | null = null;
  let driverQuestions = 0;

  questions.forEach((q, i) => {
    const field = q.kind === 'nps' ? 'nps' : q.kind === 'rating' || q.kind === 'text' ? q.field : null;
    if (field) {
      const first = fed.get(field);
      if (first !== undefined) fields[`questions.${i}.${q.kind === 'nps' ? 'kind' : 'field'}`] = `Question ${first + 1} already records the ${field.toUpperCase()}`;
      else fed.set(field, i);
    }
    if (q.kind === 'driver_ratings') {
      driverQuestions++;
      if (q.driverIds === null) allDriversAt ??= i;
      for (const driverId of q.driverIds ?? []) {
        const first = rated.get(driverId);
        if (first !== undefined) fields[`questions.${i}.driverIds`] = `A driver is already rated in question ${first + 1}`;
        else rated.set(driverId, i);
      }
    }
  });
  if (allDriversAt !== null && driverQuestions > 1) fields[`questions.${allDriversAt}.driverIds`] = 'A question rating every driver cannot share the guide with other driver questions';

  if (rated.size > 0) {
    const found = await db.selectFrom('drivers').select('id').where('id', 'in', [...rated.keys()]).where('deleted_at', 'is', null).execute();
    const known = new Set(found.map((d) => d.id));
    for (const [driverId, i] of rated) if (!known.has(driverId)) fields[`questions.${i}.driverIds`] ??= 'That driver does not exist';
  }
  if (Object.keys(fields).length > 0) {
    throw new ApiError({ code: 'invalid_input', message: `The guide cannot be saved: ${Object.values(fields)[0]}.`, fields });
  }
}
