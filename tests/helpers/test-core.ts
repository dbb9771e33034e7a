import path from 'node:path';
import { createCore } from '../../main/core/core';
import type { Core } from '../../main/core/core';
import { tempDir } from './temp-dir';

/** A core on a fresh, empty workspace in a temp folder (no demo), in-process. */
export async function emptyWorkspaceCore(options: { checkpointWorkerFile?: string } = {}): Promise<{ core: Core; dataDir: string; file: string }> {
  const dataDir = tempDir();
  const file = path.join(dataDir, 'test.axw');
  const core = await createCore({ dataDir, workspacePath: file, demoOnFirstStart: false, ...options });
  return { core, dataDir, file };
}

export function totalChanges(core: Core): number {
  const raw = core.workspaces.opened()!.file.raw;
  return (raw.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
}
