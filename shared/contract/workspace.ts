import { z } from 'zod';
import { idSchema, noInput } from './common';
import { mutation, query } from './define';

const currencySchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, 'Currency must be a three-letter ISO 4217 code such as EUR or USD');
const localeSchema = z
  .string()
  .trim()
  .min(2)
  .max(35)
  .refine((v) => {
    try {
      return Intl.getCanonicalLocales(v).length === 1;
    } catch {
      return false;
    }
  }, 'Locale must be a language tag such as en-US or de-DE');
const workspaceNameSchema = z.string().trim().min(1, 'Name is required').max(120, 'Name is longer than 120 characters');

export const workspaceCreateInput = z
  .object({
    name: workspaceNameSchema,
    currency: currencySchema.default('USD'),
    locale: localeSchema.default('en-US'),
    withDemoData: z.boolean().default(false),
  })
  .strict();

export const workspaceSettingsInput = z
  .object({ name: workspaceNameSchema.optional(), currency: currencySchema.optional(), locale: localeSchema.optional() })
  .strict();

export interface WorkspaceInfo {
  id: string;
  name: string;
  currency: string;
  locale: string;
  fileName: string;
  /** Shown to the person so they can find their file; never used by the renderer to reach it. */
  location: string;
  schemaVersion: number;
  counts: { accounts: number; contacts: number; responses: number };
  isDemo: boolean;
}

export interface RecentWorkspace {
  id: string;
  name: string;
  fileName: string;
  location: string;
  lastOpenedAt: string;
  exists: boolean;
  current: boolean;
}

export interface WorkspaceBackup {
  id: string;
  fileName: string;
  takenAt: string;
  reason: string;
  sizeBytes: number;
}

export type WorkspaceStatus =
  | { state: 'ready'; workspace: WorkspaceInfo }
  | { state: 'none' }
  | { state: 'damaged'; fileName: string; location: string; problem: string; backups: WorkspaceBackup[] }
  | { state: 'too_new'; fileName: string; location: string; problem: string };

export const workspaceCalls = {
  'workspace.status': query(noInput).returns<WorkspaceStatus>(),
  'workspace.recent': query(noInput).returns<RecentWorkspace[]>(),
  'workspace.create': mutation(workspaceCreateInput).returns<WorkspaceInfo>(),
  'workspace.open': mutation(z.object({ recentId: idSchema }).strict()).returns<WorkspaceInfo>(),
  'workspace.forget': mutation(z.object({ recentId: idSchema }).strict()).returns<RecentWorkspace[]>(),
  'workspace.updateSettings': mutation(workspaceSettingsInput).returns<WorkspaceInfo>(),
  'workspace.backups': query(noInput).returns<WorkspaceBackup[]>(),
  'workspace.backupNow': mutation(noInput).returns<WorkspaceBackup>(),
  'workspace.openBackup': mutation(z.object({ backupId: z.string().regex(/^[\w.-]+$/, 'must be a backup id') }).strict()).returns<WorkspaceInfo>(),
} as const;
