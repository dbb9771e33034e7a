import { sql } from 'kysely';
import type { ParsedInputOf } from '../../shared/contract';
import { ApiError } from '../../shared/contract/errors';
import type { GuideDetail, GuideKind, GuideSummary, GuideVersion } from '../../shared/contract/guides';
import type { Executor } from '../accounts/account-queries';
import { logChange } from '../db/change-log';
import { nowIso } from '../db/clock';
import { newId } from '../db/new-id';
import { readMetricSettings } from '../metrics/engine/settings-store';
import { questionColumns, toGuideQuestion, toQuestionInput } from './question-rows';
import type { DriverRef, ParsedQuestion } from './question-rows';
import { validateQuestions } from './validate-guide';

type GuideCreate = ParsedInputOf<'guides.create'>;

export async function loadDrivers(db: Executor): Promise<DriverRef[]> {
  const rows = await db.selectFrom('drivers').select(['id', 'name', 'deleted_at']).orderBy('sort_order').orderBy('name').execute();
  return rows.map((r) => ({ id: r.id, name: r.name, deleted: r.deleted_at !== null }));
}

function summarySelect(db: Executor) {
  return db
    .selectFrom('interview_guides as g')
    .leftJoin('touchpoints as t', 't.id', 'g.touchpoint_id')
    .select([
      'g.id',
      'g.guide_key',
      'g.version',
      'g.name',
      'g.kind',
      'g.description',
      'g.touchpoint_id',
      't.name as touchpoint_name',
      'g.is_default',
      'g.superseded_at',
      'g.created_at',
      'g.updated_at',
      'g.deleted_at',
      sql<number>`(SELECT count(*) FROM guide_questions q WHERE q.guide_id = g.id AND q.deleted_at IS NULL)`.as('question_count'),
      sql<number>`(SELECT count(*) FROM interviews i WHERE i.guide_id = g.id AND i.deleted_at IS NULL)`.as('interview_count'),
    ]);
}

type SummaryRow = Awaited<ReturnType<ReturnType<typeof summarySelect>['executeTakeFirstOrThrow']>>;

function toSummary(r: SummaryRow): GuideSummary {
  return {
    id: r.id,
    guideKey: r.guide_key,
    version: r.version,
    name: r.name,
    kind: r.kind as GuideKind,
    description: r.description,
    touchpointId: r.touchpoint_id,
    touchpointName: r.touchpoint_name,
    isDefault: r.is_default === 1,
    questionCount: Number(r.question_count),
    interviewCount: Number(r.interview_count),
    updatedAt: r.updated_at,
    deletedAt: r.deleted_at,
  };
}

export async function listGuides(db: Executor, input: ParsedInputOf<'guides.list'>): Promise<GuideSummary[]> {
  let q = summarySelect(db).where('g.superseded_at', 'is', null);
  if (!input?.includeDeleted) q = q.where('g.deleted_at', 'is', null);
  if (input?.kind) q = q.where('g.kind', '=', input.kind);
  const rows = await q.orderBy('g.is_default', 'desc').orderBy('g.name').execute();
  return rows.map(toSummary);
}

export async function getGuide(db: Executor, id: string): Promise<GuideDetail> {
  const row = await summarySelect(db).where('g.id', '=', id).executeTakeFirst();
  if (!row) throw new ApiError({ code: 'not_found', message: 'That interview guide does not exist.' });
  const questions = await db
    .selectFrom('guide_questions')
    .select(['id', 'position', 'kind', 'prompt', 'required', 'scale_min', 'scale_max', 'scale_label', 'options_json', 'driver_ids_json'])
    .where('guide_id', '=', id)
    .where('deleted_at', 'is', null)
    .orderBy('position')
    .execute();
  const drivers = await loadDrivers(db);
  return {
    ...toSummary(row),
    supersededAt: row.superseded_at,
    questions: questions.map((q) => toGuideQuestion(q, drivers)),
    versions: await listVersions(db, row.guide_key),
  };
}

async function listVersions(db: Executor, guideKey: string): Promise<GuideVersion[]> {
  const rows = await db
    .selectFrom('interview_guides as g')
    .select(['g.id', 'g.version', 'g.created_at', 'g.superseded_at', sql<number>`(SELECT count(*) FROM interviews i WHERE i.guide_id = g.id AND i.deleted_at IS NULL)`.as('n')])
    .where('g.guide_key', '=', guideKey)
    .orderBy('g.version')
    .execute();
  return rows.map((r) => ({ id: r.id, version: r.version, createdAt: r.created_at, supersededAt: r.superseded_at, interviewCount: Number(r.n) }));
}

async function requireGuide(db: Executor, id: string) {
  const guide = await db.selectFrom('interview_guides').selectAll().where('id', '=', id).executeTakeFirst();
  if (!guide) throw new ApiError({ code: 'not_found', message: 'That interview guide does not exist.' });
  return guide;
}

async function requireTouchpoint(db: Executor, touchpointId: string | null | undefined): Promise<void> {
  if (!touchpointId) return;
  const found = await db.selectFrom('touchpoints').select('id').where('id', '=', touchpointId).where('deleted_at', 'is', null).executeTakeFirst();
  if (!found) throw new ApiError({ code: 'invalid_input', message: 'That touchpoint does not exist.', fields: { touchpointId: 'That touchpoint does not exist' } });
}

async function insertQuestions(db: Executor, guideId: string, questions: readonly ParsedQuestion[], stamp: string): Promise<void> {
  const { settings } = await readMetricSettings(db);
  for (const [position, question] of questions.entries()) {
    const id = newId();
    const columns = questionColumns(question, settings.driverScale);
    await db.insertInto('guide_questions').values({ id, guide_id: guideId, position, ...columns, created_at: stamp, updated_at: stamp, deleted_at: null }).execute();
    await logChange(db, { entityType: 'guide_question', entityId: id, op: 'insert', changes: { guide_id: guideId, position, ...columns } });
  }
}

export async function createGuide(db: Executor, input: GuideCreate, identity: { guideKey?: string; version?: number; isDefault?: boolean } = {}): Promise<string> {
  await requireTouchpoint(db, input.touchpointId);
  await validateQuestions(db, input.questions);
  const id = newId();
  const stamp = nowIso();
  const columns = {
    guide_key: identity.guideKey ?? id,
    version: identity.version ?? 1,
    name: input.name,
    kind: input.kind,
    touchpoint_id: input.touchpointId ?? null,
    description: input.description ?? null,
    is_default: identity.isDefault ? 1 : 0,
  };
  await db.insertInto('interview_guides').values({ id, ...columns, superseded_at: null, created_at: stamp, updated_at: stamp, deleted_at: null }).execute();
  await logChange(db, { entityType: 'interview_guide', entityId: id, op: 'insert', changes: columns });
  await insertQuestions(db, id, input.questions, stamp);
  return id;
}

/**
 * Answers point at question rows, so a version that interviews use keeps its questions forever: changing
 * what is asked then makes a new version, and only wording-free fields (name, description) change in place.
 */
export async function updateGuide(db: Executor, input: ParsedInputOf<'guides.update'>): Promise<string> {
  const guide = await requireGuide(db, input.id);
  if (guide.deleted_at !== null) throw new ApiError({ code: 'conflict', message: 'This guide was deleted; restore it before editing.' });
  if (guide.superseded_at !== null) throw new ApiError({ code: 'conflict', message: `Version ${guide.version} of this guide was replaced by a newer one; edit the current version.` });
  const { patch } = input;
  const asked = patch.questions !== undefined || (patch.kind !== undefined && patch.kind !== guide.kind) || (patch.touchpointId !== undefined && patch.touchpointId !== guide.touchpoint_id);
  const { n: used } = await db
    .selectFrom('interviews')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('guide_id', '=', guide.id)
    .where('deleted_at', 'is', null)
    .executeTakeFirstOrThrow();
  if (asked && Number(used) > 0) return newVersion(db, guide, patch);

  await requireTouchpoint(db, patch.touchpointId);
  if (patch.questions) await validateQuestions(db, patch.questions);
  const stamp = nowIso();
  const columns: Record<string, unknown> = {};
  if (patch.name !== undefined) columns.name = patch.name;
  if (patch.kind !== undefined) columns.kind = patch.kind;
  if (patch.description !== undefined) columns.description = patch.description;
  if (patch.touchpointId !== undefined) columns.touchpoint_id = patch.touchpointId;
  if (Object.keys(columns).length > 0 || patch.questions) {
    await db.updateTable('interview_guides').set({ ...columns, updated_at: stamp }).where('id', '=', guide.id).execute();
    await logChange(db, { entityType: 'interview_guide', entityId: guide.id, op: 'update', changes: columns });
  }
  if (patch.questions) await replaceQuestions(db, guide.id, patch.questions, stamp);
  return guide.id;
}

/** In place, for a version nobody answered: questions given with their id keep it; others are new; missing ones go. */
async function replaceQuestions(db: Executor, guideId: string, questions: readonly ParsedQuestion[], stamp: string): Promise<void> {
  const existing = await db.selectFrom('guide_questions').select('id').where('guide_id', '=', guideId).where('deleted_at', 'is', null).execute();
  const existingIds = new Set(existing.map((q) => q.id));
  const kept = new Set<string>();
  const { settings } = await readMetricSettings(db);
  for (const [position, question] of questions.entries()) {
    const columns = { position, ...questionColumns(question, settings.driverScale) };
    if (question.id && existingIds.has(question.id) && !kept.has(question.id)) {
      kept.add(question.id);
      await db.updateTable('guide_questions').set({ ...columns, updated_at: stamp }).where('id', '=', question.id).execute();
      await logChange(db, { entityType: 'guide_question', entityId: question.id, op: 'update', changes: columns });
    } else {
      const id = newId();
      await db.insertInto('guide_questions').values({ id, guide_id: guideId, ...columns, created_at: stamp, updated_at: stamp, deleted_at: null }).execute();
      await logChange(db, { entityType: 'guide_question', entityId: id, op: 'insert', changes: { guide_id: guideId, ...columns } });
    }
  }
  for (const id of existingIds) {
    if (kept.has(id)) continue;
    await db.updateTable('guide_questions').set({ deleted_at: stamp, updated_at: stamp }).where('id', '=', id).execute();
    await logChange(db, { entityType: 'guide_question', entityId: id, op: 'delete' });
  }
}

async function newVersion(db: Executor, guide: Awaited<ReturnType<typeof requireGuide>>, patch: ParsedInputOf<'guides.update'>['patch']): Promise<string> {
  const current = await getGuide(db, guide.id);
  const questions = (patch.questions ?? current.questions.map(toQuestionInput)).map((q) => ({ ...q, id: undefined }));
  const { latest } = await db
    .selectFrom('interview_guides')
    .select((eb) => eb.fn.max('version').as('latest'))
    .where('guide_key', '=', guide.guide_key)
    .executeTakeFirstOrThrow();
  const id = await createGuide(
    db,
    {
      name: patch.name ?? guide.name,
      kind: patch.kind ?? (guide.kind as GuideKind),
      description: patch.description !== undefined ? patch.description : guide.description,
      touchpointId: patch.touchpointId !== undefined ? patch.touchpointId : guide.touchpoint_id,
      questions,
    },
    { guideKey: guide.guide_key, version: Number(latest) + 1, isDefault: guide.is_default === 1 },
  );
  const stamp = nowIso();
  await db.updateTable('interview_guides').set({ superseded_at: stamp, updated_at: stamp }).where('id', '=', guide.id).execute();
  await logChange(db, { entityType: 'interview_guide', entityId: guide.id, op: 'update', changes: { superseded_at: [null, stamp], superseded_by: id } });
  return id;
}

export async function duplicateGuide(db: Executor, input: ParsedInputOf<'guides.duplicate'>): Promise<string> {
  const source = await getGuide(db, input.id);
  return createGuide(db, {
    name: input.name,
    kind: source.kind,
    description: source.description,
    touchpointId: source.touchpointId,
    questions: source.questions.map(toQuestionInput),
  });
}

export async function softDeleteGuide(db: Executor, id: string): Promise<{ id: string; deletedAt: string }> {
  const guide = await requireGuide(db, id);
  if (guide.deleted_at !== null) return { id, deletedAt: guide.deleted_at };
  const stamp = nowIso();
  const versions = await db.selectFrom('interview_guides').select('id').where('guide_key', '=', guide.guide_key).where('deleted_at', 'is', null).execute();
  for (const version of versions) {
    await db.updateTable('interview_guides').set({ deleted_at: stamp, updated_at: stamp }).where('id', '=', version.id).execute();
    await logChange(db, { entityType: 'interview_guide', entityId: version.id, op: 'delete' });
  }
  return { id, deletedAt: stamp };
}

export async function restoreGuide(db: Executor, id: string): Promise<string> {
  const guide = await requireGuide(db, id);
  const stamp = nowIso();
  const versions = await db.selectFrom('interview_guides').select('id').where('guide_key', '=', guide.guide_key).where('deleted_at', 'is not', null).execute();
  for (const version of versions) {
    await db.updateTable('interview_guides').set({ deleted_at: null, updated_at: stamp }).where('id', '=', version.id).execute();
    await logChange(db, { entityType: 'interview_guide', entityId: version.id, op: 'restore' });
  }
  const current = await db
    .selectFrom('interview_guides')
    .select('id')
    .where('guide_key', '=', guide.guide_key)
    .where('superseded_at', 'is', null)
    .executeTakeFirst();
  return current?.id ?? id;
}
