import fs from 'node:fs';
import path from 'node:path';
import type { Core } from '../../../main/core/core';
import type { ImportEntity, InspectResult, JobState, MappingProposal, PreviewSummary } from '../../../shared/contract/workbook';
import type { OutputOf, Method, InputOf } from '../../../shared/contract';

/** The wizard's calls, as the renderer would make them, for tests and benches. */
export class WorkbookClient {
  constructor(readonly core: Core) {}

  call<M extends Method>(method: M, input: InputOf<M>): Promise<OutputOf<M>> {
    return this.core.call(method, input) as Promise<OutputOf<M>>;
  }

  async waitJob(jobId: string, timeoutMs = 120_000): Promise<JobState> {
    const started = Date.now();
    for (;;) {
      const state = await this.call('workbook.job', { jobId });
      if (state.state !== 'running') return state;
      if (Date.now() - started > timeoutMs) throw new Error(`job ${jobId} did not finish in ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  async upload(filePath: string, fileName = path.basename(filePath)): Promise<string> {
    const bytes = fs.readFileSync(filePath);
    const chunk = 4 * 1024 * 1024;
    let uploadId: string | undefined;
    for (let offset = 0; offset < bytes.length || offset === 0; offset += chunk) {
      const part = bytes.subarray(offset, offset + chunk);
      const state = await this.call('workbook.upload', { uploadId, fileName, offset, chunkBase64: part.toString('base64'), last: offset + chunk >= bytes.length });
      uploadId = state.uploadId;
      if (bytes.length === 0) break;
    }
    return uploadId!;
  }

  /** inspect → job result, or the refusal as a failed JobState. */
  async inspect(filePath: string, fileName?: string): Promise<{ ok: true; value: InspectResult } | { ok: false; state: JobState }> {
    const uploadId = await this.upload(filePath, fileName);
    const { jobId } = await this.call('workbook.inspect', { source: { uploadId } });
    const state = await this.waitJob(jobId);
    if (state.state === 'done' && state.result?.kind === 'inspect') return { ok: true, value: state.result.value };
    return { ok: false, state };
  }

  async propose(sessionId: string, sheet: number, entity?: ImportEntity, headerRows?: { first: number; count: number }): Promise<MappingProposal> {
    return this.call('workbook.proposeMapping', { sessionId, sheet, ...(entity ? { entity } : {}), ...(headerRows ? { headerRows } : {}) });
  }

  async preview(proposal: MappingProposal, options: InputOf<'workbook.preview'>['options'] = {}, excludedRows: number[] = []): Promise<{ ok: true; value: PreviewSummary } | { ok: false; state: JobState }> {
    const { jobId } = await this.call('workbook.preview', {
      sessionId: proposal.sessionId,
      sheet: proposal.sheet,
      headerRows: proposal.headerRows,
      entity: proposal.entity,
      mapping: proposal.mapping.map((m) => ({ column: m.column, field: m.field })),
      options,
      excludedRows,
    });
    const state = await this.waitJob(jobId);
    if (state.state === 'done' && state.result?.kind === 'preview') return { ok: true, value: state.result.value };
    return { ok: false, state };
  }

  /** The whole wizard with the proposed mapping: file → preview summary. */
  async importPreview(filePath: string, opts: { entity?: ImportEntity; options?: InputOf<'workbook.preview'>['options']; fileName?: string } = {}) {
    const inspected = await this.inspect(filePath, opts.fileName);
    if (!inspected.ok) throw new Error(`refused: ${inspected.state.error?.message}`);
    const proposal = await this.propose(inspected.value.sessionId, inspected.value.suggestedSheet, opts.entity);
    const preview = await this.preview(proposal, opts.options ?? {});
    if (!preview.ok) throw new Error(`preview failed: ${preview.state.error?.message}`);
    return { inspect: inspected.value, proposal, preview: preview.value };
  }

  async exportFile(input: InputOf<'workbook.export'>, target: string): Promise<string> {
    const { jobId } = await this.call('workbook.export', input);
    const state = await this.waitJob(jobId);
    if (state.state !== 'done' || state.result?.kind !== 'export') throw new Error(`export failed: ${state.error?.message}`);
    const file = state.result.value;
    const parts: Buffer[] = [];
    for (let offset = 0; ; ) {
      const chunk = await this.call('workbook.download', { exportId: file.exportId, offset });
      const bytes = Buffer.from(chunk.base64, 'base64');
      parts.push(bytes);
      offset += bytes.length;
      if (chunk.done) break;
    }
    fs.writeFileSync(target, Buffer.concat(parts));
    return target;
  }
}
