import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 } from 'uuid';
import type { Core } from '../../../main/core/core';
import type { TaggingVocabulary } from '../../../shared/contract';
import { emptyWorkspaceCore } from '../../helpers/test-core';
import { call as callOn, seedDrivers, seedTouchpoints } from '../../helpers/interview-fixtures';

// guides.vocabulary: the drivers and touchpoints that guide questions, interview tags and search filters offer.

let core: Core;
const call = <T>(method: string, input?: unknown) => callOn<T>(core, method, input);
const raw = () => core.workspaces.opened()!.file.raw;

beforeAll(async () => {
  ({ core } = await emptyWorkspaceCore());
});
afterAll(() => core.close());

describe('guides.vocabulary', () => {
  it('is empty on an empty workspace', async () => {
    expect(await call<TaggingVocabulary>('guides.vocabulary')).toEqual({ drivers: [], touchpoints: [] });
  });

  it('lists live drivers in their order and touchpoints in journey order with their stage and journey', async () => {
    const [onboarding, support, billing] = seedDrivers(core, ['Onboarding', 'Support', 'Billing']);
    const stamp = new Date().toISOString();
    raw().prepare('UPDATE drivers SET deleted_at = ? WHERE id = ?').run(stamp, support);
    const journey = v7();
    raw().prepare('INSERT INTO journeys (id, name, created_at, updated_at) VALUES (?, ?, ?, ?)').run(journey, 'Customer lifecycle', stamp, stamp);
    const [later, first] = [v7(), v7()];
    const stage = raw().prepare('INSERT INTO journey_stages (id, journey_id, name, position, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)');
    stage.run(later, journey, 'Adopt', 2, stamp, stamp);
    stage.run(first, journey, 'Onboard', 1, stamp, stamp);
    const tp = raw().prepare('INSERT INTO touchpoints (id, stage_id, name, channel, position, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
    const [review, kickoff, gone] = [v7(), v7(), v7()];
    tp.run(review, later, 'Quarterly review', 'Meeting', 0, stamp, stamp);
    tp.run(kickoff, first, 'Kickoff', null, 0, stamp, stamp);
    tp.run(gone, first, 'Retired step', null, 1, stamp, stamp);
    raw().prepare('UPDATE touchpoints SET deleted_at = ? WHERE id = ?').run(stamp, gone);
    const [loose] = seedTouchpoints(core, ['Support ticket']);

    const vocabulary = await call<TaggingVocabulary>('guides.vocabulary', {});
    expect(vocabulary.drivers).toEqual([
      { id: onboarding, name: 'Onboarding', description: null },
      { id: billing, name: 'Billing', description: null },
    ]);
    // A touchpoint outside any journey sorts first (no journey name) and says so with nulls.
    expect(vocabulary.touchpoints).toEqual([
      { id: loose, name: 'Support ticket', channel: null, stageName: null, journeyName: null },
      { id: kickoff, name: 'Kickoff', channel: null, stageName: 'Onboard', journeyName: 'Customer lifecycle' },
      { id: review, name: 'Quarterly review', channel: 'Meeting', stageName: 'Adopt', journeyName: 'Customer lifecycle' },
    ]);
  });

  it('refuses input it does not know', async () => {
    await expect(call('guides.vocabulary', { all: true })).rejects.toMatchObject({ code: 'invalid_input' });
  });
});
