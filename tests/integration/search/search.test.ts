import { v7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../../main/core/core';
import type { Core } from '../../../main/core/core';
import { withSearchIndexingDeferred } from '../../../main/search/bulk-load';
import type { CompleteResult, GuideDetail, SearchResult, SessionView } from '../../../shared/contract';
import { HIGHLIGHT_END, HIGHLIGHT_START, splitHighlights } from '../../../shared/contract/search';
import { emptyWorkspaceCore } from '../../helpers/test-core';
import { workspaceAtSchema } from '../../helpers/old-schema';
import { checkSearchIndex } from '../../helpers/search-documents';
import { accountWithContacts, call as callOn, defaultGuide, questionId, seedDrivers, seedTouchpoints } from '../../helpers/interview-fixtures';

let core: Core;
let guide: GuideDetail;
let drivers: string[];
let touchpoints: string[];
const call = <T>(method: string, input?: unknown) => callOn<T>(core, method, input);
const search = (text: string, filters: Record<string, unknown> = {}) => call<SearchResult>('search.query', { text, ...filters });
const raw = () => core.workspaces.opened()!.file.raw;

interface Said {
  nps: number;
  verbatim: string;
  notes?: string;
  when?: string;
  ratings?: Record<string, number>;
  touchpointId?: string;
  tags?: unknown[];
}

/** One account, one stakeholder per answer, each interview completed as given. */
async function interviews(accountName: string, answers: Said[]) {
  const { account, contacts } = await accountWithContacts(core, accountName, answers.map((_, i) => ({ name: `${accountName} person ${i + 1}` })));
  const view = await call<SessionView>('interviews.start', { accountId: account.id, guideId: guide.id, contactIds: contacts.map((c) => c.id) });
  const ids: string[] = [];
  for (const [i, said] of answers.entries()) {
    const interviewId = view.stakeholders[i]!.interviewId;
    await call('interviews.saveDraft', {
      interviewId,
      answers: {
        [questionId(guide, (q) => q.kind === 'nps')]: said.nps,
        [questionId(guide, (q) => q.field === 'verbatim')]: said.verbatim,
        ...(said.ratings ? { [questionId(guide, (q) => q.kind === 'driver_ratings')]: said.ratings } : {}),
      },
      ...(said.notes ? { notes: said.notes } : {}),
      ...(said.touchpointId ? { touchpointId: said.touchpointId } : {}),
      ...(said.tags ? { tags: said.tags } : {}),
    });
    await call<CompleteResult>('interviews.complete', { interviewId, interviewedAt: said.when ?? '2026-02-10T10:00:00.000Z' });
    ids.push(interviewId);
  }
  return { account, ids };
}

let alpha: Awaited<ReturnType<typeof interviews>>;
let beta: Awaited<ReturnType<typeof interviews>>;

beforeAll(async () => {
  ({ core } = await emptyWorkspaceCore());
  drivers = seedDrivers(core, ['Support', 'Billing']);
  touchpoints = seedTouchpoints(core, ['Help desk', 'Invoicing']);
  guide = await defaultGuide(core, 'default-relationship');
  alpha = await interviews('Alpha', [
    { nps: 3, verbatim: 'Our priority tickets wait far too long for a first answer', ratings: { [drivers[0]!]: 1 }, touchpointId: touchpoints[0], when: '2026-01-15T10:00:00.000Z' },
    { nps: 8, verbatim: 'Tickets about invoices wait long; our priority is a clear bill', notes: 'Asked for a named escalation contact', when: '2026-02-20T10:00:00.000Z' },
  ]);
  beta = await interviews('Beta', [
    { nps: 10, verbatim: 'The onboarding of our warehouse team was excellent', when: '2026-03-05T10:00:00.000Z', tags: [{ subject: 'verbatim', driverIds: [drivers[1]], touchpointIds: [touchpoints[1]] }] },
    { nps: 5, verbatim: 'Invoices arrive late and the onboarding documents were wrong', when: '2026-03-06T10:00:00.000Z' },
  ]);
});
afterAll(() => core.close());

describe('full-text search', () => {
  it('ranks text with the words together above text with them scattered', async () => {
    const result = await search('priority tickets');
    expect(result.hits.map((h) => h.sourceId)).toEqual([alpha.ids[0], alpha.ids[1]]);
    expect(result.hits[0]!.score).toBeLessThan(result.hits[1]!.score);
    expect(result).toMatchObject({ total: 2, hasMore: false, rankedNewest: null });
    expect(result.tookMs).toBeGreaterThanOrEqual(0);

    const phrase = await search('"priority tickets"');
    expect(phrase.hits.map((h) => h.sourceId)).toEqual([alpha.ids[0]]);
  });

  it('marks matches with control characters, which split into plain and highlighted parts', async () => {
    const [hit] = (await search('"priority tickets"')).hits;
    expect(hit).toMatchObject({ source: 'verbatim', accountName: 'Alpha', nps: 3, category: 'detractor', interviewStatus: 'complete', contactName: 'Alpha person 1', interviewId: alpha.ids[0] });
    expect(hit!.snippet).toContain(`${HIGHLIGHT_START}priority tickets${HIGHLIGHT_END}`);
    expect(splitHighlights(hit!.snippet)).toEqual([
      { text: 'Our ', hit: false },
      { text: 'priority tickets', hit: true },
      { text: ' wait far too long for a first answer', hit: false },
    ]);
    expect(splitHighlights(`a${HIGHLIGHT_END}b${HIGHLIGHT_START}c`)).toEqual([
      { text: 'a', hit: false },
      { text: 'b', hit: false },
      { text: 'c', hit: true },
    ]);
  });

  it('finds word forms and the word being typed', async () => {
    expect((await search('ticket')).hits).toHaveLength(2); // porter stemming
    expect((await search('warehou')).hits.map((h) => h.sourceId)).toEqual([beta.ids[0]]); // prefix of the last word
    expect((await search('warehou ')).hits).toHaveLength(0); // a finished word is a word
    expect((await search('escalation contact')).hits.map((h) => h.source)).toEqual(['interview_note']);
  });

  it('never lets query syntax in the text throw', async () => {
    const nasty = ['"', '((', ')', 'foo:bar', 'body: x', '{body facets}: tickets', 'NEAR(priority tickets)', 'priority OR', 'AND', 'NOT tickets', '-tickets', '*', 'tick*', '^priority', '"unterminated priority', "o'brien", '🎉 tickets', '\u0002', '', '   ', 'a'.repeat(500), 'x '.repeat(200)];
    for (const text of nasty) {
      const result = await search(text);
      expect(result.hits.length, text).toBeGreaterThanOrEqual(0);
    }
    expect((await search('NOT tickets')).hits.length).toBe(0); // "not" is a word to find, not an operator
    expect((await search('-tickets')).hits.length).toBe(2);
    expect((await search('"')).total).toBe(0);
  });

  it('filters by account, dates, category, driver, touchpoint and kind of text', async () => {
    const ids = (r: SearchResult) => r.hits.map((h) => h.sourceId).sort();
    expect(ids(await search('onboarding', { accountId: beta.account.id }))).toEqual([...beta.ids].sort());
    expect(ids(await search('onboarding', { accountId: alpha.account.id }))).toEqual([]);
    expect(ids(await search('tickets', { from: '2026-02-01', to: '2026-02-28' }))).toEqual([alpha.ids[1]]);
    expect(ids(await search('tickets', { to: '2026-01-15' }))).toEqual([alpha.ids[0]]); // the end day is included
    expect(ids(await search('tickets', { category: 'detractor' }))).toEqual([alpha.ids[0]]);
    expect(ids(await search('onboarding', { category: 'promoter' }))).toEqual([beta.ids[0]]);
    expect(ids(await search('tickets', { driverId: drivers[0] }))).toEqual([alpha.ids[0]]); // rated
    expect(ids(await search('onboarding', { driverId: drivers[1] }))).toEqual([beta.ids[0]]); // tagged
    expect(ids(await search('tickets', { touchpointId: touchpoints[0] }))).toEqual([alpha.ids[0]]); // the interview's touchpoint
    expect(ids(await search('onboarding', { touchpointId: touchpoints[1] }))).toEqual([beta.ids[0]]); // tagged
    expect((await search('escalation', { sources: ['verbatim'] })).hits).toHaveLength(0);
    expect((await search('escalation', { sources: ['interview_note', 'qbr_note'] })).hits).toHaveLength(1);
    expect(ids(await search('tickets', { from: '2026-01-16' }))).toEqual([alpha.ids[1]]); // open end: up to the last text
    expect(ids(await search('tickets', { from: '2030-01-01' }))).toEqual([]);
    expect(ids(await search('onboarding', { from: '2025-12-31', to: '2026-03-05' }))).toEqual([beta.ids[0]]); // whole months and edge days
    expect((await search('tickets', { from: '2026-02-01', to: '2026-02-28' })).total).toBe(1);
  });

  it('keeps the index in step with edits, deletes, corrections, QBR notes and action outcomes', async () => {
    const { ids } = await interviews('Gamma', [{ nps: 2, verbatim: 'The dashboard crashes every Monday' }]);
    const [id] = ids;
    expect((await search('dashboard')).hits.map((h) => h.sourceId)).toEqual([id]);
    await call('interviews.saveDraft', { interviewId: id, answers: { [questionId(guide, (q) => q.field === 'verbatim')]: 'The report crashes every Monday' } });
    expect((await search('dashboard')).hits).toHaveLength(0);
    expect((await search('report crashes')).hits.map((h) => h.sourceId)).toEqual([id]);
    await call('interviews.correctScore', { interviewId: id, field: 'nps', value: 9, reason: 'Typo', by: 'Sam' });
    expect((await search('report', { driverId: drivers[1] })).hits).toHaveLength(0);
    await call('interviews.correctScore', { interviewId: id, field: 'driver_rating', driverId: drivers[1], value: 2, reason: 'Missed', by: 'Sam' });
    expect((await search('report', { driverId: drivers[1] })).hits.map((h) => h.sourceId)).toEqual([id]);
    await call('interviews.correctScore', { interviewId: id, field: 'driver_rating', driverId: drivers[1], value: null, reason: 'Not asked', by: 'Sam' });
    expect((await search('report', { driverId: drivers[1] })).hits).toHaveLength(0);
    expect((await search('report', { category: 'promoter' })).hits.map((h) => h.sourceId)).toEqual([id]);
    expect((await search('report', { category: 'detractor' })).hits).toHaveLength(0);

    const action = (await call<{ rows: { id: string; interviewId: string | null }[] }>('actions.queue', {})).rows.find((r) => r.interviewId === id)!;
    await call('actions.update', { id: action.id, patch: { status: 'closed', outcome: 'Hotfix shipped for the weekly report job' } });
    const outcome = await search('hotfix');
    expect(outcome.hits).toMatchObject([{ source: 'action_outcome', sourceId: action.id, interviewId: id, title: expect.stringContaining('Follow up') }]);
    expect((await search('hotfix', { category: 'promoter' })).hits).toHaveLength(1); // the interview's category, corrected

    const stamp = new Date().toISOString();
    const qbrId = v7();
    const noteId = v7();
    raw().prepare(`INSERT INTO qbrs (id, account_id, held_on, title, created_at, updated_at) VALUES (?, ?, '2026-03-31', 'Q1 review', ?, ?)`).run(qbrId, alpha.account.id, stamp, stamp);
    raw().prepare(`INSERT INTO qbr_notes (id, qbr_id, body, created_at, updated_at) VALUES (?, ?, 'Sponsor wants a roadmap for the data platform', ?, ?)`).run(noteId, qbrId, stamp, stamp);
    expect((await search('roadmap')).hits).toMatchObject([{ source: 'qbr_note', sourceId: noteId, qbrId, title: 'Q1 review', at: '2026-03-31', accountId: alpha.account.id }]);
    expect((await search('roadmap', { from: '2026-03-31', to: '2026-03-31' })).hits).toHaveLength(1);
    raw().prepare(`UPDATE qbrs SET deleted_at = ? WHERE id = ?`).run(stamp, qbrId);
    expect((await search('roadmap')).hits).toHaveLength(0);

    raw().prepare(`UPDATE interviews SET deleted_at = ? WHERE id = ?`).run(stamp, id);
    expect((await search('report crashes')).hits).toHaveLength(0);
    expect(() => checkSearchIndex(raw())).not.toThrow();
  });

  it('hides texts of deleted accounts', async () => {
    const { account } = await interviews('Delta', [{ nps: 6, verbatim: 'Zebra stripes everywhere' }]);
    expect((await search('zebra')).hits).toHaveLength(1);
    await call('accounts.delete', { id: account.id });
    expect((await search('zebra')).hits).toHaveLength(0);
  });

  it('pages through hits', async () => {
    await interviews('Paging', Array.from({ length: 7 }, (_, i) => ({ nps: 5, verbatim: `Quokka sighting number ${i}` })));
    const first = await search('quokka', { limit: 5 });
    const second = await search('quokka', { limit: 5, offset: 5 });
    expect([first.hits.length, first.hasMore, second.hits.length, second.hasMore]).toEqual([5, true, 2, false]);
    expect(new Set([...first.hits, ...second.hits].map((h) => h.id)).size).toBe(7);
  });
});

describe('search migration backfill', () => {
  it('indexes the texts a workspace already had when it is opened by this version', async () => {
    const stamp = '2025-06-01T10:00:00.000Z';
    const accountId = v7();
    const interviewId = v7();
    const { dataDir, file } = await workspaceAtSchema(2, (raw) => {
      raw.prepare(`INSERT INTO workspace_settings (id, name, currency, locale, created_at, updated_at) VALUES (?, 'Old', 'USD', 'en-US', ?, ?)`).run(v7(), stamp, stamp);
      raw.prepare(`INSERT INTO accounts (id, name, name_normalized, created_at, updated_at) VALUES (?, 'Legacy Co', 'legacy co', ?, ?)`).run(accountId, stamp, stamp);
      raw.prepare(`INSERT INTO interviews (id, account_id, kind, interviewed_at, nps, verbatim, notes, created_at, updated_at) VALUES (?, ?, 'relationship', ?, 4, 'Migration weekend was chaotic', 'Call back in June', ?, ?)`).run(interviewId, accountId, stamp, stamp, stamp);
      raw.prepare(`INSERT INTO actions (id, account_id, interview_id, title, opened_at, outcome, created_at, updated_at) VALUES (?, ?, ?, 'Follow up', ?, 'Apologised for the chaotic weekend', ?, ?)`).run(v7(), accountId, interviewId, stamp, stamp, stamp);
    });

    const reopened = await createCore({ dataDir, workspacePath: file });
    try {
      const result = (await reopened.call('search.query', { text: 'chaotic', category: 'detractor' })) as SearchResult;
      expect(result.hits.map((h) => h.source).sort()).toEqual(['action_outcome', 'verbatim']);
      const notes = (await reopened.call('search.query', { text: 'june', accountId })) as SearchResult;
      expect(notes.hits.map((h) => h.source)).toEqual(['interview_note']);
    } finally {
      await reopened.close();
    }
  });

  it('a bulk load can defer indexing to one rebuild at the end, and gets its triggers back', async () => {
    const { core: bulk } = await emptyWorkspaceCore();
    try {
      const rawDb = bulk.workspaces.opened()!.file.raw;
      const allTriggers = () => rawDb.prepare(`SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' ORDER BY name`).all();
      // Only the search triggers are deferred; others (metric summaries' dirty marks) keep running.
      const schemaOf = () =>
        rawDb.prepare(`SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND name LIKE '%\\_search\\_%' ESCAPE '\\' ORDER BY name`).all();
      const triggers = schemaOf();
      const others = allTriggers().length - triggers.length;
      expect(triggers.length).toBeGreaterThan(10);
      const stamp = new Date().toISOString();
      const accountId = v7();
      rawDb.transaction(() =>
        withSearchIndexingDeferred(rawDb, () => {
          rawDb.prepare(`INSERT INTO accounts (id, name, name_normalized, created_at, updated_at) VALUES (?, 'Bulk', 'bulk', ?, ?)`).run(accountId, stamp, stamp);
          const insert = rawDb.prepare(`INSERT INTO interviews (id, account_id, kind, interviewed_at, nps, verbatim, created_at, updated_at) VALUES (?, ?, 'relationship', ?, 3, ?, ?, ?)`);
          for (let i = 0; i < 200; i++) insert.run(v7(), accountId, stamp, `Bulk loaded pelican ${i}`, stamp, stamp);
          expect(schemaOf()).toHaveLength(0);
          expect(allTriggers()).toHaveLength(others);
        }),
      )();
      expect(schemaOf()).toEqual(triggers);
      const found = (await bulk.call('search.query', { text: 'pelican', category: 'detractor', limit: 200 })) as SearchResult;
      expect(found.total).toBe(200);
      expect(() => checkSearchIndex(rawDb)).not.toThrow();
      expect(() => withSearchIndexingDeferred(rawDb, () => 0)).toThrow(/inside a transaction/);
    } finally {
      await bulk.close();
    }
  });
});
