import type { Handlers } from '../core/handler-types';
import { updateSettings } from './workspace-settings-repo';

export const workspaceHandlers: Handlers<'workspace.'> = {
  'workspace.status': (_input, ctx) => ctx.workspaces.status(),
  'workspace.recent': async (_input, ctx) => ctx.workspaces.recentList(),
  'workspace.create': async (input, ctx) => {
    const info = await ctx.workspaces.createNamed(input.name, { currency: input.currency, locale: input.locale, withDemoData: input.withDemoData });
    ctx.emit({ type: 'workspace', state: 'opened' });
    return info;
  },
  'workspace.open': async (input, ctx) => {
    const info = await ctx.workspaces.openRecent(input.recentId);
    ctx.emit({ type: 'workspace', state: 'opened' });
    return info;
  },
  'workspace.forget': async (input, ctx) => {
    ctx.workspaces.recent.forget(input.recentId);
    return ctx.workspaces.recentList();
  },
  'workspace.updateSettings': async (input, ctx) => {
    const open = ctx.workspaces.opened();
    if (!open) return ctx.workspaces.info();
    await updateSettings(open.file.db, open.settings.id, input);
    await ctx.workspaces.refreshSettings();
    const info = await ctx.workspaces.info();
    ctx.workspaces.recent.touch(open.file.path, info.name);
    return info;
  },
  'workspace.backups': async (_input, ctx) => ctx.workspaces.backups(),
  'workspace.backupNow': (_input, ctx) => ctx.workspaces.backupNow(),
  'workspace.openBackup': async (input, ctx) => {
    const info = await ctx.workspaces.openBackup(input.backupId);
    ctx.emit({ type: 'workspace', state: 'opened' });
    return info;
  },
};
