import { ApiError } from '../../shared/contract/errors';

export type FieldErrors = Record<string, string>;

export interface FormFailure {
  fields: FieldErrors;
  /** What cannot be shown next to a field: a conflict, a lost connection, a field the form does not have. */
  formError: string | null;
}

/**
 * Maps a failed save to messages beside the fields. Server paths are dot-joined ("patch.name",
 * "arrMinor"); `aliases` renames them to the form's fields ("arrMinor" → "arr").
 */
export function formFailureFrom(err: unknown, knownFields: readonly string[], aliases: Record<string, string> = {}): FormFailure {
  if (!(err instanceof ApiError)) {
    return { fields: {}, formError: `Could not save: ${err instanceof Error ? err.message : String(err)}` };
  }
  const fields: FieldErrors = {};
  const leftover: string[] = [];
  for (const [path, message] of Object.entries(err.fields ?? {})) {
    const bare = path.replace(/^patch\./, '');
    const field = aliases[bare] ?? bare;
    if (knownFields.includes(field)) fields[field] ??= message;
    else leftover.push(message);
  }
  if (Object.keys(fields).length === 0 && leftover.length === 0) return { fields, formError: err.message };
  return { fields, formError: leftover.length > 0 ? leftover.join(' ') : null };
}
