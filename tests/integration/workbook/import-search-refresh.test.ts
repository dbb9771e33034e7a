/**
 * A big import into a workspace with many more texts than it brings indexes only the documents it
 * changes (main/search/bulk-load.ts), and so does its undo: the documents then equal what a full rebuild
 * derives from the same rows. Holds the lists the commit and the undo name (write-plan.ts, undo.ts) to
 * what they actually write.
 */
import fs from 'node:fs';
import path from 'node:path';
import { v7 } from 'uuid';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../main/core/core';
import { withSearchIndexingDeferred } from '../../../main/search/bulk-load';
import { checkSearchIndex, rebuiltSearchDocuments, searchDocuments } from '../../helpers/search-documents';
import { emptyWorkspaceCore } from '../../helpers/test-core';
import { tempDir } from '../../helpers/temp-dir';
import { WorkbookClient } from './workbook-client';

const SEEDED = 30_000;
const IMPORTED = 5_200;

let core: Core;
beforeEach(async () => {
  ({ core } = await emptyWorkspaceCore());
});
afterEach(async () => {
  await core.close();
});
const raw = () => core.workspaces.opened()!.file.raw;

const documents = () => searchDocuments(raw());

/** Many responses with texts, as an earlier bulk load left them: R_0… of Acme. */
function seed(): void {
  const db = raw();
  const stamp = '2025-01-10T09:00:00.000Z';
  const accountId = v7();
  db.transaction(() =>
    withSearchIndexingDeferred(db, () => {
      db.prepare(`INSERT INTO accounts (id, name, name_normalized, created_at, updated_at) VALUES (?, 'Acme', 'acme', ?, ?)`).run(accountId, stamp, stamp);
      const insert = db.prepare(`INSERT INTO interviews (id, account_id, kind, status, interviewed_at, nps, verbatim, external_id, source, created_at, updated_at) VALUES (?, ?, 'relationship', 'complete', ?, ?, ?, ?, 'import', ?, ?)`);
      for (let i = 0; i < SEEDED; i++) insert.run(v7(), accountId, `2025-01-${String(1 + (i % 28)).padStart(2, '0')}T10:00:00.000Z`, i % 11, `Seeded comment ${i} about onboarding`, `R_${i}`, stamp, stamp);
    }),
  )();
}

describe('a big import into a workspace with many more texts', () => {
  it('indexes the documents it creates and changes, and its undo takes exactly those back', async () => {
    seed();
    const before = documents();
    expect(before).toHaveLength(SEEDED);
    // Rows R_0… update seeded responses: a new comment (R_0…R_99), a first driver rating (R_100…R_199).
    // The rest are new responses.
    const lines = Array.from({ length: IMPORTED }, (_, i) => {
      const id = i < 200 ? `R_${i}` : `N_${i}`;
      const rating = i < 100 ? '' : String(1 + (i % 5));
      const comment = i >= 100 && i < 200 ? `Seeded comment ${i} about onboarding` : `Imported pelican comment ${i}`;
      return `${id},2025-01-${String(1 + (i % 28)).padStart(2, '0')},Acme,p${i}@acme.com,Person ${i},${i % 11},${rating},${comment}`;
    });
    const file = path.join(tempDir('ax-import-search-'), 'big.csv');
    fs.writeFileSync(file, ['Response ID,Recorded Date,Company,Email,Contact,NPS,Driver: Support,Comment', ...lines].join('\n'));
    const client = new WorkbookClient(core);
    const run = await client.importPreview(file);
    expect(run.preview.rows).toMatchObject({ new: IMPORTED - 200, updated: 200 });
    const result = await client.call('workbook.commit', { sessionId: run.preview.sessionId });

    const imported = documents();
    expect(imported).toHaveLength(SEEDED + IMPORTED - 200);
    expect(imported).toEqual(rebuiltSearchDocuments(raw()));
    const texts = (raw().prepare(`SELECT count(*) AS n FROM search_fts WHERE search_fts MATCH 'body:pelican'`).get() as { n: number }).n;
    expect(texts).toBe(IMPORTED - 100);
    expect(() => checkSearchIndex(raw())).not.toThrow();

    await client.call('workbook.undo', { importId: result.import!.id });
    expect(documents()).toEqual(before);
    expect(() => checkSearchIndex(raw())).not.toThrow();
  });
});
