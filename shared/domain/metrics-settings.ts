/**
 * Workspace metric settings (metrics.md). Every assumption the engine makes lives here, so the UI
 * can show it beside the figure and the user can change it. Parsing `{}` gives the defaults.
 */
import { z } from 'zod';

const probability = z.number().min(0).max(1);
const positiveWeight = z.number().positive();

export const accountNpsMethodSchema = z.enum(['count-all', 'average', 'waterfall', 'weighted']);
export const atRiskRuleSchema = z.enum(['detractor', 'nps-below-minus-20']);

export const metricSettingsSchema = z.object({
  /** Weighted method: Σ wᵢ·sᵢ / Σ wᵢ. */
  roleWeights: z
    .object({
      decision_maker: positiveWeight.default(3),
      influencer: positiveWeight.default(2),
      user: positiveWeight.default(1),
    })
    .prefault({}),
  headlineMethod: accountNpsMethodSchema.default('weighted'),
  atRiskRule: atRiskRuleSchema.default('detractor'),
  /** Published survey-tool multipliers; the product's assumptions, labelled as such. */
  churnProbability: z
    .object({
      detractor: probability.default(0.5),
      passive: probability.default(0.3),
      promoter: probability.default(0),
    })
    .prefault({}),
  /** Horizons only label the figures (detractors leave sooner than passives). */
  churnHorizonDays: z
    .object({
      detractor: z.number().int().positive().default(90),
      passive: z.number().int().positive().default(180),
    })
    .prefault({}),
  /** Unscored accounts are not assumed safe: they borrow this category's assumptions. */
  unscoredTreatedAs: z.enum(['promoter', 'passive', 'detractor']).default('passive'),
  expansionRate: z
    .object({
      promoter: z.number().min(0).default(0.3),
      passive: z.number().min(0).default(0),
      detractor: z.number().min(0).default(0),
    })
    .prefault({}),
  /** Potential growth = promoter ARR × this factor. */
  growthFactor: z.number().min(0).default(0.3),
  revenueCoverageTarget: probability.default(0.8),
  silenceDays: z.number().int().positive().default(180),
  driverScale: z
    .object({
      min: z.number().int().default(1),
      max: z.number().int().default(5),
      /** A rating at or below this is negative. */
      negativeAtMost: z.number().int().default(2),
    })
    .refine((scale) => scale.min <= scale.negativeAtMost && scale.negativeAtMost < scale.max, {
      message: 'the negative threshold must lie on the scale, below its maximum',
    })
    .prefault({}),
  grossMargin: probability.default(1),
  /** CLV divides by the churn rate; the floor keeps it finite and is shown when used. */
  churnRateFloor: z.number().positive().max(1).default(0.01),
  loop: z
    .object({
      firstContactHours: z.number().positive().default(48),
      closeDays: z.number().positive().default(14),
      passivesOpenActions: z.boolean().default(false),
    })
    .prefault({}),
  segments: z
    .object({
      renewalWithinDays: z.number().int().nonnegative().default(180),
      passiveFallPoints: z.number().positive().default(2),
      passiveRisePoints: z.number().positive().default(1),
    })
    .prefault({}),
  /** Success Vector alert fires when NRR is at or above this while the vector falls. */
  nrrTarget: z.number().positive().default(1),
  /** Evidence-based figures (observed churn, NRR slope) need at least this many observations. */
  evidenceMinimumSample: z.number().int().positive().default(30),
});

export type MetricSettings = z.infer<typeof metricSettingsSchema>;

export const DEFAULT_METRIC_SETTINGS: MetricSettings = metricSettingsSchema.parse({});
