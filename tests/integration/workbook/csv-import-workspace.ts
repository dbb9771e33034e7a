/**
 * An empty workspace per test and a way to import a few CSV rows of responses into it through the
 * wizard's calls (preview, then commit), for the tests of what an import writes and undoes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, expect } from 'vitest';
import type { Core } from '../../../main/core/core';
import { emptyWorkspaceCore } from '../../helpers/test-core';
import { tempDir } from '../../helpers/temp-dir';
import { WorkbookClient } from './workbook-client';

export const RESPONSES_HEADER = 'Response ID,Recorded Date,Company,Email,Contact,NPS,Driver: Support';

export function csvImportWorkspace(dirPrefix: string) {
  let core: Core;
  let client: WorkbookClient;
  let dir: string;
  beforeEach(async () => {
    ({ core } = await emptyWorkspaceCore());
    client = new WorkbookClient(core);
    dir = tempDir(dirPrefix);
  });
  afterEach(async () => {
    await core.close();
  });
  return {
    core: () => core,
    client: () => client,
    raw: () => core.workspaces.opened()!.file.raw,
    /** Writes `rows` under the responses header to `name` in the test's folder. */
    writeCsv(name: string, rows: readonly string[]): string {
      const file = path.join(dir, name);
      fs.writeFileSync(file, [RESPONSES_HEADER, ...rows].join('\n'));
      return file;
    },
    async importRows(name: string, rows: readonly string[]) {
      const run = await client.importPreview(this.writeCsv(name, rows));
      const result = await client.call('workbook.commit', { sessionId: run.preview.sessionId });
      expect(result.import).not.toBeNull();
      return { preview: run.preview, imported: result.import! };
    },
  };
}
