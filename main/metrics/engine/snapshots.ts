/**
 * Quarter snapshots: a quarter's inputs (per-account ARR and category, the settings, the filters)
 * and results (the dashboard) frozen as JSON, so that a scenario run on them can later be held
 * against what really happened, however the data or the settings changed since.
 */
import type { Kysely } from 'kysely';
import { ApiError } from '../../../shared/contract/errors';
import type { MetricsDashboard, MetricsFilters, MetricsPeriod, SnapshotSummary } from '../../../shared/contract/metrics';
import type { MetricSettings } from '../../../shared/domain/metrics-settings';
import { metricSettingsSchema } from '../../../shared/domain/metrics-settings';
import type { Database } from '../../db/tables';
import { logChange } from '../../db/change-log';
import { nowIso } from '../../db/clock';
import { newId } from '../../db/new-id';
import { computeDashboard } from './dashboard';
import { latestCompleteQuarter, quarterKey, type FiscalQuarter } from './period';
import type { QueryCache } from './query-cache';
import { readMetricSettings } from './settings-store';
import { liveScenarioBase, type ScenarioBase } from './simulation';

const SNAPSHOT_FORMAT = 1;

interface SnapshotInputs extends ScenarioBase {
  format: number;
  note: string | null;
}

export interface FrozenSnapshot {
  summary: SnapshotSummary;
  inputs: SnapshotInputs;
  results: MetricsDashboard;
}

export async function freezeSnapshot(
  db: Kysely<Database>,
  cache: QueryCache,
  request: { quarter?: FiscalQuarter; filters?: MetricsFilters; note?: string },
  today: string,
): Promise<SnapshotSummary> {
  const { fiscalYearStartMonth } = await readMetricSettings(db);
  const quarter = request.quarter ?? latestCompleteQuarter(today, fiscalYearStartMonth);
  const periodInput = { kind: 'quarter' as const, ...quarter };
  const base = await liveScenarioBase(db, cache, { period: periodInput, filters: request.filters }, today);
  if (base.period.partial) {
    throw new ApiError({ code: 'invalid_input', message: `${base.period.label} has not ended yet: only a complete quarter can be frozen.`, fields: { quarter: 'not complete' } });
  }
  const results = await computeDashboard(db, cache, { period: periodInput, filters: base.filters }, today);
  const inputs: SnapshotInputs = { ...base, format: SNAPSHOT_FORMAT, note: request.note?.trim() || null };
  const id = newId();
  const stamp = nowIso();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('quarter_snapshots')
      .values({ id, period: quarterKey(quarter), inputs_json: JSON.stringify(inputs), results_json: JSON.stringify(results), frozen_at: stamp, created_at: stamp, updated_at: stamp, deleted_at: null })
      .execute();
    await logChange(trx, { entityType: 'quarter_snapshot', entityId: id, op: 'insert', changes: { period: quarterKey(quarter), accounts: inputs.accounts.length } });
  });
  return summarize(id, quarterKey(quarter), stamp, inputs, results);
}

function summarize(id: string, key: string, frozenAt: string, inputs: SnapshotInputs, results: MetricsDashboard): SnapshotSummary {
  return {
    id,
    period: key,
    label: inputs.period.label,
    from: inputs.period.from,
    to: inputs.period.to,
    filters: inputs.filters,
    note: inputs.note,
    frozenAt,
    accounts: inputs.accounts.length,
    headline: {
      nps: results.headline.nps,
      revenueWeightedNps: results.headline.revenueWeightedNps,
      arrAtRisk: results.headline.arrAtRisk,
      expectedRevenue: results.valueOfOnePoint.expectedRevenue,
    },
  };
}

function parseRow(row: { id: string; period: string; frozen_at: string; inputs_json: string; results_json: string }): FrozenSnapshot {
  const inputs = JSON.parse(row.inputs_json) as SnapshotInputs;
  if (inputs.format !== SNAPSHOT_FORMAT) throw new ApiError({ code: 'conflict', message: `Snapshot ${row.period} was frozen in an unknown format (${inputs.format}).` });
  // Settings are re-validated: a snapshot is data from disk, and the defaults may have grown.
  const settings: MetricSettings = metricSettingsSchema.parse(inputs.settings);
  const results = JSON.parse(row.results_json) as MetricsDashboard;
  return { summary: summarize(row.id, row.period, row.frozen_at, { ...inputs, settings }, results), inputs: { ...inputs, settings, period: inputs.period as MetricsPeriod }, results };
}

export async function listSnapshots(db: Kysely<Database>): Promise<SnapshotSummary[]> {
  const rows = await db
    .selectFrom('quarter_snapshots')
    .select(['id', 'period', 'frozen_at', 'inputs_json', 'results_json'])
    .where('deleted_at', 'is', null)
    .orderBy('frozen_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map((row) => parseRow(row).summary);
}

export async function loadSnapshot(db: Kysely<Database>, id: string): Promise<FrozenSnapshot> {
  const row = await db
    .selectFrom('quarter_snapshots')
    .select(['id', 'period', 'frozen_at', 'inputs_json', 'results_json'])
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw new ApiError({ code: 'not_found', message: 'That snapshot does not exist (it may have been deleted).' });
  return parseRow(row);
}
