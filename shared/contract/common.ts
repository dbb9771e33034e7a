import { z } from 'zod';
import { UUID_PATTERN } from '../domain/ids';
import { isRealDate } from '../domain/dates';

export const idSchema = z.string().regex(UUID_PATTERN, 'must be a UUIDv7 id');
export const byIdInput = z.object({ id: idSchema }).strict();
export const noInput = z.object({}).strict().optional();

export const isoDateSchema = z.string().refine(isRealDate, 'must be a date written YYYY-MM-DD');
export const minorUnitsSchema = z
  .number({ error: 'must be an amount' })
  .int('must be a whole number of cents')
  .nonnegative('cannot be negative')
  .max(Number.MAX_SAFE_INTEGER, 'is too large');

export function optionalText(max: number, label = 'text') {
  return z
    .string()
    .trim()
    .max(max, `${label} is longer than ${max} characters`)
    .nullable()
    .optional()
    .transform((v) => (v === undefined ? undefined : v === null || v === '' ? null : v));
}

export interface Page<T> {
  rows: T[];
  total: number;
  offset: number;
}
