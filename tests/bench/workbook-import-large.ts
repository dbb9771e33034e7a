/**
 * For reference (no target): the bench's 100k-row responses workbook imported into a copy of the large
 * workspace (10k accounts, 1M responses), where the import's search documents are a tenth of the
 * workspace's and are indexed on their own (main/search/bulk-load.ts). The commit's time includes the
 * backup taken first (SQLite's online backup of the whole file).
 *
 *   npx tsx tests/bench/workbook-import-large.ts
 */
import fs from 'node:fs';
import path from 'node:path';
import { createCore } from '../../main/core/core';
import { buildCheckpointWorker } from '../helpers/bundle-worker';
import { tempDir } from '../helpers/temp-dir';
import { WorkbookClient } from '../integration/workbook/workbook-client';
import { ensureLargeWorkspace } from './generate-large';
import { ensureBenchWorkbook, peakRssMb } from './workbook-bench-data';

async function main(): Promise<void> {
  const dir = tempDir('ax-bench-import-large-');
  const workspace = path.join(dir, 'large.axw');
  fs.copyFileSync(await ensureLargeWorkspace(), workspace);
  const file = await ensureBenchWorkbook();
  const core = await createCore({ dataDir: dir, workspacePath: workspace, demoOnFirstStart: false, checkpointWorkerFile: await buildCheckpointWorker() });
  try {
    const client = new WorkbookClient(core);
    let started = performance.now();
    const run = await client.importPreview(file);
    const previewMs = performance.now() - started;
    started = performance.now();
    const result = await client.call('workbook.commit', { sessionId: run.preview.sessionId });
    const commitMs = performance.now() - started;
    if (!result.import) throw new Error('nothing was imported');
    console.log(`100k responses into the 1M-response workspace: preview ${(previewMs / 1000).toFixed(1)} s, backup + commit ${(commitMs / 1000).toFixed(1)} s, peak RSS ${peakRssMb()} MB`);
  } finally {
    await core.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

void main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
