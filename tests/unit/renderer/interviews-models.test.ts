import { describe, expect, it } from 'vitest';
import type { GuideDetail, InterviewDraft } from '../../../shared/contract';
import { guideCreateInput, STANDARD_NPS_PROMPT } from '../../../shared/contract/guides';
import { diffDraft, draftFromInterview, isBlank } from '../../../renderer/interviews/draft-model';
import type { DraftState } from '../../../renderer/interviews/draft-model';
import { digitToScore, scalePoints, TWO_DIGIT_WINDOW_MS } from '../../../renderer/interviews/scale-keys';
import { checkGuideForm, emptyGuideForm, guideFormFrom, moveQuestion, newQuestion, toGuideInput, withRatingField } from '../../../renderer/interviews/guide-model';

const ID = (n: number) => `0190a000-0000-7000-8000-${String(n).padStart(12, '0')}`;

const empty: DraftState = { answers: {}, notes: '', sentimentOverride: null, touchpointId: null, tags: {} };

describe('diffDraft', () => {
  it('sends nothing when nothing changed, blank text included', () => {
    expect(diffDraft(empty, empty)).toBeNull();
    expect(diffDraft(empty, { ...empty, answers: { [ID(1)]: '   ' }, notes: '  ' })).toBeNull();
    expect(diffDraft({ ...empty, answers: { [ID(1)]: [] } }, { ...empty, answers: {} })).toBeNull();
  });

  it('sends only the answers and fields that differ, blanks as null', () => {
    const saved: DraftState = { ...empty, answers: { [ID(1)]: 9, [ID(2)]: 'Great support' } };
    const now: DraftState = { ...saved, answers: { [ID(1)]: 9, [ID(2)]: '', [ID(3)]: ['A', 'B'] }, notes: 'Call back Friday', sentimentOverride: -0.5 };
    expect(diffDraft(saved, now)).toEqual({ answers: { [ID(2)]: null, [ID(3)]: ['A', 'B'] }, notes: 'Call back Friday', sentimentOverride: -0.5 });
  });

  it('compares driver ratings by value, not key order or cleared entries', () => {
    const saved: DraftState = { ...empty, answers: { [ID(1)]: { [ID(10)]: 5, [ID(11)]: 3 } } };
    expect(diffDraft(saved, { ...empty, answers: { [ID(1)]: { [ID(11)]: 3, [ID(10)]: 5, [ID(12)]: null } } })).toBeNull();
    expect(diffDraft(saved, { ...empty, answers: { [ID(1)]: { [ID(10)]: 5, [ID(11)]: null } } })).toEqual({ answers: { [ID(1)]: { [ID(10)]: 5, [ID(11)]: null } } });
  });

  it('sends the whole tag set of a subject that changed, in any order equal to none', () => {
    const saved: DraftState = { ...empty, tags: { verbatim: { driverIds: [ID(10), ID(11)], touchpointIds: [] } } };
    expect(diffDraft(saved, { ...empty, tags: { verbatim: { driverIds: [ID(11), ID(10)], touchpointIds: [] } } })).toBeNull();
    expect(diffDraft(saved, { ...empty, tags: { verbatim: { driverIds: [ID(10)], touchpointIds: [ID(20)] }, notes: { driverIds: [], touchpointIds: [] } } })).toEqual({
      tags: [{ subject: 'verbatim', driverIds: [ID(10)], touchpointIds: [ID(20)] }],
    });
  });

  it('reads a stored interview into the same shape it diffs', () => {
    const draft = { answers: { [ID(1)]: 4 }, notes: null, sentimentOverride: 0.5, touchpointId: ID(20), tags: [{ subject: 'notes', driverIds: [ID(10)], touchpointIds: [] }] } as unknown as InterviewDraft;
    const state = draftFromInterview(draft);
    expect(state).toEqual({ answers: { [ID(1)]: 4 }, notes: '', sentimentOverride: 0.5, touchpointId: ID(20), tags: { notes: { driverIds: [ID(10)], touchpointIds: [] } } });
    expect(diffDraft(state, { ...state, touchpointId: null })).toEqual({ touchpointId: null });
  });

  it('knows what counts as blank', () => {
    expect([null, undefined, '', ' ', [], { a: null }].every((v) => isBlank(v as never))).toBe(true);
    expect([0, 'x', ['a'], { a: 1 }].some((v) => isBlank(v as never))).toBe(false);
  });
});

describe('digitToScore', () => {
  const nps = { min: 0, max: 10 };
  it('sets a score from one digit and 10 from 1 then 0 typed quickly', () => {
    const one = digitToScore(null, '1', 1000, nps);
    expect(one.value).toBe(1);
    expect(digitToScore(one.buffer, '0', 1000 + 300, nps)).toEqual({ value: 10, buffer: null });
    expect(digitToScore(null, '7', 0, nps)).toEqual({ value: 7, buffer: null });
    expect(digitToScore(null, '0', 0, nps)).toEqual({ value: 0, buffer: null });
  });

  it('treats a slow or out-of-scale second digit as a new score', () => {
    const one = digitToScore(null, '1', 0, nps);
    expect(digitToScore(one.buffer, '0', TWO_DIGIT_WINDOW_MS + 1, nps).value).toBe(0);
    expect(digitToScore(one.buffer, '5', 100, nps).value).toBe(5);
  });

  it('ignores digits off a 1–5 scale and keys that are not digits', () => {
    const csat = { min: 1, max: 5 };
    expect(digitToScore(null, '0', 0, csat).value).toBeNull();
    expect(digitToScore(null, '6', 0, csat).value).toBeNull();
    expect(digitToScore(null, '1', 0, csat)).toEqual({ value: 1, buffer: null });
    expect(digitToScore(null, 'a', 0, csat).value).toBeNull();
  });

  it('lists the points of a scale', () => {
    expect(scalePoints({ min: 1, max: 5 })).toEqual([1, 2, 3, 4, 5]);
    expect(scalePoints({ min: 0, max: 10 })).toHaveLength(11);
  });
});

describe('guide form', () => {
  it('a new guide starts with the standard NPS question and a required verbatim, and passes the contract', () => {
    const form = { ...emptyGuideForm(), name: 'Site visit' };
    expect(checkGuideForm(form)).toEqual({});
    const input = guideCreateInput.parse(toGuideInput(form));
    expect(input.questions[0]).toMatchObject({ kind: 'nps', prompt: STANDARD_NPS_PROMPT, required: true });
    expect(input.questions[1]).toMatchObject({ kind: 'text', field: 'verbatim', required: true });
  });

  it('CSAT and CES set their standard scales; a custom rating keeps its own', () => {
    const rating = { ...newQuestion('rating'), prompt: 'How easy?' };
    expect(withRatingField(rating, 'ces')).toMatchObject({ ratingField: 'ces', scaleMin: 1, scaleMax: 7 });
    const custom = { ...withRatingField(rating, 'custom'), scaleMin: 0, scaleMax: 10, labelMax: 'Completely' };
    const parsed = guideCreateInput.parse(toGuideInput({ ...emptyGuideForm(), name: 'G', questions: [custom] }));
    expect(parsed.questions[0]).toMatchObject({ kind: 'rating', field: null, scale: { min: 0, max: 10 }, labels: { min: null, max: 'Completely' } });
  });

  it('says what is wrong with questions by the paths the server uses', () => {
    const choice = { ...newQuestion('single_choice'), prompt: 'Renew?', options: ['Yes', 'yes', ''] };
    const drivers = { ...newQuestion('driver_ratings'), prompt: 'Rate', allDrivers: false };
    const two = [{ ...newQuestion('text'), prompt: 'a', isVerbatim: true }, { ...newQuestion('text'), prompt: '', isVerbatim: true }];
    expect(checkGuideForm({ ...emptyGuideForm(), name: ' ', questions: [choice, drivers, ...two] })).toEqual({
      name: 'Name is required',
      'questions.0.options': 'Options must differ',
      'questions.1.driverIds': 'Pick at least one driver',
      'questions.3.prompt': 'The question needs a prompt',
      questions: 'Only one open question can capture the verbatim',
    });
  });

  it('keeps question ids and the all-drivers choice when editing a stored guide', () => {
    const guide = {
      name: 'R',
      kind: 'transactional',
      description: null,
      touchpointId: ID(20),
      questions: [
        { id: ID(1), position: 0, kind: 'driver_ratings', prompt: 'Rate', required: false, field: null, scale: { min: 1, max: 7 }, labels: null, options: null, drivers: [{ id: ID(10), name: 'Support' }], allDrivers: true },
      ],
    } as unknown as GuideDetail;
    const input = toGuideInput(guideFormFrom(guide));
    expect(input).toMatchObject({ kind: 'transactional', touchpointId: ID(20), questions: [{ id: ID(1), kind: 'driver_ratings', driverIds: null }] });
    // A touchpoint only belongs to a transactional guide.
    expect(toGuideInput({ ...guideFormFrom(guide), kind: 'relationship' }).touchpointId).toBeNull();
  });

  it('moves questions within bounds', () => {
    const [a, b] = [newQuestion('nps'), newQuestion('text')];
    expect(moveQuestion([a, b], 0, 1)).toEqual([b, a]);
    expect(moveQuestion([a, b], 0, -1)).toEqual([a, b]);
  });
});
