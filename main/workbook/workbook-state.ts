import path from 'node:path';
import type { CoreContext } from '../core/context';
import { ExportFiles } from './export/export-files';
import { JobRegistry } from './jobs';
import { Sessions } from './sessions';
import { StagingFolder } from './staging-files';
import { Uploads } from './uploads';

export interface WorkbookState {
  jobs: JobRegistry;
  uploads: Uploads;
  sessions: Sessions;
  exports: ExportFiles;
  staging: StagingFolder;
}

const states = new WeakMap<object, WorkbookState>();

/** Per core (one per worker), created on first use: jobs, uploads, open imports, finished exports. */
export function workbookState(ctx: CoreContext): WorkbookState {
  let state = states.get(ctx.workspaces);
  if (!state) {
    const staging = new StagingFolder(path.join(ctx.workspaces.dataDir, 'workbook-staging'));
    state = { jobs: new JobRegistry((event) => ctx.emit(event)), uploads: new Uploads(staging), sessions: new Sessions(staging), exports: new ExportFiles(staging), staging };
    states.set(ctx.workspaces, state);
  }
  return state;
}
