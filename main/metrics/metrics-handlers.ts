import type { Handlers } from '../core/handler-types';
import { todayIso } from '../db/clock';
import { computeAccountMetrics } from './engine/account-metrics';
import { computeDashboard } from './engine/dashboard';
import { queryCache, type QueryCache } from './engine/query-cache';
import type { CoreContext } from '../core/context';
import { listScenarios, saveScenario } from './engine/scenarios';
import { metricSettingsInfo, updateMetricSettings } from './engine/settings-store';
import { computeSimulation } from './engine/simulation';
import { compareSnapshot } from './engine/snapshot-compare';
import { freezeSnapshot, listSnapshots } from './engine/snapshots';

/** The open workspace's memo, with the metrics reader thread's connection to it when the core has one. */
function cacheOf(ctx: CoreContext): Promise<QueryCache> {
  const db = ctx.workspaces.db();
  const file = ctx.workspaces.currentPath();
  return queryCache(db, { reader: file && ctx.metricsReader?.available ? ctx.metricsReader.forFile(file) : null });
}

export const metricsHandlers: Handlers<'metrics.'> = {
  'metrics.dashboard': async (input, ctx) => {
    const db = ctx.workspaces.db();
    return computeDashboard(db, await cacheOf(ctx), input ?? {}, todayIso());
  },
  'metrics.account': (input, ctx) => computeAccountMetrics(ctx.workspaces.db(), input, todayIso()),
  'metrics.simulate': async (input, ctx) => {
    const db = ctx.workspaces.db();
    return computeSimulation(db, await cacheOf(ctx), input, todayIso());
  },
  'metrics.snapshots.freeze': async (input, ctx) => {
    const db = ctx.workspaces.db();
    return freezeSnapshot(db, await cacheOf(ctx), input ?? {}, todayIso());
  },
  'metrics.snapshots.list': (_input, ctx) => listSnapshots(ctx.workspaces.db()),
  'metrics.snapshots.compare': async (input, ctx) => {
    const db = ctx.workspaces.db();
    return compareSnapshot(db, await cacheOf(ctx), input, todayIso());
  },
  'metrics.scenarios.save': async (input, ctx) => {
    const db = ctx.workspaces.db();
    return saveScenario(db, await cacheOf(ctx), input, todayIso());
  },
  'metrics.scenarios.list': (_input, ctx) => listScenarios(ctx.workspaces.db()),
  'metrics.settings.get': (_input, ctx) => metricSettingsInfo(ctx.workspaces.db()),
  'metrics.settings.update': async (input, ctx) => {
    const db = ctx.workspaces.db();
    await updateMetricSettings(db, input);
    return metricSettingsInfo(db);
  },
};
