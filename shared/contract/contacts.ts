import { z } from 'zod';
import { CONTACT_LEVELS, CONTACT_ROLES } from '../domain/people';
import type { ContactLevel, ContactRole } from '../domain/people';
import { byIdInput, idSchema, optionalText } from './common';
import { mutation } from './define';

const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, 'Email is longer than 254 characters')
  .refine((v) => v === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), 'Email must look like name@company.com')
  .nullable()
  .optional()
  .transform((v) => (v === undefined ? undefined : v === null || v === '' ? null : v));

export const contactFieldsSchema = z.object({
  name: z.string({ error: 'Name is required' }).trim().min(1, 'Name is required').max(200, 'Name is longer than 200 characters'),
  email: emailSchema,
  title: optionalText(200, 'Title'),
  phone: optionalText(50, 'Phone'),
  role: z.enum(CONTACT_ROLES, { error: 'Role must be decision maker, influencer or user' }).nullable().optional(),
  level: z.enum(CONTACT_LEVELS, { error: 'Level must be executive, management or frontline' }).nullable().optional(),
});

export const contactCreateInput = contactFieldsSchema.extend({ accountId: idSchema }).strict();
export const contactUpdateInput = z.object({ id: idSchema, patch: contactFieldsSchema.partial().strict() }).strict();

export interface ContactRow {
  id: string;
  accountId: string;
  name: string;
  email: string | null;
  title: string | null;
  phone: string | null;
  role: ContactRole | null;
  level: ContactLevel | null;
  lastNps: number | null;
  lastResponseAt: string | null;
  updatedAt: string;
}

export const contactsCalls = {
  'contacts.create': mutation(contactCreateInput).returns<ContactRow>(),
  'contacts.update': mutation(contactUpdateInput).returns<ContactRow>(),
  'contacts.delete': mutation(byIdInput).returns<{ id: string; deletedAt: string }>(),
  'contacts.restore': mutation(byIdInput).returns<ContactRow>(),
} as const;
