import { z } from 'zod';
import { byIdInput, idSchema, noInput, optionalText } from './common';
import { mutation, query } from './define';

export const GUIDE_KINDS = ['relationship', 'transactional', 'qbr', 'potential'] as const;
export type GuideKind = (typeof GUIDE_KINDS)[number];

export const QUESTION_KINDS = ['nps', 'rating', 'driver_ratings', 'single_choice', 'multiple_choice', 'text'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

/**
 * The interview column a question's answer is stored in, so metrics, search and the timeline read one
 * place whatever guide was used: an NPS question always feeds `nps`; a 1–5 rating may feed `csat`,
 * a 1–7 rating `ces`; one open question per guide may capture the `verbatim`.
 */
export const QUESTION_FIELDS = ['nps', 'csat', 'ces', 'verbatim'] as const;
export type QuestionField = (typeof QUESTION_FIELDS)[number];

export const STANDARD_NPS_PROMPT = 'How likely is it that you would recommend us to a friend or colleague?';
export const CSAT_SCALE = { min: 1, max: 5 } as const;
export const CES_SCALE = { min: 1, max: 7 } as const;
/** driver_ratings stores 1–7; the workspace's driver scale (metric settings) lies inside it. */
export const DRIVER_RATING_LIMITS = { min: 1, max: 7 } as const;

const promptSchema = z.string({ error: 'The question needs a prompt' }).trim().min(1, 'The question needs a prompt').max(500, 'A prompt is at most 500 characters');
const questionBase = {
  /** Keep the id of a question that is edited in place (a guide without answers); new questions omit it. */
  id: idSchema.optional(),
  required: z.boolean().default(false),
};
const scaleLabels = z
  .object({ min: optionalText(60, 'Label'), max: optionalText(60, 'Label') })
  .strict()
  .optional();

const npsQuestion = z
  .object({ ...questionBase, kind: z.literal('nps'), prompt: promptSchema.default(STANDARD_NPS_PROMPT) })
  .strict();

const ratingQuestion = z
  .object({
    ...questionBase,
    kind: z.literal('rating'),
    prompt: promptSchema,
    field: z.enum(['csat', 'ces']).nullable().default(null),
    /** Defaults to the CSAT or CES scale when the question feeds one of them. */
    scale: z
      .object({ min: z.number().int().min(0).max(10), max: z.number().int().min(1).max(10) })
      .strict()
      .refine((s) => s.min < s.max, 'The scale must go up: min below max')
      .optional(),
    labels: scaleLabels,
  })
  .strict()
  .refine((q) => q.field !== 'csat' || !q.scale || (q.scale.min === CSAT_SCALE.min && q.scale.max === CSAT_SCALE.max), {
    message: 'CSAT is asked on a 1–5 scale',
    path: ['scale'],
  })
  .refine((q) => q.field !== 'ces' || !q.scale || (q.scale.min === CES_SCALE.min && q.scale.max === CES_SCALE.max), {
    message: 'CES is asked on a 1–7 scale',
    path: ['scale'],
  })
  .refine((q) => q.field !== null || q.scale !== undefined, { message: 'A custom rating needs a scale', path: ['scale'] });

const driverRatingsQuestion = z
  .object({
    ...questionBase,
    kind: z.literal('driver_ratings'),
    prompt: promptSchema,
    /** null: every driver of the workspace at interview time, in its order (the default guides use this). */
    driverIds: z.array(idSchema).min(1, 'Pick at least one driver').max(50).nullable().default(null),
    scale: z
      .object({ min: z.number().int().min(DRIVER_RATING_LIMITS.min), max: z.number().int().max(DRIVER_RATING_LIMITS.max) })
      .strict()
      .refine((s) => s.min < s.max, 'The scale must go up: min below max')
      .optional(),
    labels: scaleLabels,
  })
  .strict();

const optionSchema = z.string().trim().min(1, 'An option cannot be empty').max(200, 'An option is at most 200 characters');
const choiceQuestion = z
  .object({
    ...questionBase,
    kind: z.enum(['single_choice', 'multiple_choice']),
    prompt: promptSchema,
    options: z
      .array(optionSchema)
      .min(2, 'Give at least two options')
      .max(30, 'At most 30 options')
      .refine((options) => new Set(options.map((o) => o.toLowerCase())).size === options.length, 'Options must differ'),
  })
  .strict();

const textQuestion = z
  .object({ ...questionBase, kind: z.literal('text'), prompt: promptSchema, field: z.literal('verbatim').nullable().default(null) })
  .strict();

export const questionInputSchema = z.discriminatedUnion('kind', [npsQuestion, ratingQuestion, driverRatingsQuestion, choiceQuestion, textQuestion], {
  error: `Question kind must be one of ${QUESTION_KINDS.join(', ')}`,
});
export type QuestionInput = z.input<typeof questionInputSchema>;

const guideFields = {
  name: z.string({ error: 'Name is required' }).trim().min(1, 'Name is required').max(200, 'Name is longer than 200 characters'),
  kind: z.enum(GUIDE_KINDS, { error: `Kind must be one of ${GUIDE_KINDS.join(', ')}` }),
  description: optionalText(2000, 'Description'),
  /** The touchpoint a transactional guide asks about; interviews started with the guide inherit it. */
  touchpointId: idSchema.nullable().optional(),
  questions: z.array(questionInputSchema).min(1, 'A guide needs at least one question').max(100, 'At most 100 questions'),
};

export const guideCreateInput = z.object(guideFields).strict();
export const guideUpdateInput = z
  .object({ id: idSchema, patch: z.object(guideFields).partial().strict() })
  .strict();
export const guideListInput = z
  .object({ kind: z.enum(GUIDE_KINDS).optional(), includeDeleted: z.boolean().default(false) })
  .strict()
  .optional();
export const guideDuplicateInput = z.object({ id: idSchema, name: guideFields.name }).strict();

export interface GuideQuestion {
  id: string;
  position: number;
  kind: QuestionKind;
  prompt: string;
  required: boolean;
  field: QuestionField | null;
  /** Ratings and driver ratings; null for other kinds. */
  scale: { min: number; max: number } | null;
  labels: { min: string | null; max: string | null } | null;
  /** Choice questions; null for other kinds. */
  options: string[] | null;
  /** Driver ratings: the drivers asked about, resolved (a null set in the guide means all drivers). */
  drivers: { id: string; name: string }[] | null;
  /** Driver ratings: true when the guide asks about every workspace driver. */
  allDrivers: boolean;
}

export interface GuideSummary {
  id: string;
  guideKey: string;
  version: number;
  name: string;
  kind: GuideKind;
  description: string | null;
  touchpointId: string | null;
  touchpointName: string | null;
  isDefault: boolean;
  questionCount: number;
  /** Interviews (drafts included) that use this version: once there are any, editing questions makes a new version. */
  interviewCount: number;
  updatedAt: string;
  deletedAt: string | null;
}

export interface GuideVersion {
  id: string;
  version: number;
  createdAt: string;
  supersededAt: string | null;
  interviewCount: number;
}

export interface GuideDetail extends GuideSummary {
  questions: GuideQuestion[];
  /** All versions of this guide, oldest first; the last one is the current version. */
  versions: GuideVersion[];
  supersededAt: string | null;
}

/** A driver the workspace rates and tags: what driver questions, tags and search filters offer. */
export interface VocabularyDriver {
  id: string;
  name: string;
  description: string | null;
}

/** A journey touchpoint, with the stage and journey it sits in (null for a touchpoint outside any journey). */
export interface VocabularyTouchpoint {
  id: string;
  name: string;
  channel: string | null;
  stageName: string | null;
  journeyName: string | null;
}

/** The workspace's drivers and touchpoints, in their order, without deleted ones. */
export interface TaggingVocabulary {
  drivers: VocabularyDriver[];
  touchpoints: VocabularyTouchpoint[];
}

export const guidesCalls = {
  /** What guides, interview tags and search filters can refer to: the drivers and journey touchpoints. */
  'guides.vocabulary': query(noInput).returns<TaggingVocabulary>(),
  /** The current version of every guide. */
  'guides.list': query(guideListInput).returns<GuideSummary[]>(),
  /** Any version by id, also a superseded one (old interviews show the questions they were asked). */
  'guides.get': query(byIdInput).returns<GuideDetail>(),
  'guides.create': mutation(guideCreateInput).returns<GuideDetail>(),
  /** Edits in place while no interview uses the version; otherwise returns a new version (old answers keep their questions). */
  'guides.update': mutation(guideUpdateInput).returns<GuideDetail>(),
  'guides.duplicate': mutation(guideDuplicateInput).returns<GuideDetail>(),
  /** Soft-deletes every version; interviews keep pointing at theirs. */
  'guides.delete': mutation(byIdInput).returns<{ id: string; deletedAt: string }>(),
  'guides.restore': mutation(byIdInput).returns<GuideDetail>(),
} as const;
