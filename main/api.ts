import type { Method } from '../shared/contract';
import type { Handler } from './core/handler-types';
import { workspaceHandlers } from './workspace/workspace-handlers';
import { accountsHandlers } from './accounts/accounts-handlers';
import { contactsHandlers } from './contacts/contacts-handlers';

/** The contract, implemented: the compiler rejects a contract method without a handler here. */
export const handlers: { [M in Method]: Handler<M> } = {
  ...workspaceHandlers,
  ...accountsHandlers,
  ...contactsHandlers,
};
