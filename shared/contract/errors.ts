/** Errors cross the boundary as plain data: a code a program can branch on, and a message a person understands. */
export const ERROR_CODES = [
  'invalid_input',
  'unknown_method',
  'not_found',
  'conflict',
  'no_workspace',
  'workspace_damaged',
  'workspace_too_new',
  'unauthorized',
  'forbidden',
  'cancelled',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiErrorData {
  code: ErrorCode;
  message: string;
  /** Field path (dot-joined, e.g. "contacts.0.email") → message, for forms to show next to the field. */
  fields?: Record<string, string>;
}

export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly fields: Record<string, string> | undefined;
  constructor(data: ApiErrorData) {
    super(data.message);
    this.name = 'ApiError';
    this.code = data.code;
    this.fields = data.fields;
  }
  toData(): ApiErrorData {
    return this.fields ? { code: this.code, message: this.message, fields: this.fields } : { code: this.code, message: this.message };
  }
  static is(value: unknown): value is ApiError {
    return value instanceof ApiError;
  }
}

export function isApiErrorData(value: unknown): value is ApiErrorData {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { code?: unknown }).code === 'string' &&
    (ERROR_CODES as readonly string[]).includes((value as { code: string }).code) &&
    typeof (value as { message?: unknown }).message === 'string'
  );
}
