import { ensureDefaultGuides } from '../guides/default-guides';
import path from 'node:path';
import type { Handlers } from '../core/handler-types';
import type { CoreContext } from '../core/context';
import { ApiError } from '../../shared/contract/errors';
import type { ExportFile } from '../../shared/contract/workbook';
import { backupFolderFor, takeBackup } from '../db/backup';
import { STATUS_CODES } from './pipeline/analyse';
import { analyse } from './pipeline/analyse';
import { writeImport } from './pipeline/commit';
import { withCheckpointInBackground, withCheckpointInBackgroundAsync } from '../db/background-checkpoint';
import { listImports } from './pipeline/history';
import { undoImport } from './pipeline/undo';
import { workspaceFacts } from './pipeline/workspace-facts';
import { inspectFile, previewImport, proposeFor, summaryOf } from './import-flow';
import { commitWorkspaceImport, requireWorkspacePlan, workspaceSummary } from './export/workspace-import';
import { runExport } from './export/run-export';
import { toWorkbookApiError } from './refusal';
import { workbookState } from './workbook-state';

function openWorkspace(ctx: CoreContext) {
  ctx.workspaces.db(); // throws the usual "no workspace" error
  const opened = ctx.workspaces.opened()!;
  return { raw: opened.file.raw, path: opened.file.path };
}

function sessionFor(ctx: CoreContext, sessionId: string) {
  const session = workbookState(ctx).sessions.get(sessionId);
  if (session.workspacePath !== openWorkspace(ctx).path) {
    throw new ApiError({ code: 'conflict', message: 'Another workspace was opened since this file was chosen; choose the file again.' });
  }
  return session;
}

async function backupBefore(ctx: CoreContext, reason: string): Promise<string> {
  const { raw, path: workspacePath } = openWorkspace(ctx);
  const entry = await takeBackup(raw, backupFolderFor(ctx.workspaces.dataDir, workspacePath), reason);
  return entry.fileName;
}

const wrap = async <T>(work: () => Promise<T> | T): Promise<T> => {
  try {
    return await work();
  } catch (err) {
    throw toWorkbookApiError(err);
  }
};

export const workbookHandlers: Handlers<'workbook.'> = {
  'workbook.upload': async (input, ctx) => wrap(() => workbookState(ctx).uploads.receive(input)),

  'workbook.inspect': async (input, ctx) => {
    const state = workbookState(ctx);
    const { raw, path: workspacePath } = openWorkspace(ctx);
    const file = 'uploadId' in input.source ? state.uploads.take(input.source.uploadId) : state.uploads.fromBase64(input.source.fileName, input.source.contentBase64);
    const jobId = state.jobs.start('inspect', 'Checking the file', (job) => inspectFile(state.sessions, file, workspacePath, raw, job));
    return { jobId };
  },

  'workbook.proposeMapping': async (input, ctx) => wrap(() => proposeFor(sessionFor(ctx, input.sessionId), openWorkspace(ctx).raw, input)),

  'workbook.preview': async (input, ctx) => {
    const session = sessionFor(ctx, input.sessionId);
    const { raw } = openWorkspace(ctx);
    const state = workbookState(ctx);
    const jobId = state.jobs.start('preview', 'Reading rows', (job) => previewImport(session, raw, input, job));
    return { jobId };
  },

  'workbook.problems': async (input, ctx) =>
    wrap(() => {
      const session = sessionFor(ctx, input.sessionId);
      const all = session.workspacePlan?.problems ?? session.analysis?.problems ?? [];
      const filtered = input.severity ? all.filter((p) => p.severity === input.severity) : all;
      return { rows: filtered.slice(input.offset, input.offset + input.limit), total: filtered.length, offset: input.offset };
    }),

  'workbook.previewRows': async (input, ctx) =>
    wrap(() => {
      const session = sessionFor(ctx, input.sessionId);
      const analysis = session.analysis;
      if (!analysis) return { rows: [], total: 0, offset: input.offset };
      const wanted = input.status ? STATUS_CODES.indexOf(input.status) : -1;
      const indices: number[] = [];
      for (let i = 0; i < analysis.statuses.length; i++) if (wanted < 0 || analysis.statuses[i] === wanted) indices.push(i);
      const page = indices.slice(input.offset, input.offset + input.limit);
      const problemsByRow = new Map<number, typeof analysis.problems>();
      const rowsOnPage = new Set(page.map((i) => analysis.rowNumbers[i]!));
      for (const p of analysis.problems) if (rowsOnPage.has(p.row)) problemsByRow.set(p.row, [...(problemsByRow.get(p.row) ?? []), p]);
      return {
        rows: page.map((i) => {
          const row = analysis.rowNumbers[i]!;
          return { row, status: STATUS_CODES[analysis.statuses[i]!]!, summary: analysis.summaries[i]!, matches: analysis.details.get(row) ?? [], problems: problemsByRow.get(row) ?? [] };
        }),
        total: indices.length,
        offset: input.offset,
      };
    }),

  'workbook.excludeRows': async (input, ctx) =>
    wrap(() => {
      const session = sessionFor(ctx, input.sessionId);
      const staged = session.staged;
      if (!staged) throw new ApiError({ code: 'invalid_input', message: 'Preview the import before leaving rows out.' });
      for (const row of input.rows) {
        if (input.excluded) staged.excluded.add(row);
        else staged.excluded.delete(row);
      }
      const { raw } = openWorkspace(ctx);
      session.analysis = analyse(raw, staged, workspaceFacts(raw));
      return summaryOf(session);
    }),

  'workbook.commit': async (input, ctx) =>
    wrap(async () => {
      const session = sessionFor(ctx, input.sessionId);
      const { raw } = openWorkspace(ctx);
      const emit = (done: number, total: number) => ctx.emit({ type: 'progress', jobId: `commit-${session.id}`, label: 'Writing', done, total });
      if (session.workspacePlan) {
        const plan = requireWorkspacePlan(session);
        if (workspaceSummary(session, plan).nothingToDo) return { import: null, backupFileName: null };
        const backupFileName = await backupBefore(ctx, 'before-import');
        const record = withCheckpointInBackground(raw, ctx.checkpoint ?? null, () => commitWorkspaceImport(raw, session, plan));
        session.workspacePlan = null;
        return { import: record, backupFileName: record ? backupFileName : null };
      }
      const staged = session.staged;
      if (!staged || !session.analysis) throw new ApiError({ code: 'invalid_input', message: 'Preview the import before committing it.' });
      // The backup is taken only when the preview found something to write: the same file twice writes nothing.
      const backupFileName = session.analysis.nothingToDo ? null : await backupBefore(ctx, 'before-import');
      const analysis = session.analysis;
      // Called when the preview's plan is written as is: the rows and row details go now, not after the
      // commit (its end is the import's peak memory). Should the commit then fail, nothing was written
      // and the wizard previews again.
      const release = () => {
        staged.rows = [];
        analysis.summaries = [];
        analysis.details = new Map();
        analysis.problems = [];
        session.staged = null;
        session.analysis = null;
      };
      const record = withCheckpointInBackground(raw, ctx.checkpoint ?? null, () => writeImport(raw, staged, workspaceFacts(raw), analysis, emit, release));
      if (record) {
        // The preview described the workspace before this commit; a new preview (which reads the file
        // again) is needed to go on, so the staged rows are let go now.
        session.analysis = null;
        session.staged = null;
        if (session.inspect) session.inspect.alreadyImported = { importId: record.id, committedAt: record.committedAt };
      }
      return { import: record, backupFileName: record ? backupFileName : null };
    }),

  'workbook.undo': async (input, ctx) =>
    wrap(async () => {
      const { raw } = openWorkspace(ctx);
      await backupBefore(ctx, 'before-undo');
      // The checkpoint waits for the guides too: their commit would otherwise fold the undo's log in here.
      return withCheckpointInBackgroundAsync(raw, ctx.checkpoint ?? null, async () => {
        const undone = undoImport(raw, input.importId);
        // Undoing a workspace import removes the guides it brought, defaults included: seed them again.
        await ensureDefaultGuides(ctx.workspaces.db());
        return undone;
      });
    }),

  'workbook.history': async (input, ctx) => wrap(() => listImports(openWorkspace(ctx).raw, input.offset, input.limit)),

  'workbook.closeSession': async (input, ctx) => ({ closed: workbookState(ctx).sessions.close(input.sessionId) }),

  'workbook.export': async (input, ctx) => {
    const { raw, path: workspacePath } = openWorkspace(ctx);
    const state = workbookState(ctx);
    const stem = path.basename(workspacePath).replace(/\.[^.]+$/, '');
    const jobId = state.jobs.start('export', 'Exporting', (job): Promise<ExportFile> => runExport(raw, state.exports, input, stem, job));
    return { jobId };
  },

  'workbook.download': async (input, ctx) => wrap(() => workbookState(ctx).exports.read(input.exportId, input.offset, input.length)),

  'workbook.job': async (input, ctx) => workbookState(ctx).jobs.get(input.jobId),

  'workbook.cancel': async (input, ctx) => ({ cancelled: workbookState(ctx).jobs.cancel(input.jobId) }),
};
