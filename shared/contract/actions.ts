import { z } from 'zod';
import { ACTION_LEVELS } from '../domain/metrics-types';
import type { ActionLevel, LoopKpiBreakdown } from '../domain/metrics-types';
import type { ContactLevel } from '../domain/people';
import { byIdInput, idSchema, isoDateSchema, optionalText } from './common';
import type { Page } from './common';
import { mutation, query } from './define';
import { isoDateTimeSchema } from './interviews';

export const ACTION_STATUSES = ['open', 'contacted', 'closed'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
export const ACTION_KINDS = ['follow_up', 'task', 'expansion'] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];

/** Where an action stands against its due dates, as of the call. */
export const DUE_STATES = ['overdue', 'due_soon', 'on_track', 'closed'] as const;
export type DueState = (typeof DUE_STATES)[number];
/** "Due soon": the next due time falls within this many hours. */
export const DUE_SOON_HOURS = 24;

const ownerSchema = optionalText(120, 'Owner');
const outcomeSchema = optionalText(5000, 'Outcome');

export const actionQueueInput = z
  .object({
    /** Default: everything not closed. */
    statuses: z.array(z.enum(ACTION_STATUSES)).min(1).max(3).optional(),
    due: z.enum(['overdue', 'due_soon', 'overdue_or_due_soon']).optional(),
    /** A name, or null for actions nobody owns yet. */
    owner: z.string().trim().max(120).nullable().optional(),
    level: z.enum(ACTION_LEVELS).optional(),
    kind: z.enum(ACTION_KINDS).optional(),
    accountId: idSchema.optional(),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(500).default(100),
  })
  .strict()
  .optional();

export const actionCreateInput = z
  .object({
    accountId: idSchema,
    kind: z.enum(ACTION_KINDS).default('task'),
    title: z.string({ error: 'Title is required' }).trim().min(1, 'Title is required').max(300, 'Title is longer than 300 characters'),
    contactId: idSchema.nullable().optional(),
    interviewId: idSchema.nullable().optional(),
    owner: ownerSchema,
    level: z.enum(ACTION_LEVELS).nullable().optional(),
    /** Follow-ups default to the workspace targets counted from the interview (or from now). */
    firstContactDueAt: isoDateTimeSchema.nullable().optional(),
    closeDueAt: isoDateTimeSchema.nullable().optional(),
  })
  .strict();

export const actionUpdateInput = z
  .object({
    id: idSchema,
    patch: z
      .object({
        /** contacted stamps contacted_at, closed stamps closed_at (an outcome is required), open clears both. */
        status: z.enum(ACTION_STATUSES).optional(),
        outcome: outcomeSchema,
        owner: ownerSchema,
        level: z.enum(ACTION_LEVELS).optional(),
        title: z.string().trim().min(1, 'Title is required').max(300).optional(),
      })
      .strict(),
    /** When the contact or close happened, if not now. */
    at: isoDateTimeSchema.optional(),
  })
  .strict();

export const actionKpisInput = z
  .object({
    accountId: idSchema.optional(),
    owner: z.string().trim().max(120).optional(),
    /** Follow-ups opened on or after / on or before these days. */
    from: isoDateSchema.optional(),
    to: isoDateSchema.optional(),
  })
  .strict()
  .optional();

export interface ActionDue {
  state: DueState;
  /** The next deadline: first contact while nobody was contacted, then the close; null when closed. */
  nextDueAt: string | null;
  firstContactOverdue: boolean;
  closeOverdue: boolean;
}

export interface ActionRow {
  id: string;
  accountId: string;
  accountName: string;
  interviewId: string | null;
  contactId: string | null;
  contactName: string | null;
  contactLevel: ContactLevel | null;
  kind: ActionKind;
  title: string;
  owner: string | null;
  level: ActionLevel | null;
  status: ActionStatus;
  openedAt: string;
  firstContactDueAt: string | null;
  closeDueAt: string | null;
  contactedAt: string | null;
  closedAt: string | null;
  outcome: string | null;
  /** The score and words that opened a follow-up, for context in the queue. */
  nps: number | null;
  verbatim: string | null;
  due: ActionDue;
  updatedAt: string;
}

export interface OwnerLoad {
  owner: string | null;
  open: number;
  overdue: number;
  dueSoon: number;
}

export interface ActionQueue extends Page<ActionRow> {
  asOf: string;
  /** Over the filtered set before paging, ignoring the `due` filter. */
  summary: { open: number; contacted: number; overdue: number; dueSoon: number };
  byOwner: OwnerLoad[];
}

export interface ActionKpis extends LoopKpiBreakdown {
  asOf: string;
}

export const actionsCalls = {
  /** The follow-up queue: most urgent first (overdue, then by next due time). */
  'actions.queue': query(actionQueueInput).returns<ActionQueue>(),
  'actions.get': query(byIdInput).returns<ActionRow>(),
  'actions.create': mutation(actionCreateInput).returns<ActionRow>(),
  'actions.update': mutation(actionUpdateInput).returns<ActionRow>(),
  /** Loop-closure KPIs of follow-ups (metrics.md §8), overall, by owner and by level. */
  'actions.kpis': query(actionKpisInput).returns<ActionKpis>(),
} as const;
