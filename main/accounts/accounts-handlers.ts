import type { Handlers } from '../core/handler-types';
import { accountFacets, createAccount, getAccount, insertArrRecord, listAccounts, restoreAccount, softDeleteAccount, updateAccount } from './accounts-repo';

export const accountsHandlers: Handlers<'accounts.'> = {
  'accounts.list': (input, ctx) => listAccounts(ctx.workspaces.db(), input),
  'accounts.facets': (_input, ctx) => accountFacets(ctx.workspaces.db()),
  'accounts.get': (input, ctx) => getAccount(ctx.workspaces.db(), input.id),
  'accounts.create': async (input, ctx) => {
    const db = ctx.workspaces.db();
    const id = await db.transaction().execute((trx) => createAccount(trx, input));
    return getAccount(db, id);
  },
  'accounts.update': async (input, ctx) => {
    const db = ctx.workspaces.db();
    await db.transaction().execute((trx) => updateAccount(trx, input));
    return getAccount(db, input.id);
  },
  'accounts.delete': (input, ctx) => ctx.workspaces.db().transaction().execute((trx) => softDeleteAccount(trx, input.id)),
  'accounts.restore': async (input, ctx) => {
    const db = ctx.workspaces.db();
    await db.transaction().execute((trx) => restoreAccount(trx, input.id));
    return getAccount(db, input.id);
  },
  'accounts.recordArr': (input, ctx) => ctx.workspaces.db().transaction().execute((trx) => insertArrRecord(trx, input)),
};
