/**
 * Result types of the monetization engine (metrics.md), shared by the Node side that computes
 * them and the renderer that draws them. Types and constants only: no node, electron or DOM.
 *
 * Every number carries its own explanation (product promise: "every metric can explain itself"),
 * so a figure is never a bare number but `{ value, unit, formula, inputs, rule, ... }`.
 */

export const NPS_CATEGORIES = ['promoter', 'passive', 'detractor'] as const;
export type NpsCategory = (typeof NPS_CATEGORIES)[number];

/** Ranked highest first: the waterfall method picks the first role present. */
export const STAKEHOLDER_ROLES = ['decision_maker', 'influencer', 'user'] as const;
export type StakeholderRole = (typeof STAKEHOLDER_ROLES)[number];

/** Integer number of minor units (cents) of the workspace currency. Never a float. */
export type MinorUnits = number;

export type FigureUnit =
  | 'nps' // −100..100
  | 'ratio' // 0.65 means 65 %
  | 'minor-units'
  | 'score' // on the scale of the answers it came from
  | 'count'
  | 'days'
  | 'hours'
  | 'nrr-per-score-point';

export type ProvenanceValue = number | string | boolean | null;

export interface Provenance {
  /** Human-readable formula, e.g. "100 × (P − D) / N". */
  formula: string;
  /** The aggregates the formula consumed: counts, sums, settings values. */
  inputs: Readonly<Record<string, ProvenanceValue>>;
  /** The rule or workspace setting that decided the outcome, when one did. */
  rule: string | null;
  /** Accounts that contributed, when the figure is about accounts. */
  accountIds?: readonly string[];
  /** Why the value is null: a missing metric shows as "—", never as 0. */
  nullReason?: string;
  /** Caveats worth showing beside the number (floors applied, clipping, model labels). */
  notes?: readonly string[];
}

export interface Figure extends Provenance {
  value: number | null;
  unit: FigureUnit;
}

export interface IntervalFigure extends Provenance {
  low: number | null;
  high: number | null;
  unit: FigureUnit;
}

// ── 1. NPS ──────────────────────────────────────────────────────────────────────────────────

export interface NpsCounts {
  promoters: number;
  passives: number;
  detractors: number;
}

export interface NpsResult {
  counts: NpsCounts & { total: number };
  nps: Figure;
  standardError: Figure;
  interval95: IntervalFigure;
  promoterShare: Figure;
  passiveShare: Figure;
  detractorShare: Figure;
}

// ── 2. Account-level NPS ────────────────────────────────────────────────────────────────────

/** Methods that give an account a score and therefore a category. */
export const ACCOUNT_SCORE_METHODS = ['average', 'waterfall', 'weighted'] as const;
export type AccountScoreMethod = (typeof ACCOUNT_SCORE_METHODS)[number];

export const ACCOUNT_NPS_METHODS = ['count-all', ...ACCOUNT_SCORE_METHODS] as const;
export type AccountNpsMethod = (typeof ACCOUNT_NPS_METHODS)[number];

export interface AccountMethodScore {
  method: AccountScoreMethod;
  score: Figure;
  category: NpsCategory | null;
}

export interface AccountNpsResult {
  accountId: string;
  arr: MinorUnits;
  /** At least one valid score in the window. */
  scored: boolean;
  /** Every valid response of the account in the window, as in section 1. */
  countAll: NpsResult;
  average: AccountMethodScore;
  waterfall: AccountMethodScore & { role: StakeholderRole | null };
  weighted: AccountMethodScore;
  /** The method the workspace setting picked for categories (count-all has none, see rule). */
  headline: AccountMethodScore & { rule: string };
}

export interface PortfolioMethodPanel {
  headlineMethod: AccountNpsMethod;
  portfolioNps: Readonly<Record<AccountNpsMethod, Figure>>;
  revenueWeightedNps: Readonly<Record<AccountScoreMethod, Figure>>;
}

// ── 3. Coverage and silence ─────────────────────────────────────────────────────────────────

export interface RevenueCoverage {
  coverage: Figure;
  target: number;
  /** null when coverage itself is undefined (no active ARR). */
  meetsTarget: boolean | null;
}

export interface RoleCoverage {
  role: StakeholderRole;
  contacts: number;
  answered: number;
}

export interface StakeholderCoverage {
  accountId: string;
  roles: readonly RoleCoverage[];
  rolesAnswered: readonly StakeholderRole[];
  rolesWithoutAnswer: readonly StakeholderRole[];
  share: Figure;
}

export interface SilenceStatus {
  accountId: string;
  silent: boolean;
  daysSinceLastTouch: Figure;
  rule: string;
}

// ── 4. Revenue at risk ──────────────────────────────────────────────────────────────────────

export type AtRiskRule = 'detractor' | 'nps-below-minus-20';

export interface AtRiskDecision {
  atRisk: boolean;
  rule: string;
}

export interface ExpectedRevenueLoss {
  shortTerm: Figure;
  longTerm: Figure;
  total: Figure;
  potentialGrowth: Figure;
}

export interface ObservedChurn {
  sampleSize: number;
  minimumSample: number;
  /** false: not enough account outcomes, the assumptions stand alone. */
  shown: boolean;
  byCategory: Readonly<Record<NpsCategory, Figure>>;
}

// ── 5. Drivers ──────────────────────────────────────────────────────────────────────────────

export interface DriverNpsContribution {
  /** null: the "Other" bucket for responses that cited no driver. */
  driverId: string | null;
  label: string;
  contribution: Figure;
  responses: number;
}

export interface NpsWaterfall {
  nps: Figure;
  contributions: readonly DriverNpsContribution[];
}

export interface DriverArrAtRisk {
  /** null: "Unattributed", at-risk ARR of accounts with no negatively rated driver. */
  driverId: string | null;
  label: string;
  attributed: Figure;
  /** Overlapping by design: an account citing two drivers counts fully in both. */
  exposed: Figure;
}

export interface DriverArrAtRiskResult {
  arrAtRisk: Figure;
  drivers: readonly DriverArrAtRisk[];
  /** Named drivers only, highest attributed ARR at risk first. */
  ranking: readonly DriverArrAtRisk[];
}

// ── 6. Retention ────────────────────────────────────────────────────────────────────────────

export type RetentionClass = 'expansion' | 'contraction' | 'churn' | 'flat';

export interface AccountRetention {
  accountId: string;
  arrStart: MinorUnits;
  arrEnd: MinorUnits;
  delta: MinorUnits;
  class: RetentionClass;
}

export interface RetentionResult {
  cohortSize: number;
  accounts: readonly AccountRetention[];
  startArr: Figure;
  expansionArr: Figure;
  contractionArr: Figure;
  churnedArr: Figure;
  nrr: Figure;
  grr: Figure;
  logoChurn: Figure;
  revenueChurn: Figure;
}

// ── 7. Value of one point and the simulator ─────────────────────────────────────────────────

export type CategoryOrUnscored = NpsCategory | 'unscored';

export type ArrByCategory = Readonly<Record<CategoryOrUnscored, MinorUnits>>;

export interface RevenueSnapshot {
  arrByCategory: ArrByCategory;
  expectedRevenue: Figure;
  revenueWeightedNps: Figure;
  /** Accounts per category; null once a share of ARR (not whole accounts) has moved. */
  accountNps: Figure;
}

export interface SimulationResult {
  before: RevenueSnapshot;
  after: RevenueSnapshot;
  expectedRevenueChange: Figure;
  revenueWeightedNpsChange: Figure;
}

export interface EvidenceSlope {
  sampleSize: number;
  minimumSample: number;
  slope: Figure;
  intercept: Figure;
  rSquared: Figure;
}

// ── 8. Loop closure ─────────────────────────────────────────────────────────────────────────

export const ACTION_LEVELS = ['frontline', 'management', 'executive'] as const;
export type ActionLevel = (typeof ACTION_LEVELS)[number];

export interface LoopDueDates {
  firstContactDue: string;
  closeDue: string;
}

export interface LoopKpis {
  actions: number;
  contactedWithinTarget: Figure;
  medianDaysToClose: Figure;
  overdue: Figure;
}

export interface LoopKpiBreakdown {
  overall: LoopKpis;
  byOwner: readonly ({ owner: string | null } & LoopKpis)[];
  byLevel: readonly ({ level: ActionLevel } & LoopKpis)[];
}

// ── 9. Success Vector ───────────────────────────────────────────────────────────────────────

export interface SuccessVectorResult {
  subjective: Figure;
  adherence: Figure;
  successVector: Figure;
}

export type Direction = 'up' | 'down' | 'flat';

export interface SuccessVectorDirection {
  change: Figure;
  direction: Direction | null;
}

export interface RevenueAtExpenseOfSuccessAlert {
  raised: boolean;
  rule: string;
}

// ── 10. Segments ────────────────────────────────────────────────────────────────────────────

export type RiskZone = 'at-risk' | 'gray' | 'safe' | 'unscored';

export const MSP_SEGMENTS = ['dangling', 'at-risk', 'growth', 'happy', 'unscored'] as const;
export type MspSegment = (typeof MSP_SEGMENTS)[number];

export interface Placement<S extends string> {
  placement: S;
  /** The rule that placed the card, in words, with the conditions that matched. */
  rule: string;
  matched: readonly string[];
  override?: { placement: S; reason: string };
}
