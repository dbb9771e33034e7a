import type { Handlers } from '../core/handler-types';
import { actionKpis } from './action-kpis';
import { actionQueue } from './action-queue';
import { createAction, getAction, updateAction } from './actions-repo';

export const actionsHandlers: Handlers<'actions.'> = {
  'actions.queue': (input, ctx) => actionQueue(ctx.workspaces.db(), input),
  'actions.get': (input, ctx) => getAction(ctx.workspaces.db(), input.id),
  'actions.create': async (input, ctx) => {
    const db = ctx.workspaces.db();
    const id = await db.transaction().execute((trx) => createAction(trx, input));
    return getAction(db, id);
  },
  'actions.update': async (input, ctx) => {
    const db = ctx.workspaces.db();
    await db.transaction().execute((trx) => updateAction(trx, input));
    return getAction(db, input.id);
  },
  'actions.kpis': (input, ctx) => actionKpis(ctx.workspaces.db(), input),
};
