/** Saved what-if scenarios: the moves, what they were run on, and the result at the time. */
import type { Kysely } from 'kysely';
import { ApiError } from '../../../shared/contract/errors';
import type { MetricsFilters, MetricsPeriodInput, Scenario, SimulatorMoveInput } from '../../../shared/contract/metrics';
import type { SimulationResult } from '../../../shared/domain/metrics-types';
import type { Database } from '../../db/tables';
import { logChange } from '../../db/change-log';
import { nowIso } from '../../db/clock';
import { newId } from '../../db/new-id';
import type { QueryCache } from './query-cache';
import { liveScenarioBase, runSimulation } from './simulation';
import { loadSnapshot } from './snapshots';

export async function saveScenario(
  db: Kysely<Database>,
  cache: QueryCache,
  request: { name: string; snapshotId?: string; period?: MetricsPeriodInput; filters?: MetricsFilters; moves: SimulatorMoveInput[] },
  today: string,
): Promise<Scenario> {
  const base = request.snapshotId ? (await loadSnapshot(db, request.snapshotId)).inputs : await liveScenarioBase(db, cache, request, today);
  const result = runSimulation(base, request.moves);
  const id = newId();
  const stamp = nowIso();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('scenarios')
      .values({
        id,
        name: request.name,
        snapshot_id: request.snapshotId ?? null,
        moves_json: JSON.stringify(request.moves),
        results_json: JSON.stringify(result),
        created_at: stamp,
        updated_at: stamp,
        deleted_at: null,
      })
      .execute();
    await logChange(trx, { entityType: 'scenario', entityId: id, op: 'insert', changes: { name: request.name, snapshot_id: request.snapshotId ?? null } });
  });
  return { id, name: request.name, snapshotId: request.snapshotId ?? null, moves: request.moves, result, createdAt: stamp };
}

type ScenarioRow = { id: string; name: string; snapshot_id: string | null; moves_json: string; results_json: string | null; created_at: string };

function toScenario(row: ScenarioRow): Scenario {
  return {
    id: row.id,
    name: row.name,
    snapshotId: row.snapshot_id,
    moves: JSON.parse(row.moves_json) as SimulatorMoveInput[],
    result: row.results_json === null ? null : (JSON.parse(row.results_json) as SimulationResult),
    createdAt: row.created_at,
  };
}

const COLUMNS = ['id', 'name', 'snapshot_id', 'moves_json', 'results_json', 'created_at'] as const;

export async function listScenarios(db: Kysely<Database>): Promise<Scenario[]> {
  const rows = await db.selectFrom('scenarios').select(COLUMNS).where('deleted_at', 'is', null).orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
  return rows.map(toScenario);
}

export async function loadScenario(db: Kysely<Database>, id: string): Promise<Scenario> {
  const row = await db.selectFrom('scenarios').select(COLUMNS).where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  if (!row) throw new ApiError({ code: 'not_found', message: 'That scenario does not exist (it may have been deleted).' });
  return toScenario(row);
}
