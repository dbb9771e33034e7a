import type { Handlers } from '../core/handler-types';
import { searchTexts } from './search-repo';

export const searchHandlers: Handlers<'search.'> = {
  'search.query': (input, ctx) => searchTexts(ctx.workspaces.db(), input),
};
