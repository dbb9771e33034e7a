import { z } from 'zod';
import { ACCOUNT_SORT_FIELDS, ACCOUNT_TIERS, ARR_CHANGE_KINDS, RENEWAL_INTENTS } from '../domain/accounts';
import type { AccountSortField, AccountTier, ArrChangeKind, RenewalIntent } from '../domain/accounts';
import type { ContactRole, ContactLevel } from '../domain/people';
import { byIdInput, idSchema, isoDateSchema, minorUnitsSchema, noInput, optionalText } from './common';
import type { Page } from './common';
import { mutation, query } from './define';
import type { ContactRow } from './contacts';

const nameSchema = z.string({ error: 'Name is required' }).trim().min(1, 'Name is required').max(200, 'Name is longer than 200 characters');

export const accountFieldsSchema = z.object({
  name: nameSchema,
  externalId: optionalText(100, 'External id'),
  industry: optionalText(80, 'Industry'),
  tier: z.enum(ACCOUNT_TIERS, { error: `Tier must be one of ${ACCOUNT_TIERS.join(', ')}` }).nullable().optional(),
  region: optionalText(80, 'Region'),
  owner: optionalText(120, 'Owner'),
  renewalDate: isoDateSchema.nullable().optional(),
  renewalIntent: z.enum(RENEWAL_INTENTS).nullable().optional(),
  expansionOpportunity: z.boolean().optional(),
  notes: optionalText(10_000, 'Notes'),
});

export const accountCreateInput = accountFieldsSchema
  .extend({
    /** ARR now, in minor units; recorded as the first ARR history entry. */
    arrMinor: minorUnitsSchema.optional(),
    arrDate: isoDateSchema.optional(),
  })
  .strict();

export const accountUpdateInput = z
  .object({ id: idSchema, patch: accountFieldsSchema.partial().strict() })
  .strict();

export const accountListInput = z
  .object({
    search: z.string().trim().max(200).optional(),
    industry: z.string().max(80).optional(),
    tier: z.enum(ACCOUNT_TIERS).optional(),
    region: z.string().max(80).optional(),
    owner: z.string().max(120).optional(),
    sort: z.enum(ACCOUNT_SORT_FIELDS).default('name'),
    direction: z.enum(['asc', 'desc']).default('asc'),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(1000).default(200),
  })
  .strict();

export const arrRecordInput = z
  .object({
    accountId: idSchema,
    effectiveDate: isoDateSchema,
    arrMinor: minorUnitsSchema,
    kind: z.enum(ARR_CHANGE_KINDS),
    note: optionalText(500, 'Note'),
  })
  .strict();

export interface AccountRow {
  id: string;
  name: string;
  externalId: string | null;
  industry: string | null;
  tier: AccountTier | null;
  region: string | null;
  owner: string | null;
  renewalDate: string | null;
  /** ARR today: the latest ARR record dated on or before today. */
  arrMinor: number;
  contactCount: number;
  /** Latest valid NPS answer from any of its contacts, with its date. */
  lastNps: number | null;
  lastResponseAt: string | null;
  updatedAt: string;
}

export interface ArrRecord {
  id: string;
  effectiveDate: string;
  arrMinor: number;
  kind: ArrChangeKind;
  note: string | null;
}

export type TimelineKind = 'interview' | 'qbr' | 'action' | 'milestone' | 'arr';

export interface TimelineItem {
  id: string;
  kind: TimelineKind;
  /** ISO date or date-time the item happened (or is due). */
  at: string;
  title: string;
  detail: string | null;
  /** NPS for interviews; null elsewhere. */
  score: number | null;
  /** ARR level after the change, for ARR items; null elsewhere. */
  amountMinor: number | null;
  status: string | null;
  contactName: string | null;
  contactRole: ContactRole | null;
  contactLevel: ContactLevel | null;
}

export interface AccountDetail extends AccountRow {
  renewalIntent: RenewalIntent | null;
  expansionOpportunity: boolean;
  notes: string | null;
  createdAt: string;
  contacts: ContactRow[];
  arrHistory: ArrRecord[];
  timeline: TimelineItem[];
}

export interface AccountFacets {
  industries: string[];
  tiers: AccountTier[];
  regions: string[];
  owners: string[];
  totalAccounts: number;
}

export type AccountListPage = Page<AccountRow>;

export const accountsCalls = {
  'accounts.list': query(accountListInput).returns<AccountListPage>(),
  'accounts.facets': query(noInput).returns<AccountFacets>(),
  'accounts.get': query(byIdInput).returns<AccountDetail>(),
  'accounts.create': mutation(accountCreateInput).returns<AccountDetail>(),
  'accounts.update': mutation(accountUpdateInput).returns<AccountDetail>(),
  'accounts.delete': mutation(byIdInput).returns<{ id: string; deletedAt: string }>(),
  'accounts.restore': mutation(byIdInput).returns<AccountDetail>(),
  'accounts.recordArr': mutation(arrRecordInput).returns<ArrRecord>(),
} as const;
