/**
 * The workspace's metric settings: stored as only what the user changed (so improved defaults reach
 * old workspaces), always validated as a whole with metricSettingsSchema before use or storage.
 */
import type { Kysely } from 'kysely';
import { ApiError } from '../../../shared/contract/errors';
import type { MetricSettingsInfo, MetricSettingsPatch } from '../../../shared/contract/metrics';
import { DEFAULT_METRIC_SETTINGS, metricSettingsSchema } from '../../../shared/domain/metrics-settings';
import type { MetricSettings } from '../../../shared/domain/metrics-settings';
import { logChange } from '../../db/change-log';
import { nowIso } from '../../db/clock';
import type { Database } from '../../db/tables';
import { bumpSettingsCounter } from './query-cache';

export interface WorkspaceMetricSettings {
  settings: MetricSettings;
  stored: MetricSettingsPatch;
  fiscalYearStartMonth: number;
  /** Set when the stored JSON could not be used and the defaults stood in. */
  problem: string | null;
}

type Plain = Record<string, unknown>;
const isPlain = (value: unknown): value is Plain => typeof value === 'object' && value !== null && !Array.isArray(value);

async function readRow(db: Kysely<Database>) {
  const row = await db
    .selectFrom('workspace_settings')
    .select(['id', 'metric_settings_json', 'fiscal_year_start_month'])
    .orderBy('created_at')
    .executeTakeFirst();
  if (!row) throw new ApiError({ code: 'no_workspace', message: 'The workspace has no settings row.' });
  return row;
}

export async function readMetricSettings(db: Kysely<Database>): Promise<WorkspaceMetricSettings> {
  const row = await readRow(db);
  let stored: unknown;
  try {
    stored = JSON.parse(row.metric_settings_json);
  } catch {
    stored = null;
  }
  const parsed = metricSettingsSchema.safeParse(isPlain(stored) ? stored : {});
  // A damaged settings value must not take the dashboard down: defaults, and say so.
  return parsed.success && isPlain(stored)
    ? { settings: parsed.data, stored: stored as MetricSettingsPatch, fiscalYearStartMonth: row.fiscal_year_start_month, problem: null }
    : { settings: DEFAULT_METRIC_SETTINGS, stored: {}, fiscalYearStartMonth: row.fiscal_year_start_month, problem: 'stored metric settings were invalid; defaults used' };
}

/** Deep merge where null removes a key (back to its default). */
function mergePatch(base: Plain, patch: Plain): Plain {
  const merged: Plain = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null || value === undefined) delete merged[key];
    else if (isPlain(value)) {
      const nested = mergePatch(isPlain(merged[key]) ? (merged[key] as Plain) : {}, value);
      if (Object.keys(nested).length === 0) delete merged[key];
      else merged[key] = nested;
    } else merged[key] = value;
  }
  return merged;
}

export async function updateMetricSettings(
  db: Kysely<Database>,
  input: { patch?: MetricSettingsPatch; reset?: boolean; fiscalYearStartMonth?: number },
): Promise<void> {
  const row = await readRow(db);
  const current = input.reset ? {} : (await readMetricSettings(db)).stored;
  const next = mergePatch(current as Plain, (input.patch ?? {}) as Plain);
  const parsed = metricSettingsSchema.safeParse(next);
  if (!parsed.success) {
    const fields: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      const key = ['patch', ...issue.path.map(String)].join('.');
      if (!(key in fields)) fields[key] = issue.message;
    }
    throw new ApiError({ code: 'invalid_input', message: `Invalid metric settings: ${Object.entries(fields).map(([k, m]) => `${k}: ${m}`).join('; ')}`, fields });
  }
  // Unknown keys are dropped by the schema: store only what it recognises.
  const recognised = pickKnown(next, parsed.data as unknown as Plain);
  const json = JSON.stringify(recognised);
  const month = input.fiscalYearStartMonth ?? row.fiscal_year_start_month;
  if (json === row.metric_settings_json && month === row.fiscal_year_start_month) return;
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('workspace_settings')
      .set({ metric_settings_json: json, fiscal_year_start_month: month, updated_at: nowIso() })
      .where('id', '=', row.id)
      .execute();
    await logChange(trx, {
      entityType: 'workspace_settings',
      entityId: row.id,
      op: 'update',
      changes: { metric_settings_json: [row.metric_settings_json, json], fiscal_year_start_month: [row.fiscal_year_start_month, month] },
    });
    await bumpSettingsCounter(trx);
  });
}

function pickKnown(value: Plain, known: Plain): Plain {
  const out: Plain = {};
  for (const [key, v] of Object.entries(value)) {
    if (!(key in known)) continue;
    out[key] = isPlain(v) && isPlain(known[key]) ? pickKnown(v, known[key] as Plain) : v;
  }
  return out;
}

export async function metricSettingsInfo(db: Kysely<Database>): Promise<MetricSettingsInfo> {
  const { settings, stored, fiscalYearStartMonth } = await readMetricSettings(db);
  return { settings, defaults: DEFAULT_METRIC_SETTINGS, stored, fiscalYearStartMonth };
}
