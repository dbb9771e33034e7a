/**
 * A bulk load that says which rows it changed gets exactly those documents re-derived and re-indexed
 * (main/search/bulk-load.ts): the documents then equal what a full rebuild derives from the same rows, and
 * the FTS index agrees with them. Run on the demo workspace, which has every kind of text and filter.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 } from 'uuid';
import type BetterSqlite3 from 'better-sqlite3';
import { createCore } from '../../../main/core/core';
import type { Core } from '../../../main/core/core';
import { withSearchIndexingDeferred } from '../../../main/search/bulk-load';
import { checkSearchIndex, rebuiltSearchDocuments, searchDocuments } from '../../helpers/search-documents';
import type { ChangedTexts } from '../../../main/search/bulk-load';
import { tempDir } from '../../helpers/temp-dir';

let core: Core;
let raw: BetterSqlite3.Database;
beforeAll(async () => {
  core = await createCore({ dataDir: tempDir('ax-bulk-refresh-'), demoOnFirstStart: true });
  raw = core.workspaces.opened()!.file.raw;
});
afterAll(async () => {
  await core.close();
});

const one = <T>(sql: string) => raw.prepare(sql).get() as T;

describe('a bulk load that names what it changed', () => {
  it('re-derives and re-indexes exactly those documents', () => {
    const stamp = new Date().toISOString();
    // Rows of each kind whose documents the load changes: a response with text and with a driver it did
    // not rate, a QBR with notes, a note, an action with an outcome that came from a response.
    const rated = one<{ id: string; driver: string }>(`
      SELECT i.id, d.id AS driver FROM interviews i JOIN drivers d
       WHERE i.verbatim IS NOT NULL AND i.deleted_at IS NULL AND d.deleted_at IS NULL
         AND NOT EXISTS (SELECT 1 FROM driver_ratings r WHERE r.interview_id = i.id AND r.driver_id = d.id) LIMIT 1`);
    const recategorised = one<{ id: string; nps: number }>(`SELECT id, nps FROM interviews WHERE verbatim IS NOT NULL AND nps >= 9 AND deleted_at IS NULL AND id <> '${rated.id}' LIMIT 1`);
    const qbr = one<{ id: string }>(`SELECT q.id FROM qbrs q WHERE EXISTS (SELECT 1 FROM qbr_notes n WHERE n.qbr_id = q.id AND n.deleted_at IS NULL) LIMIT 1`);
    const note = one<{ id: string }>(`SELECT n.id FROM qbr_notes n WHERE n.qbr_id <> '${qbr.id}' AND n.deleted_at IS NULL LIMIT 1`);
    const action = one<{ id: string; interview_id: string }>(`SELECT id, interview_id FROM actions WHERE interview_id IS NOT NULL AND deleted_at IS NULL LIMIT 1`);
    // An action whose own row stays as it is: its outcome's document carries its response's category.
    const followed = one<{ id: string; interview_id: string }>(
      `SELECT x.id, x.interview_id FROM actions x JOIN interviews i ON i.id = x.interview_id WHERE x.outcome IS NOT NULL AND x.deleted_at IS NULL AND i.nps <= 6 AND x.interview_id <> '${action.interview_id}' LIMIT 1`,
    );
    const account = one<{ id: string }>(`SELECT id FROM accounts LIMIT 1`);
    const added = v7();
    const changed: ChangedTexts = { interviews: [recategorised.id, added, action.interview_id, followed.interview_id], ratings: [], qbrs: [qbr.id], qbrNotes: [note.id], actions: [action.id] };
    const unchanged = raw.prepare(`SELECT count(*) AS n FROM search_documents`).get() as { n: number };
    expect(unchanged.n).toBeGreaterThan(100);

    raw.transaction(() =>
      withSearchIndexingDeferred(
        raw,
        () => {
          const ratingId = v7();
          (changed.ratings as string[]).push(ratingId);
          raw.prepare(`INSERT INTO driver_ratings (id, interview_id, driver_id, rating, created_at, updated_at) VALUES (?, ?, ?, 2, ?, ?)`).run(ratingId, rated.id, rated.driver, stamp, stamp);
          raw.prepare(`UPDATE interviews SET nps = 2, updated_at = ? WHERE id = ?`).run(stamp, recategorised.id);
          raw.prepare(`UPDATE interviews SET nps = 0, updated_at = ? WHERE id = ?`).run(stamp, action.interview_id);
          raw.prepare(`UPDATE interviews SET nps = 10, updated_at = ? WHERE id = ?`).run(stamp, followed.interview_id);
          raw.prepare(`INSERT INTO interviews (id, account_id, kind, interviewed_at, nps, verbatim, notes, created_at, updated_at) VALUES (?, ?, 'relationship', '2024-02-03T10:00:00.000Z', 6, 'A pelican of a rollout', 'Notes on the pelican', ?, ?)`).run(added, account.id, stamp, stamp);
          raw.prepare(`UPDATE qbrs SET held_on = '2020-01-15', updated_at = ? WHERE id = ?`).run(stamp, qbr.id);
          raw.prepare(`UPDATE qbr_notes SET body = 'Pelican roadmap agreed', updated_at = ? WHERE id = ?`).run(stamp, note.id);
          raw.prepare(`UPDATE actions SET outcome = 'Pelican fixed for good', updated_at = ? WHERE id = ?`).run(stamp, action.id);
        },
        changed,
      ),
    )();

    const refreshed = searchDocuments(raw);
    expect(() => checkSearchIndex(raw)).not.toThrow();
    expect(refreshed).toEqual(rebuiltSearchDocuments(raw));
    // Found by the index, with the filters the refreshed facets carry.
    const match = (text: string, facet: string) =>
      (raw.prepare(`SELECT count(*) AS n FROM search_fts WHERE search_fts MATCH ?`).get(`body:${text} AND facets:${facet}`) as { n: number }).n;
    expect(match('pelican', 'cdetractor0')).toBe(3); // the new response's verbatim and notes, the action's outcome
    const notesOfQbr = one<{ n: number }>(`SELECT count(*) AS n FROM qbr_notes WHERE qbr_id = '${qbr.id}' AND deleted_at IS NULL AND length(trim(body)) > 0`).n;
    expect((raw.prepare(`SELECT count(*) AS n FROM search_fts WHERE search_fts MATCH 'facets:yr2020'`).get() as { n: number }).n).toBe(notesOfQbr);
    const facetsOf = (source: string, id: string) => one<{ facets: string }>(`SELECT facets FROM search_documents WHERE source = '${source}' AND source_id = '${id}'`).facets;
    expect(facetsOf('verbatim', recategorised.id)).toContain('cdetractor0');
    expect(facetsOf('verbatim', rated.id)).toContain(`d${rated.driver.replace(/-/g, '')}0`);
    expect(facetsOf('action_outcome', followed.id)).toContain('cpromoter0');
  });
});
