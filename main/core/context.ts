import type { CoreEvent } from '../../shared/contract';
import type { WorkspaceManager } from '../workspace/workspace-manager';
import type { BackgroundCheckpoint } from '../db/background-checkpoint';
import type { MetricsReader } from '../metrics/engine/metrics-reader';

export interface CoreContext {
  workspaces: WorkspaceManager;
  emit(event: CoreEvent): void;
  /** The checkpoint thread big writes hand their checkpoint to; absent when the core runs in-process. */
  checkpoint?: BackgroundCheckpoint | null;
  /** The metrics reader thread (a second core for a cold dashboard's reads); absent when the core runs in-process. */
  metricsReader?: MetricsReader | null;
}
