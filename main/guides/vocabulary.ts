import type { TaggingVocabulary } from '../../shared/contract/guides';
import type { Executor } from '../accounts/account-queries';

/**
 * The drivers and touchpoints a guide question, an interview tag or a search filter can name. Touchpoints
 * come in journey order (journey, stage position, touchpoint position) so pickers read like the map;
 * one whose stage or journey was deleted is still offered, without them.
 */
export async function readVocabulary(db: Executor): Promise<TaggingVocabulary> {
  const drivers = await db.selectFrom('drivers').select(['id', 'name', 'description']).where('deleted_at', 'is', null).orderBy('sort_order').orderBy('name').execute();
  const touchpoints = await db
    .selectFrom('touchpoints as t')
    .leftJoin('journey_stages as s', (join) => join.onRef('s.id', '=', 't.stage_id').on('s.deleted_at', 'is', null))
    .leftJoin('journeys as j', (join) => join.onRef('j.id', '=', 's.journey_id').on('j.deleted_at', 'is', null))
    .select(['t.id', 't.name', 't.channel', 's.name as stage_name', 'j.name as journey_name'])
    .where('t.deleted_at', 'is', null)
    .orderBy('j.name')
    .orderBy('s.position')
    .orderBy('t.position')
    .orderBy('t.name')
    .execute();
  return {
    drivers: drivers.map((d) => ({ id: d.id, name: d.name, description: d.description })),
    touchpoints: touchpoints.map((t) => ({ id: t.id, name: t.name, channel: t.channel, stageName: t.stage_name, journeyName: t.stage_name ? t.journey_name : null })),
  };
}
