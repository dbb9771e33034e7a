import type { z } from 'zod';
import { ApiError } from '../../shared/contract/errors';

/** Turns zod issues into one readable sentence plus a field → message map for forms. */
export function validateInput<S extends z.ZodType>(schema: S, input: unknown, method: string): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fields: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const key = issue.path.map(String).join('.') || '(input)';
    if (!(key in fields)) fields[key] = issue.message;
  }
  const summary = Object.entries(fields)
    .slice(0, 5)
    .map(([field, message]) => (field === '(input)' ? message : `${field}: ${message}`))
    .join('; ');
  throw new ApiError({ code: 'invalid_input', message: `Invalid input for ${method}: ${summary}`, fields });
}
