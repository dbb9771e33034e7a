import type { Method } from '../shared/contract';
import type { Handler } from './core/handler-types';
import { workspaceHandlers } from './workspace/workspace-handlers';
import { accountsHandlers } from './accounts/accounts-handlers';
import { contactsHandlers } from './contacts/contacts-handlers';
import { metricsHandlers } from './metrics/metrics-handlers';
import { guidesHandlers } from './guides/guides-handlers';
import { interviewsHandlers } from './interviews/interviews-handlers';
import { actionsHandlers } from './actions/actions-handlers';
import { searchHandlers } from './search/search-handlers';
import { workbookHandlers } from './workbook/workbook-handlers';

/** The contract, implemented: the compiler rejects a contract method without a handler here. */
export const handlers: { [M in Method]: Handler<M> } = {
  ...workspaceHandlers,
  ...accountsHandlers,
  ...contactsHandlers,
  ...metricsHandlers,
  ...guidesHandlers,
  ...interviewsHandlers,
  ...actionsHandlers,
  ...searchHandlers,
  ...workbookHandlers,
};
