import type BetterSqlite3 from 'better-sqlite3';
import { metricSettingsSchema } from '../../../shared/domain/metrics-settings';
import type { MetricSettings } from '../../../shared/domain/metrics-settings';
import type { AccountNpsResult, StakeholderRole } from '../../../shared/domain/metrics-types';
import { accountNps, accountScoresFromResponses, portfolioNps } from '../../metrics/account-nps';
import { hardArrAtRisk, isAccountAtRisk } from '../../metrics/revenue-at-risk';

export interface PortfolioAccount {
  id: string;
  name: string;
  externalId: string | null;
  tier: string | null;
  industry: string | null;
  region: string | null;
  owner: string | null;
  renewalDate: string | null;
  arrMinor: number;
  result: AccountNpsResult;
  atRisk: boolean;
  negativeDrivers: string[];
}

export interface Portfolio {
  asOf: string;
  window: { from: string; to: string };
  currency: string;
  settings: MetricSettings;
  accounts: PortfolioAccount[];
  countAllNps: number | null;
  arrAtRiskMinor: number;
}

export function readSettings(raw: BetterSqlite3.Database): { currency: string; settings: MetricSettings } {
  const row = raw.prepare('SELECT currency, metric_settings_json FROM workspace_settings LIMIT 1').get() as { currency: string; metric_settings_json: string } | undefined;
  let settings: MetricSettings;
  try {
    settings = metricSettingsSchema.parse(JSON.parse(row?.metric_settings_json ?? '{}'));
  } catch {
    settings = metricSettingsSchema.parse({});
  }
  return { currency: row?.currency ?? 'USD', settings };
}

export function trailingYear(asOf: string): { from: string; to: string } {
  const d = new Date(`${asOf}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() - 1);
  d.setUTCDate(d.getUTCDate() + 1);
  return { from: d.toISOString().slice(0, 10), to: asOf };
}

function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/**
 * The portfolio figures through the metrics engine's own functions (metrics.md §2, §4, §5), read in
 * one synchronous pass so every number comes from the same moment of the workspace.
 */
export function readPortfolio(raw: BetterSqlite3.Database, asOf: string, accountId?: string): Portfolio {
  const { currency, settings } = readSettings(raw);
  const window = trailingYear(asOf);
  const filter = accountId ? 'AND a.id = ?' : '';
  const args = accountId ? [accountId] : [];
  const accounts = raw
    .prepare(
      `SELECT a.id, a.name, a.external_id, a.tier, a.industry, a.region, a.owner, a.renewal_date,
        coalesce((SELECT r.arr_minor FROM arr_records r WHERE r.account_id = a.id AND r.deleted_at IS NULL AND r.effective_date <= ? ORDER BY r.effective_date DESC, r.created_at DESC LIMIT 1), 0) AS arr
       FROM accounts a WHERE a.deleted_at IS NULL ${filter} ORDER BY a.name_normalized, a.id`,
    )
    .all(asOf, ...args) as { id: string; name: string; external_id: string | null; tier: string | null; industry: string | null; region: string | null; owner: string | null; renewal_date: string | null; arr: number }[];
  const responses = raw
    .prepare(
      `SELECT i.account_id, i.contact_id, i.nps, i.interviewed_at, c.role FROM interviews i LEFT JOIN contacts c ON c.id = i.contact_id
       WHERE i.deleted_at IS NULL AND i.status = 'complete' AND i.nps IS NOT NULL AND i.interviewed_at >= ? AND i.interviewed_at < ? ${accountId ? 'AND i.account_id = ?' : ''}
       ORDER BY i.interviewed_at, i.id`,
    )
    .all(window.from, nextDay(window.to), ...args) as { account_id: string; contact_id: string | null; nps: number; interviewed_at: string; role: string | null }[];
  const byAccount = new Map<string, typeof responses>();
  for (const r of responses) byAccount.set(r.account_id, [...(byAccount.get(r.account_id) ?? []), r]);
  const negative = raw
    .prepare(
      `SELECT DISTINCT i.account_id, d.name FROM driver_ratings dr JOIN interviews i ON i.id = dr.interview_id JOIN drivers d ON d.id = dr.driver_id
       WHERE dr.deleted_at IS NULL AND i.deleted_at IS NULL AND i.status = 'complete' AND dr.rating <= ? AND i.interviewed_at >= ? AND i.interviewed_at < ? ${accountId ? 'AND i.account_id = ?' : ''}
       ORDER BY d.name`,
    )
    .all(settings.driverScale.negativeAtMost, window.from, nextDay(window.to), ...args) as { account_id: string; name: string }[];
  const driversOf = new Map<string, string[]>();
  for (const n of negative) driversOf.set(n.account_id, [...(driversOf.get(n.account_id) ?? []), n.name]);

  const result: PortfolioAccount[] = accounts.map((a) => {
    const own = (byAccount.get(a.id) ?? []).map((r) => ({
      contactId: r.contact_id ?? `anonymous-${r.interviewed_at}`,
      role: (r.role as StakeholderRole | null) ?? null,
      score: r.nps,
      interviewDate: r.interviewed_at,
    }));
    const nps = accountNps(accountScoresFromResponses(a.id, a.arr, own, window), settings);
    const atRisk = isAccountAtRisk({ accountId: a.id, category: nps.headline.category, countAllNps: nps.countAll.nps.value }, settings.atRiskRule).atRisk;
    return {
      id: a.id,
      name: a.name,
      externalId: a.external_id,
      tier: a.tier,
      industry: a.industry,
      region: a.region,
      owner: a.owner,
      renewalDate: a.renewal_date,
      arrMinor: a.arr,
      result: nps,
      atRisk,
      negativeDrivers: driversOf.get(a.id) ?? [],
    };
  });
  const results = result.map((a) => a.result);
  return {
    asOf,
    window,
    currency,
    settings,
    accounts: result,
    countAllNps: portfolioNps(results, 'count-all').value,
    arrAtRiskMinor:
      hardArrAtRisk(
        result.map((a) => ({ accountId: a.id, arr: a.arrMinor, category: a.result.headline.category, countAllNps: a.result.countAll.nps.value })),
        settings.atRiskRule,
      ).value ?? 0,
  };
}
