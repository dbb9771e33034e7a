import type { Value } from './convert';

/** A converted value as text or a number, null when absent or of another type. */
export const str = (v: Value | undefined): string | null => (v === undefined || v === null ? null : String(v));
export const num = (v: Value | undefined): number | null => (typeof v === 'number' ? v : null);
