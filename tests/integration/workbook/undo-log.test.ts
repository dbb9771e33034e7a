/**
 * What an import leaves in the change log for undo: one entry listing every record it created (their
 * values are the rows' own, their stamp the entry's), and an entry per updated record with the
 * before-image of what it changed. Undo works from exactly that, refuses when a created record was
 * edited since, and still undoes imports logged the earlier way (an entry per created record).
 */
import { describe, expect, test } from 'vitest';
import { csvImportWorkspace } from './csv-import-workspace';
import { DATA_TABLES, snapshot } from './snapshot';

const ws = csvImportWorkspace('ax-undo-log-');
const { raw } = ws;
const importRows = async (name: string, rows: string[]) => (await ws.importRows(name, rows)).imported;

interface Entry {
  entity_type: string;
  entity_id: string;
  op: string;
  changes_json: string | null;
  changed_at: string;
}
const entriesOf = (importId: string) =>
  raw().prepare(`SELECT entity_type, entity_id, op, changes_json, changed_at FROM change_log WHERE import_id = ? ORDER BY seq`).all(importId) as Entry[];
const idOf = (table: string, where: string) => (raw().prepare(`SELECT id FROM ${table} WHERE ${where}`).get() as { id: string }).id;

describe('the change log an import leaves for undo', () => {
  test('created records are listed in one entry; each updated record keeps its before-image', async () => {
    const first = await importRows('first.csv', ['R_1,2024-05-01,Acme,jo@acme.com,Jo,9,5', 'R_2,2024-05-02,Acme,al@acme.com,Al,4,2']);
    const entries = entriesOf(first.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ entity_type: 'import', entity_id: first.id, op: 'insert', changed_at: first.committedAt });
    // Ratings of a new response are created and undone with it: not listed.
    expect(JSON.parse(entries[0]!.changes_json!)).toEqual({
      created: {
        account: [idOf('accounts', `name = 'Acme'`)],
        contact: [idOf('contacts', `email = 'jo@acme.com'`), idOf('contacts', `email = 'al@acme.com'`)],
        driver: [idOf('drivers', `name = 'Support'`)],
        interview: [idOf('interviews', `external_id = 'R_1'`), idOf('interviews', `external_id = 'R_2'`)],
      },
    });
    const created = raw().prepare(`SELECT DISTINCT created_at || '|' || updated_at AS stamps FROM interviews`).all();
    expect(created).toEqual([{ stamps: `${first.committedAt}|${first.committedAt}` }]);

    const second = await importRows('second.csv', ['R_1,2024-05-01,Acme,jo@acme.com,Jo,6,1', 'R_3,2024-05-03,Acme,al@acme.com,Al,10,5']);
    const r1 = idOf('interviews', `external_id = 'R_1'`);
    const rating = idOf('driver_ratings', `interview_id = '${r1}'`);
    const next = entriesOf(second.id);
    expect(next.map((e) => [e.entity_type, e.op, e.entity_id])).toEqual([
      ['import', 'insert', second.id],
      ['interview', 'update', r1],
      ['driver_rating', 'update', rating],
    ]);
    expect(JSON.parse(next[0]!.changes_json!)).toEqual({ created: { interview: [idOf('interviews', `external_id = 'R_3'`)] } });
    expect(JSON.parse(next[1]!.changes_json!)).toEqual({ nps: [9, 6], import_id: [first.id, second.id], updated_at: [first.committedAt, second.committedAt] });
    expect(JSON.parse(next[2]!.changes_json!)).toEqual({ rating: [5, 1], updated_at: [first.committedAt, second.committedAt] });
  });

  test('more rows than one INSERT statement carries: each is written once, exactly, and undone', async () => {
    // 70 responses: two full statements of 32 rows and 6 rows one by one, per table.
    const rows = Array.from({ length: 70 }, (_, i) => `R_${i},2024-05-${String(1 + (i % 28)).padStart(2, '0')},Company ${i % 3},p${i}@acme.com,Person ${i},${i % 11},${1 + (i % 5)}`);
    const made = await importRows('seventy.csv', rows);
    const written = raw()
      .prepare(`SELECT i.external_id AS id, i.nps, substr(i.interviewed_at, 1, 10) AS day, a.name AS company, c.email, r.rating, i.created_at, r.updated_at
                FROM interviews i JOIN accounts a ON a.id = i.account_id JOIN contacts c ON c.id = i.contact_id JOIN driver_ratings r ON r.interview_id = i.id
                ORDER BY CAST(substr(i.external_id, 3) AS INTEGER)`)
      .all();
    expect(written).toEqual(
      rows.map((line) => {
        const [id, day, company, email, , nps, rating] = line.split(',');
        return { id, nps: Number(nps), day, company, email, rating: Number(rating), created_at: made.committedAt, updated_at: made.committedAt };
      }),
    );
    const { created } = JSON.parse(entriesOf(made.id)[0]!.changes_json!) as { created: Record<string, string[]> };
    expect([created.account!.length, created.contact!.length, created.interview!.length]).toEqual([3, 70, 70]);
    await ws.client().call('workbook.undo', { importId: made.id });
    expect(raw().prepare(`SELECT (SELECT count(*) FROM interviews) + (SELECT count(*) FROM contacts) + (SELECT count(*) FROM driver_ratings) AS n`).get()).toEqual({ n: 0 });
    // The undo logs what it removed the way the import logged what it created: in one entry.
    const undone = entriesOf(made.id).filter((e) => e.op === 'delete');
    expect(undone).toHaveLength(1);
    expect(undone[0]).toMatchObject({ entity_type: 'import', entity_id: made.id });
    expect(JSON.parse(undone[0]!.changes_json!)).toEqual({ removed: created });
  });

  test('undo is refused, changing nothing, when a record the import created is gone since', async () => {
    const made = await importRows('first.csv', ['R_1,2024-05-01,Acme,jo@acme.com,Jo,9,5', 'R_2,2024-05-02,Acme,al@acme.com,Al,4,2']);
    const r2 = idOf('interviews', `external_id = 'R_2'`);
    raw().prepare(`DELETE FROM driver_ratings WHERE interview_id = ?`).run(r2);
    raw().prepare(`DELETE FROM interviews WHERE id = ?`).run(r2);
    const before = snapshot(raw());
    await expect(ws.client().call('workbook.undo', { importId: made.id })).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining(`1 of its records changed since (interview ${r2} is gone)`) });
    expect(snapshot(raw())).toEqual(before);
  });

  test('a big import (its search and metric marks deferred) is undone to exactly the workspace before it', async () => {
    const quarterRow = (i: number, prefix: string) => `${prefix}_${i},2026-08-${String(1 + (i % 28)).padStart(2, '0')},Company ${i % 40},${prefix}${i}@acme.com,Person ${i},${i % 11},${1 + (i % 5)}`;
    await importRows('small.csv', Array.from({ length: 30 }, (_, i) => quarterRow(i, 'S')));
    // Only active accounts (ARR > 0) count: the 30 companies of the small import get some.
    for (const { id } of raw().prepare(`SELECT id FROM accounts`).all() as { id: string }[]) {
      await ws.core().call('accounts.recordArr', { accountId: id, effectiveDate: '2026-01-01', arrMinor: 1_000_000, kind: 'new' });
    }
    // The quarter of those responses, read from the maintained summaries the undo marks for refresh.
    // (Without the moment it was computed at.)
    const dashboard = async (): Promise<unknown> => {
      const result = await ws.core().call('metrics.dashboard', { period: { kind: 'quarter', year: 2026, quarter: 3 } });
      return JSON.parse(JSON.stringify(result, (key: string, value: unknown) => (key === 'asOf' ? undefined : value)));
    };
    const before = { data: snapshot(raw(), [...DATA_TABLES, 'search_documents']), dashboard: await dashboard() };
    const big = await importRows('big.csv', Array.from({ length: 5_100 }, (_, i) => quarterRow(i, 'B')));
    const responses = (result: unknown) => (result as { headline: { responses: { value: number } } }).headline.responses.value;
    expect([responses(before.dashboard), responses(await dashboard())]).toEqual([30, 30 + Array.from({ length: 5_100 }, (_, i) => i % 40).filter((company) => company < 30).length]);
    await ws.client().call('workbook.undo', { importId: big.id });
    expect(snapshot(raw(), [...DATA_TABLES, 'search_documents'])).toEqual(before.data);
    expect(await dashboard()).toEqual(before.dashboard);
  });

  test('undo is refused, changing nothing, when a response the import created was corrected since', async () => {
    const made = await importRows('first.csv', ['R_1,2024-05-01,Acme,jo@acme.com,Jo,9,5', 'R_2,2024-05-02,Acme,al@acme.com,Al,4,2']);
    await ws.core().call('interviews.correctScore', { interviewId: idOf('interviews', `external_id = 'R_2'`), field: 'nps', value: 5, reason: 'Typo in the survey tool', by: 'Kim' });
    const before = snapshot(raw());
    await expect(ws.client().call('workbook.undo', { importId: made.id })).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/1 of its records changed since/) });
    expect(snapshot(raw())).toEqual(before);
  });

  test('an import logged the earlier way, an entry per created record with its values, is undone the same', async () => {
    const before = snapshot(raw());
    const made = await importRows('first.csv', ['R_1,2024-05-01,Acme,jo@acme.com,Jo,9,5', 'R_2,2024-05-02,Acme,al@acme.com,Al,4,2']);
    // Rewrite its log as imports before the one-entry list wrote it.
    const [listed] = entriesOf(made.id);
    const { created } = JSON.parse(listed!.changes_json!) as { created: Record<string, string[]> };
    const tables: Record<string, string> = { account: 'accounts', contact: 'contacts', driver: 'drivers', interview: 'interviews' };
    const db = raw();
    db.prepare(`DELETE FROM change_log WHERE import_id = ?`).run(made.id);
    const insert = db.prepare(`INSERT INTO change_log (id, entity_type, entity_id, op, changes_json, import_id, changed_at) VALUES (?, ?, ?, 'insert', ?, ?, ?)`);
    let n = 0;
    for (const [kind, ids] of Object.entries(created)) {
      for (const id of ids) {
        const row = db.prepare(`SELECT * FROM ${tables[kind]} WHERE id = ?`).get(id) as Record<string, unknown>;
        const values = Object.fromEntries(Object.entries(row).filter(([k, v]) => v !== null && !['id', 'import_id', 'created_at', 'deleted_at'].includes(k)));
        if (kind === 'interview') {
          const ratings = db.prepare(`SELECT driver_id, rating FROM driver_ratings WHERE interview_id = ?`).all(id) as { driver_id: string; rating: number }[];
          values.ratings = Object.fromEntries(ratings.map((r) => [r.driver_id, r.rating]));
        }
        insert.run(`0196a000-0000-7000-8000-${String(++n).padStart(12, '0')}`, kind, id, JSON.stringify(values), made.id, made.committedAt);
      }
    }
    expect(entriesOf(made.id)).toHaveLength(6);
    await ws.client().call('workbook.undo', { importId: made.id });
    expect(snapshot(raw())).toEqual(before);
  });
});
