import type BetterSqlite3 from 'better-sqlite3';
import { generateWorkspaceData } from './generate-workspace-data';
import type { GenerateOptions, GenerateSummary } from './generate-workspace-data';

/**
 * The demo shown on first start: small enough to create in well under a second, big enough that
 * every screen has something to say. `today` is not fixed, so the demo is always "current".
 */
export const DEMO_OPTIONS = {
  seed: 20261123,
  accounts: 60,
  contactsPerAccount: 5,
  responses: 900,
  quarters: 8,
  withQbrs: true,
  withActions: true,
} as const satisfies Omit<GenerateOptions, 'today'>;

/** Fills a freshly migrated workspace; the caller writes workspace_settings (is_demo = 1). */
export function populateDemoWorkspace(raw: BetterSqlite3.Database, today: string): GenerateSummary {
  return generateWorkspaceData(raw, { ...DEMO_OPTIONS, today });
}
