import type { CoreEvent } from '../../shared/contract';
import type { WorkspaceManager } from '../workspace/workspace-manager';

export interface CoreContext {
  workspaces: WorkspaceManager;
  emit(event: CoreEvent): void;
}
