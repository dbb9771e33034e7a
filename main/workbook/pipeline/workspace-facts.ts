import type BetterSqlite3 from 'better-sqlite3';
import { currencyDigits } from '../../../shared/domain/money';
import { metricSettingsSchema } from '../../../shared/domain/metrics-settings';

export interface WorkspaceFacts {
  currency: string;
  digits: number;
  driverScale: { min: number; max: number };
  driverNames: string[];
}

/** What conversion needs to know about the open workspace: its currency and its driver scale and names. */
export function workspaceFacts(raw: BetterSqlite3.Database): WorkspaceFacts {
  const settings = raw.prepare('SELECT currency, metric_settings_json FROM workspace_settings LIMIT 1').get() as { currency: string; metric_settings_json: string } | undefined;
  const currency = settings?.currency ?? 'USD';
  let driverScale = { min: 1, max: 5 };
  try {
    const parsed = metricSettingsSchema.parse(JSON.parse(settings?.metric_settings_json ?? '{}'));
    driverScale = { min: parsed.driverScale.min, max: Math.min(7, parsed.driverScale.max) };
  } catch {
    // Unreadable settings keep the documented default scale.
  }
  const driverNames = (raw.prepare('SELECT name FROM drivers WHERE deleted_at IS NULL ORDER BY sort_order, name').all() as { name: string }[]).map((r) => r.name);
  return { currency, digits: currencyDigits(currency), driverScale, driverNames };
}
