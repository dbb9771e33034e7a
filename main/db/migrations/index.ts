import type { Migration } from '../migrator';
import { initialSchema } from './001-initial-schema';

/** Forward-only, in order; position + 1 is the schema version. Never reorder or remove an entry. */
export const MIGRATIONS: readonly Migration[] = [initialSchema];
export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;
