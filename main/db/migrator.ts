import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Database } from './tables';

export interface Migration {
  name: string;
  up(db: Kysely<Database>): Promise<void>;
}

export class WorkspaceTooNewError extends Error {
  constructor(
    readonly fileVersion: number,
    readonly appVersion: number,
  ) {
    super(
      `This workspace was saved by a newer version of AX Workbench (schema ${fileVersion}; this app knows up to ${appVersion}). Update the app to open it; the file was not changed.`,
    );
    this.name = 'WorkspaceTooNewError';
  }
}

export async function schemaVersion(db: Kysely<Database>): Promise<number> {
  const result = await sql<{ user_version: number }>`PRAGMA user_version`.execute(db);
  return result.rows[0]?.user_version ?? 0;
}

/**
 * Applies pending migrations, each in its own transaction together with the user_version bump,
 * because kysely's Migrator does not wrap SQLite migrations: a failing migration must leave the
 * schema exactly as it was.
 */
export async function migrate(db: Kysely<Database>, migrations: readonly Migration[]): Promise<{ from: number; to: number }> {
  const from = await schemaVersion(db);
  if (from > migrations.length) throw new WorkspaceTooNewError(from, migrations.length);
  for (let index = from; index < migrations.length; index++) {
    const migration = migrations[index]!;
    await db.transaction().execute(async (trx) => {
      await migration.up(trx);
      await sql.raw(`PRAGMA user_version = ${index + 1}`).execute(trx);
    });
  }
  return { from, to: migrations.length };
}
