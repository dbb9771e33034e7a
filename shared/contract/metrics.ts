/**
 * The monetization engine's calls (metrics.md). Every number crosses as a Figure with its
 * provenance, so a screen can always answer "why is this number what it is".
 */
import { z } from 'zod';
import { ACCOUNT_TIERS } from '../domain/accounts';
import type { AccountTier, RenewalIntent } from '../domain/accounts';
import { MSP_SEGMENTS, NPS_CATEGORIES } from '../domain/metrics-types';
import type {
  AccountMethodScore,
  AccountNpsMethod,
  AccountScoreMethod,
  ArrByCategory,
  DriverArrAtRisk,
  EvidenceSlope,
  Figure,
  IntervalFigure,
  LoopKpiBreakdown,
  MspSegment,
  NpsCategory,
  NpsResult,
  NpsWaterfall,
  ObservedChurn,
  Placement,
  PortfolioMethodPanel,
  RetentionClass,
  RevenueAtExpenseOfSuccessAlert,
  RevenueCoverage,
  RiskZone,
  SilenceStatus,
  SimulationResult,
  StakeholderCoverage,
  StakeholderRole,
  SuccessVectorDirection,
  SuccessVectorResult,
} from '../domain/metrics-types';
import type { MetricSettings } from '../domain/metrics-settings';
import { idSchema, isoDateSchema, noInput } from './common';
import { mutation, query } from './define';

export const RISK_ZONES = ['at-risk', 'gray', 'safe', 'unscored'] as const satisfies readonly RiskZone[];

// ── Inputs ──────────────────────────────────────────────────────────────────────────────────

export const metricsPeriodSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('quarter'),
      /** Fiscal year: the calendar year in which it starts (workspace fiscal_year_start_month). */
      year: z.number().int().min(1970).max(9999),
      quarter: z.number().int().min(1).max(4),
    })
    .strict(),
  z.object({ kind: z.literal('trailing12'), endDate: isoDateSchema }).strict(),
  z
    .object({ kind: z.literal('custom'), from: isoDateSchema, to: isoDateSchema })
    .strict()
    .refine((period) => period.from <= period.to, { message: 'The period must end on or after its start', path: ['to'] }),
]);
export type MetricsPeriodInput = z.input<typeof metricsPeriodSchema>;

const filterText = (max: number) => z.string().trim().min(1).max(max).optional();

export const metricsFiltersSchema = z
  .object({
    tier: z.enum(ACCOUNT_TIERS).optional(),
    industry: filterText(80),
    region: filterText(80),
    owner: filterText(120),
    /** MSP relationship segment in the selected period (an override, when present, wins). */
    segment: z.enum(MSP_SEGMENTS).optional(),
    riskZone: z.enum(RISK_ZONES).optional(),
  })
  .strict();
export type MetricsFilters = z.output<typeof metricsFiltersSchema>;

const periodAndFilters = {
  period: metricsPeriodSchema.optional(),
  filters: metricsFiltersSchema.optional(),
};

export const metricsDashboardInput = z.object(periodAndFilters).strict().optional();

export const metricsAccountInput = z.object({ accountId: idSchema, period: metricsPeriodSchema.optional() }).strict();

const categorySchema = z.enum(NPS_CATEGORIES);

export const simulatorMoveSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('accounts'), accountIds: z.array(idSchema).min(1).max(10_000), to: categorySchema }).strict(),
  z
    .object({ kind: z.literal('share'), from: categorySchema, to: categorySchema, shareOfScoredArr: z.number().min(0).max(1) })
    .strict(),
]);
export type SimulatorMoveInput = z.output<typeof simulatorMoveSchema>;
const movesSchema = z.array(simulatorMoveSchema).max(100);

export const metricsSimulateInput = z.object({ ...periodAndFilters, moves: movesSchema }).strict();

const quarterSchema = z.object({ year: z.number().int().min(1970).max(9999), quarter: z.number().int().min(1).max(4) }).strict();

export const snapshotFreezeInput = z
  .object({ quarter: quarterSchema.optional(), filters: metricsFiltersSchema.optional(), note: z.string().trim().max(500).optional() })
  .strict()
  .optional();

export const snapshotCompareInput = z
  .object({ snapshotId: idSchema, scenarioId: idSchema.optional(), moves: movesSchema.optional() })
  .strict()
  .refine((input) => !(input.scenarioId && input.moves), { message: 'Give a saved scenario or moves, not both', path: ['moves'] });

export const scenarioSaveInput = z
  .object({
    name: z.string().trim().min(1, 'Name is required').max(200),
    /** Frozen inputs to run on; without it the scenario runs on the live period and filters. */
    snapshotId: idSchema.optional(),
    ...periodAndFilters,
    moves: movesSchema,
  })
  .strict();

/** Deep partial of the settings; `null` resets a key to its default. Validated as a whole after merging. */
export type MetricSettingsPatch = { [K in keyof MetricSettings]?: MetricSettings[K] extends object ? { [N in keyof MetricSettings[K]]?: MetricSettings[K][N] | null } | null : MetricSettings[K] | null };

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const metricSettingsUpdateInput = z
  .object({
    patch: z.custom<MetricSettingsPatch>(isPlainObject, 'Settings must be an object').optional(),
    /** Forget every stored value: back to the documented defaults. */
    reset: z.boolean().optional(),
    fiscalYearStartMonth: z.number().int().min(1).max(12).optional(),
  })
  .strict();

// ── Outputs ─────────────────────────────────────────────────────────────────────────────────

export interface MetricsPeriod {
  kind: 'quarter' | 'trailing12' | 'custom';
  label: string;
  /** Inclusive calendar days. */
  from: string;
  to: string;
  fiscalYear: number | null;
  quarter: number | null;
  fiscalYearStartMonth: number;
  /** Ends after the as-of day: figures are to date. */
  partial: boolean;
  /** How the period was chosen (default, explicit) and what "belongs" means. */
  rule: string;
}

export interface PeriodPoint {
  label: string;
  from: string;
  to: string;
  partial: boolean;
}

export interface NpsTrendPoint {
  period: PeriodPoint;
  nps: Figure;
  interval95: IntervalFigure;
  responses: number;
}

export interface RetentionTrendPoint {
  period: PeriodPoint;
  nrr: Figure;
  grr: Figure;
  cohortSize: number;
}

export interface DashboardHeadline {
  /** Count-all NPS of the scope's active accounts. */
  nps: Figure;
  interval95: IntervalFigure;
  responses: Figure;
  /** Portfolio NPS by the headline method. */
  portfolioNps: Figure;
  revenueWeightedNps: Figure;
  arrAtRisk: Figure;
  expectedLossShortTerm: Figure;
  expectedLossLongTerm: Figure;
  potentialGrowth: Figure;
  coverage: RevenueCoverage;
  silentAccounts: Figure;
  silentArr: Figure;
  nrr: Figure;
  grr: Figure;
}

export interface DashboardDrivers {
  arrAtRisk: Figure;
  /** Named drivers by attributed ARR at risk, highest first, each with its (overlapping) exposed ARR. */
  ranking: DriverArrAtRisk[];
  unattributed: DriverArrAtRisk | null;
  waterfall: NpsWaterfall;
}

export interface DashboardValueOfPoint {
  /** The product's model (metrics.md §7). */
  model: Figure;
  expectedRevenue: Figure;
  arrByCategory: ArrByCategory;
  /** Score → next-12-month NRR over the period a year earlier; null figures below the sample minimum. */
  evidence: EvidenceSlope;
  observedChurn: ObservedChurn;
  evidencePeriod: PeriodPoint;
}

export interface MetricsDashboard {
  period: MetricsPeriod;
  filters: MetricsFilters;
  asOf: string;
  scope: { accounts: number; activeAccounts: number; activeArr: Figure };
  headline: DashboardHeadline;
  methodPanel: PortfolioMethodPanel;
  npsTrend: NpsTrendPoint[];
  retentionTrend: RetentionTrendPoint[];
  drivers: DashboardDrivers;
  valueOfOnePoint: DashboardValueOfPoint;
  loop: LoopKpiBreakdown;
  settings: MetricSettings;
}

export interface AccountTrendPoint {
  period: PeriodPoint;
  responses: number;
  countAllNps: Figure;
  scores: Record<AccountScoreMethod, AccountMethodScore>;
  headlineCategory: NpsCategory | null;
}

export interface SuccessVectorPoint {
  qbrId: string;
  heldOn: string;
  title: string;
  ratings: { tools: number; investment: number; desire: number } | null;
  milestones: { due: number; achievedOnTime: number; dueFrom: string | null; dueTo: string };
  /** null when the QBR lacks one of the three ratings (see nullReason). */
  result: SuccessVectorResult | null;
  nullReason: string | null;
  direction: SuccessVectorDirection;
}

export interface AccountMetrics {
  account: {
    id: string;
    name: string;
    tier: AccountTier | null;
    industry: string | null;
    region: string | null;
    owner: string | null;
    renewalDate: string | null;
    renewalIntent: RenewalIntent | null;
  };
  period: MetricsPeriod;
  asOf: string;
  arr: Figure;
  scores: {
    scored: boolean;
    countAll: NpsResult;
    average: AccountMethodScore;
    waterfall: AccountMethodScore & { role: StakeholderRole | null };
    weighted: AccountMethodScore;
    headline: AccountMethodScore & { rule: string };
  };
  headlineMethod: AccountNpsMethod;
  category: NpsCategory | null;
  atRisk: { atRisk: boolean; rule: string; why: string[]; negativeDrivers: { driverId: string; label: string }[] };
  silence: SilenceStatus;
  trend: AccountTrendPoint[];
  stakeholderCoverage: StakeholderCoverage;
  retention: { arrStart: Figure; arrEnd: Figure; nrr: Figure; grr: Figure; class: RetentionClass | null };
  successVector: { history: SuccessVectorPoint[]; alert: RevenueAtExpenseOfSuccessAlert };
  riskZone: Placement<RiskZone>;
  mspSegment: Placement<MspSegment>;
  settings: MetricSettings;
}

export interface MetricsSimulation {
  period: MetricsPeriod;
  filters: MetricsFilters;
  result: SimulationResult;
}

export interface SnapshotSummary {
  id: string;
  /** Period key, e.g. "2026-Q3" (fiscal year, quarter). */
  period: string;
  label: string;
  from: string;
  to: string;
  filters: MetricsFilters;
  note: string | null;
  frozenAt: string;
  accounts: number;
  headline: { nps: Figure; revenueWeightedNps: Figure; arrAtRisk: Figure; expectedRevenue: Figure };
}

export interface SnapshotComparison {
  snapshot: SnapshotSummary;
  nextPeriod: MetricsPeriod;
  /** false until the next period has ended: the "actual" side is then null. */
  nextPeriodComplete: boolean;
  expected: { revenue: Figure; revenueWeightedNps: Figure };
  scenario: SimulationResult | null;
  actual: { revenue: Figure; revenueWeightedNps: Figure; arrByCategory: ArrByCategory | null };
  differences: { actualVsExpectedRevenue: Figure; actualVsScenarioRevenue: Figure; actualVsScenarioNps: Figure };
}

export interface Scenario {
  id: string;
  name: string;
  snapshotId: string | null;
  moves: SimulatorMoveInput[];
  result: SimulationResult | null;
  createdAt: string;
}

export interface MetricSettingsInfo {
  settings: MetricSettings;
  defaults: MetricSettings;
  /** What the workspace stored; every key not in it takes its default. */
  stored: MetricSettingsPatch;
  fiscalYearStartMonth: number;
}

export const metricsCalls = {
  'metrics.dashboard': query(metricsDashboardInput).returns<MetricsDashboard>(),
  'metrics.account': query(metricsAccountInput).returns<AccountMetrics>(),
  'metrics.simulate': query(metricsSimulateInput).returns<MetricsSimulation>(),
  'metrics.snapshots.freeze': mutation(snapshotFreezeInput).returns<SnapshotSummary>(),
  'metrics.snapshots.list': query(noInput).returns<SnapshotSummary[]>(),
  'metrics.snapshots.compare': query(snapshotCompareInput).returns<SnapshotComparison>(),
  'metrics.scenarios.save': mutation(scenarioSaveInput).returns<Scenario>(),
  'metrics.scenarios.list': query(noInput).returns<Scenario[]>(),
  'metrics.settings.get': query(noInput).returns<MetricSettingsInfo>(),
  'metrics.settings.update': mutation(metricSettingsUpdateInput).returns<MetricSettingsInfo>(),
} as const;
