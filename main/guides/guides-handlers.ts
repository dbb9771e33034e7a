import type { Handlers } from '../core/handler-types';
import { readVocabulary } from './vocabulary';
import { createGuide, duplicateGuide, getGuide, listGuides, restoreGuide, softDeleteGuide, updateGuide } from './guides-repo';

export const guidesHandlers: Handlers<'guides.'> = {
  'guides.vocabulary': (_input, ctx) => readVocabulary(ctx.workspaces.db()),
  'guides.list': (input, ctx) => listGuides(ctx.workspaces.db(), input),
  'guides.get': (input, ctx) => getGuide(ctx.workspaces.db(), input.id),
  'guides.create': async (input, ctx) => {
    const db = ctx.workspaces.db();
    const id = await db.transaction().execute((trx) => createGuide(trx, input));
    return getGuide(db, id);
  },
  'guides.update': async (input, ctx) => {
    const db = ctx.workspaces.db();
    const id = await db.transaction().execute((trx) => updateGuide(trx, input));
    return getGuide(db, id);
  },
  'guides.duplicate': async (input, ctx) => {
    const db = ctx.workspaces.db();
    const id = await db.transaction().execute((trx) => duplicateGuide(trx, input));
    return getGuide(db, id);
  },
  'guides.delete': (input, ctx) => ctx.workspaces.db().transaction().execute((trx) => softDeleteGuide(trx, input.id)),
  'guides.restore': async (input, ctx) => {
    const db = ctx.workspaces.db();
    const id = await db.transaction().execute((trx) => restoreGuide(trx, input.id));
    return getGuide(db, id);
  },
};
