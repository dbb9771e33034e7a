import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../main/core/core';
import { ensureDefaultGuides } from '../../../main/guides/default-guides';
import type { GuideDetail, GuideSummary, InterviewDraft, SessionView } from '../../../shared/contract';
import { STANDARD_NPS_PROMPT } from '../../../shared/contract/guides';
import { emptyWorkspaceCore } from '../../helpers/test-core';
import { accountWithContacts, call as callOn, seedDrivers, seedTouchpoints, withDefaultGuides } from '../../helpers/interview-fixtures';

let core: Core;
let drivers: string[];
let touchpoints: string[];
const call = <T>(method: string, input?: unknown) => callOn<T>(core, method, input);

beforeAll(async () => {
  ({ core } = await emptyWorkspaceCore());
  drivers = seedDrivers(core, ['Onboarding', 'Support', 'Billing']);
  touchpoints = seedTouchpoints(core, ['Kickoff', 'Go-live']);
});
afterAll(() => core.close());

const everyKind = () => [
  { kind: 'nps', required: true },
  { kind: 'rating', prompt: 'How satisfied are you?', field: 'csat', required: true },
  { kind: 'rating', prompt: 'How easy was it?', field: 'ces' },
  { kind: 'rating', prompt: 'How ready are you for phase two?', scale: { min: 1, max: 10 }, labels: { min: 'Not at all', max: 'Completely' } },
  { kind: 'driver_ratings', prompt: 'Rate us on these', driverIds: [drivers[0], drivers[2]] },
  { kind: 'single_choice', prompt: 'Renew?', options: ['Yes', 'No', 'Unsure'] },
  { kind: 'multiple_choice', prompt: 'Which teams use it?', options: ['Sales', 'Finance', 'Operations'] },
  { kind: 'text', prompt: 'Why that score?', field: 'verbatim' },
  { kind: 'text', prompt: 'Anything else?' },
];

describe('default guides', () => {
  it('seeds the four default guides once, with their patterns', async () => {
    const guides = await withDefaultGuides(core);
    const defaults = guides.filter((g) => g.isDefault);
    expect(defaults.map((g) => [g.guideKey, g.kind]).sort()).toEqual([
      ['default-future', 'potential'],
      ['default-post-project', 'transactional'],
      ['default-qbr-pulse', 'qbr'],
      ['default-relationship', 'relationship'],
    ]);
    expect(await ensureDefaultGuides(core.workspaces.db())).toBe(0);
    expect((await call<GuideSummary[]>('guides.list', {})).filter((g) => g.isDefault)).toHaveLength(4);

    const relationship = await call<GuideDetail>('guides.get', { id: defaults.find((g) => g.guideKey === 'default-relationship')!.id });
    expect(relationship.questions[0]).toMatchObject({ kind: 'nps', prompt: STANDARD_NPS_PROMPT, required: true, field: 'nps', scale: { min: 0, max: 10 } });
    // "Every driver": the workspace's drivers at interview time, in their order.
    const driverQuestion = relationship.questions.find((q) => q.kind === 'driver_ratings')!;
    expect(driverQuestion.allDrivers).toBe(true);
    expect(driverQuestion.drivers!.map((d) => d.name)).toEqual(['Onboarding', 'Support', 'Billing']);
    const postProject = await call<GuideDetail>('guides.get', { id: defaults.find((g) => g.guideKey === 'default-post-project')!.id });
    expect(postProject.questions.filter((q) => q.field).map((q) => [q.field, q.scale])).toEqual([
      ['csat', { min: 1, max: 5 }],
      ['ces', { min: 1, max: 7 }],
      ['nps', { min: 0, max: 10 }],
      ['verbatim', null],
    ]);
  });

  it('a deleted default guide is not seeded again', async () => {
    const guides = await withDefaultGuides(core);
    const future = guides.find((g) => g.guideKey === 'default-future')!;
    await call('guides.delete', { id: future.id });
    expect(await ensureDefaultGuides(core.workspaces.db())).toBe(0);
    expect((await call<GuideSummary[]>('guides.list', {})).some((g) => g.guideKey === 'default-future')).toBe(false);
    await call('guides.restore', { id: future.id });
    expect((await call<GuideSummary[]>('guides.list', {})).some((g) => g.guideKey === 'default-future')).toBe(true);
  });
});

describe('guides', () => {
  it('creates a guide with every question kind and reads it back in order', async () => {
    const guide = await call<GuideDetail>('guides.create', { name: 'Go-live check', kind: 'transactional', touchpointId: touchpoints[1], questions: everyKind() });
    expect(guide).toMatchObject({ version: 1, kind: 'transactional', touchpointId: touchpoints[1], touchpointName: 'Go-live', isDefault: false, questionCount: 9, interviewCount: 0 });
    expect(guide.questions.map((q) => q.kind)).toEqual(['nps', 'rating', 'rating', 'rating', 'driver_ratings', 'single_choice', 'multiple_choice', 'text', 'text']);
    expect(guide.questions[0]!.prompt).toBe(STANDARD_NPS_PROMPT);
    expect(guide.questions[1]).toMatchObject({ field: 'csat', scale: { min: 1, max: 5 }, required: true });
    expect(guide.questions[2]).toMatchObject({ field: 'ces', scale: { min: 1, max: 7 }, required: false });
    expect(guide.questions[3]).toMatchObject({ field: null, scale: { min: 1, max: 10 }, labels: { min: 'Not at all', max: 'Completely' } });
    expect(guide.questions[4]).toMatchObject({ allDrivers: false, drivers: [{ id: drivers[0], name: 'Onboarding' }, { id: drivers[2], name: 'Billing' }], scale: { min: 1, max: 5 } });
    expect(guide.questions[6]!.options).toEqual(['Sales', 'Finance', 'Operations']);
    expect(guide.questions[7]!.field).toBe('verbatim');
    expect(guide.versions).toEqual([expect.objectContaining({ id: guide.id, version: 1, supersededAt: null })]);
  });

  it('refuses questions that would fight over a field or rate a driver twice', async () => {
    const twoNps = call('guides.create', { name: 'Bad', kind: 'relationship', questions: [{ kind: 'nps' }, { kind: 'nps' }] });
    await expect(twoNps).rejects.toMatchObject({ code: 'invalid_input', fields: { 'questions.1.kind': expect.stringContaining('already records the NPS') } });
    const twice = call('guides.create', {
      name: 'Bad',
      kind: 'relationship',
      questions: [
        { kind: 'driver_ratings', prompt: 'A', driverIds: [drivers[0]] },
        { kind: 'driver_ratings', prompt: 'B', driverIds: [drivers[0]] },
      ],
    });
    await expect(twice).rejects.toMatchObject({ fields: { 'questions.1.driverIds': expect.stringContaining('already rated') } });
    const unknownDriver = call('guides.create', { name: 'Bad', kind: 'relationship', questions: [{ kind: 'driver_ratings', prompt: 'A', driverIds: ['019a0000-0000-7000-8000-000000000000'] }] });
    await expect(unknownDriver).rejects.toMatchObject({ fields: { 'questions.0.driverIds': 'That driver does not exist' } });
    const csatScale = call('guides.create', { name: 'Bad', kind: 'relationship', questions: [{ kind: 'rating', prompt: 'CSAT', field: 'csat', scale: { min: 1, max: 10 } }] });
    await expect(csatScale).rejects.toMatchObject({ code: 'invalid_input', fields: { 'questions.0.scale': 'CSAT is asked on a 1–5 scale' } });
    const noOptions = call('guides.create', { name: 'Bad', kind: 'relationship', questions: [{ kind: 'single_choice', prompt: 'Pick', options: ['Only'] }] });
    await expect(noOptions).rejects.toMatchObject({ fields: { 'questions.0.options': 'Give at least two options' } });
  });

  it('edits a guide nobody answered in place, keeping the ids of questions it keeps', async () => {
    const guide = await call<GuideDetail>('guides.create', { name: 'Draft guide', kind: 'qbr', questions: [{ kind: 'nps' }, { kind: 'text', prompt: 'Why?' }] });
    const [nps, why] = guide.questions;
    const edited = await call<GuideDetail>('guides.update', {
      id: guide.id,
      patch: { name: 'QBR guide', questions: [{ id: why!.id, kind: 'text', prompt: 'Why that score?', field: 'verbatim' }, { kind: 'single_choice', prompt: 'Next QBR?', options: ['Q3', 'Q4'] }] },
    });
    expect(edited.id).toBe(guide.id);
    expect(edited.version).toBe(1);
    expect(edited.name).toBe('QBR guide');
    expect(edited.questions.map((q) => [q.prompt, q.position])).toEqual([
      ['Why that score?', 0],
      ['Next QBR?', 1],
    ]);
    expect(edited.questions[0]!.id).toBe(why!.id);
    expect(edited.questions.some((q) => q.id === nps!.id)).toBe(false);
  });

  it('editing the questions of a guide with answers makes version 2; old answers keep their questions', async () => {
    const guide = await call<GuideDetail>('guides.create', {
      name: 'Renewal interview',
      kind: 'relationship',
      questions: [{ kind: 'nps', required: true }, { kind: 'single_choice', prompt: 'Will you renew?', options: ['Yes', 'No'] }],
    });
    const [npsQ, renewQ] = guide.questions;
    const { account, contacts } = await accountWithContacts(core, 'Versioned Ltd', [{ name: 'Ada' }]);
    const session = await call<SessionView>('interviews.start', { accountId: account.id, guideId: guide.id, contactIds: [contacts[0]!.id] });
    const interviewId = session.current!.id;
    await call('interviews.saveDraft', { interviewId, answers: { [npsQ!.id]: 8, [renewQ!.id]: 'Yes' } });
    await call('interviews.complete', { interviewId });

    const renamed = await call<GuideDetail>('guides.update', { id: guide.id, patch: { name: 'Renewal interview (2026)' } });
    expect(renamed).toMatchObject({ id: guide.id, version: 1 }); // a name carries no meaning for answers

    const v2 = await call<GuideDetail>('guides.update', {
      id: guide.id,
      patch: { questions: [{ kind: 'nps', required: true }, { kind: 'single_choice', prompt: 'Will you renew, and for how long?', options: ['1 year', '3 years', 'No'] }] },
    });
    expect(v2.id).not.toBe(guide.id);
    expect(v2).toMatchObject({ guideKey: guide.guideKey, version: 2, name: 'Renewal interview (2026)', interviewCount: 0 });
    expect(v2.versions.map((v) => [v.version, v.supersededAt === null, v.interviewCount])).toEqual([
      [1, false, 1],
      [2, true, 0],
    ]);

    const v1 = await call<GuideDetail>('guides.get', { id: guide.id });
    expect(v1.supersededAt).not.toBeNull();
    expect(v1.questions[1]).toMatchObject({ id: renewQ!.id, prompt: 'Will you renew?', options: ['Yes', 'No'] });
    const old = await call<InterviewDraft>('interviews.get', { interviewId });
    expect(old.guideId).toBe(guide.id);
    expect(old.answers).toEqual({ [npsQ!.id]: 8, [renewQ!.id]: 'Yes' });

    const listed = await call<GuideSummary[]>('guides.list', {});
    expect(listed.filter((g) => g.guideKey === guide.guideKey).map((g) => g.id)).toEqual([v2.id]);
    await expect(call('guides.update', { id: guide.id, patch: { name: 'Stale' } })).rejects.toMatchObject({ code: 'conflict' });
    // A screen still holding the old id starts today's version.
    const next = await call<SessionView>('interviews.start', { accountId: account.id, guideId: guide.id, contactIds: [contacts[0]!.id] });
    expect(next.session.guideId).toBe(v2.id);
    expect(next.guide!.version).toBe(2);
  });

  it('duplicates a guide as a new, independent one', async () => {
    const source = (await withDefaultGuides(core)).find((g) => g.guideKey === 'default-qbr-pulse')!;
    const copy = await call<GuideDetail>('guides.duplicate', { id: source.id, name: 'Our QBR pulse' });
    const original = await call<GuideDetail>('guides.get', { id: source.id });
    expect(copy).toMatchObject({ name: 'Our QBR pulse', isDefault: false, version: 1, kind: 'qbr' });
    expect(copy.guideKey).not.toBe(original.guideKey);
    expect(copy.questions.map((q) => [q.kind, q.prompt, q.field])).toEqual(original.questions.map((q) => [q.kind, q.prompt, q.field]));
  });

  it('records guide writes in the change log', async () => {
    const guide = await call<GuideDetail>('guides.create', { name: 'Logged', kind: 'relationship', questions: [{ kind: 'nps' }] });
    const rawDb = core.workspaces.opened()!.file.raw;
    const entries = rawDb.prepare(`SELECT entity_type, op FROM change_log WHERE entity_id IN (?, ?) ORDER BY seq`).all(guide.id, guide.questions[0]!.id);
    expect(entries).toEqual([
      { entity_type: 'interview_guide', op: 'insert' },
      { entity_type: 'guide_question', op: 'insert' },
    ]);
  });
});
