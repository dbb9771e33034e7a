import type { Handlers } from '../core/handler-types';
import { createContact, getContact, restoreContact, softDeleteContact, updateContact } from './contacts-repo';

export const contactsHandlers: Handlers<'contacts.'> = {
  'contacts.create': async (input, ctx) => {
    const db = ctx.workspaces.db();
    const id = await db.transaction().execute((trx) => createContact(trx, input));
    return getContact(db, id);
  },
  'contacts.update': async (input, ctx) => {
    const db = ctx.workspaces.db();
    await db.transaction().execute((trx) => updateContact(trx, input));
    return getContact(db, input.id);
  },
  'contacts.delete': (input, ctx) => ctx.workspaces.db().transaction().execute((trx) => softDeleteContact(trx, input.id)),
  'contacts.restore': async (input, ctx) => {
    const db = ctx.workspaces.db();
    await db.transaction().execute((trx) => restoreContact(trx, input.id));
    return getContact(db, input.id);
  },
};
