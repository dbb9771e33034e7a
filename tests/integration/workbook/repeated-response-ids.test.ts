/**
 * The planner forgets the responses it creates (and their ratings) only when no later row can match
 * them: every row has a response id and none repeats. A file that names a response twice must still
 * create it once, the later row updating it, ratings included; one whose rows all differ creates each.
 */
import { describe, expect, test } from 'vitest';
import { csvImportWorkspace } from './csv-import-workspace';

const ws = csvImportWorkspace('ax-repeated-ids-');
const { raw } = ws;
const importRows = async (name: string, rows: string[]) => {
  const { preview, imported } = await ws.importRows(name, rows);
  return { preview, importId: imported.id };
};

const ratings = () =>
  raw()
    .prepare(`SELECT i.external_id AS id, i.nps, r.rating FROM interviews i LEFT JOIN driver_ratings r ON r.interview_id = i.id ORDER BY i.external_id`)
    .all();

describe('responses named more than once in one file', () => {
  test('a repeated response id creates one response; the later row updates its score and rating', async () => {
    const { preview, importId } = await importRows('repeated.csv', [
      'R_1,2024-05-01,Acme,jo@acme.com,Jo,9,5',
      'R_2,2024-05-02,Acme,al@acme.com,Al,4,2',
      'R_1,2024-05-01,Acme,jo@acme.com,Jo,6,1',
    ]);
    expect(preview.records).toMatchObject({ interview: { new: 2 }, driver_rating: { new: 2 } });
    expect(ratings()).toEqual([
      { id: 'R_1', nps: 6, rating: 1 },
      { id: 'R_2', nps: 4, rating: 2 },
    ]);
    // The import created R_1 and then updated it: undo removes it like any record it created.
    await ws.client().call('workbook.undo', { importId });
    expect(ratings()).toEqual([]);
    expect(raw().prepare(`SELECT count(*) AS n FROM accounts WHERE deleted_at IS NULL`).get()).toEqual({ n: 0 });
  });

  test('distinct response ids each create a response with its rating, and a re-import changes nothing', async () => {
    const rows = ['R_1,2024-05-01,Acme,jo@acme.com,Jo,9,5', 'R_2,2024-05-02,Acme,al@acme.com,Al,4,2', 'R_3,2024-05-03,Acme,jo@acme.com,Jo,7,3'];
    const { preview } = await importRows('distinct.csv', rows);
    expect(preview.records).toMatchObject({ interview: { new: 3 }, driver_rating: { new: 3 } });
    expect(ratings()).toEqual([
      { id: 'R_1', nps: 9, rating: 5 },
      { id: 'R_2', nps: 4, rating: 2 },
      { id: 'R_3', nps: 7, rating: 3 },
    ]);
    const file = ws.writeCsv('distinct-again.csv', rows);
    const again = await ws.client().importPreview(file);
    expect(again.preview.nothingToDo).toBe(true);
  });
});
