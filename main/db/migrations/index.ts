import type { Migration } from '../migrator';
import { initialSchema } from './001-initial-schema';
import { metricsIndexes } from './002-metrics-indexes';
import { searchFts } from './003-search-fts';
import { metricsSummaries } from './004-metrics-summaries';
import { metricsChangeCounters } from './005-metrics-change-counters';
import { metricsReadIndexes } from './006-metrics-read-indexes';
import { metricsArrCounter } from './007-metrics-arr-counter';

/** Forward-only, in order; position + 1 is the schema version. Never reorder or remove an entry. */
export const MIGRATIONS: readonly Migration[] = [initialSchema, metricsIndexes, searchFts, metricsSummaries, metricsChangeCounters, metricsReadIndexes, metricsArrCounter];
export const LATEST_SCHEMA_VERSION = MIGRATIONS.length;
