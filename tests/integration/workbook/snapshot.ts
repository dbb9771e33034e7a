import type BetterSqlite3 from 'better-sqlite3';

/** Every row of every table but the log tables: "nothing changed" means these are equal. */
export const DATA_TABLES = [
  'workspace_settings', 'accounts', 'arr_records', 'contacts', 'drivers', 'journeys', 'journey_stages', 'touchpoints', 'interview_guides',
  'guide_questions', 'interview_sessions', 'interviews', 'interview_answers', 'driver_ratings', 'score_corrections', 'qbrs', 'qbr_notes',
  'milestones', 'actions', 'tags', 'entity_tags', 'segment_overrides', 'quarter_snapshots', 'scenarios',
] as const;

export function snapshot(raw: BetterSqlite3.Database, tables: readonly string[] = DATA_TABLES): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const table of tables) {
    const pk = (raw.prepare('SELECT name FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk').all(table) as { name: string }[]).map((c) => `"${c.name}"`);
    out[table] = raw.prepare(`SELECT * FROM "${table}" ORDER BY ${pk.join(', ') || 'rowid'}`).all();
  }
  return out;
}
