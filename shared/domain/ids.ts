/** UUIDv7 text ids: time-ordered, so inserts stay append-friendly and rows from several laptops merge without clashes. */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

export type Id = string;
