import type { Kysely } from 'kysely';
import { guideCreateInput, STANDARD_NPS_PROMPT } from '../../shared/contract/guides';
import type { z } from 'zod';
import type { Database } from '../db/tables';
import { createGuide } from './guides-repo';

type GuideInput = z.input<typeof guideCreateInput>;

/**
 * The guides every workspace starts with: the relationship interview, and the past / present / potential
 * pattern of MSP practice (project close, QBR, future of the relationship). Keys are fixed so seeding can
 * tell whether a workspace already has one; a deleted default stays deleted.
 */
export const DEFAULT_GUIDES: readonly { key: string; guide: GuideInput }[] = [
  {
    key: 'default-relationship',
    guide: {
      name: 'Quarterly relationship interview',
      kind: 'relationship',
      description: 'The quarterly conversation with each stakeholder: the score, why, and how we do on each driver.',
      questions: [
        { kind: 'nps', prompt: STANDARD_NPS_PROMPT, required: true },
        { kind: 'text', prompt: 'What is the most important reason for your score?', field: 'verbatim', required: true },
        { kind: 'driver_ratings', prompt: 'How well do we do on each of these?', driverIds: null },
        { kind: 'text', prompt: 'What is the one thing we should change?' },
        { kind: 'single_choice', prompt: 'Over the next twelve months, how do you expect our work together to develop?', options: ['Grow', 'Stay about the same', 'Shrink', 'Not sure yet'] },
      ],
    },
  },
  {
    key: 'default-post-project',
    guide: {
      name: 'Post-project review',
      kind: 'transactional',
      description: 'Past: at the close of a project, how it went and what to repeat or avoid next time.',
      questions: [
        { kind: 'rating', prompt: 'Overall, how satisfied are you with the project?', field: 'csat', required: true, labels: { min: 'Very dissatisfied', max: 'Very satisfied' } },
        { kind: 'rating', prompt: 'We made it easy for you to get the project done.', field: 'ces', labels: { min: 'Strongly disagree', max: 'Strongly agree' } },
        { kind: 'nps', prompt: STANDARD_NPS_PROMPT, required: true },
        { kind: 'multiple_choice', prompt: 'Which parts met your expectations?', options: ['Planning', 'Communication', 'On time', 'On budget', 'Quality of the result', 'Handover and training'] },
        { kind: 'text', prompt: 'What went well, and what should we have done differently?', field: 'verbatim' },
      ],
    },
  },
  {
    key: 'default-qbr-pulse',
    guide: {
      name: 'QBR pulse',
      kind: 'qbr',
      description: 'Present: a short check at the quarterly business review.',
      questions: [
        { kind: 'nps', prompt: STANDARD_NPS_PROMPT, required: true },
        { kind: 'rating', prompt: 'How well are we delivering on the goals we agreed for this quarter?', scale: { min: 1, max: 5 }, labels: { min: 'Not at all', max: 'Fully' } },
        { kind: 'text', prompt: 'What should we focus on next quarter?', field: 'verbatim' },
      ],
    },
  },
  {
    key: 'default-future',
    guide: {
      name: 'Future of the relationship',
      kind: 'potential',
      description: 'Potential: where the customer is heading and whether we are part of it.',
      questions: [
        { kind: 'text', prompt: 'Where do you see your business in two to three years?', field: 'verbatim', required: true },
        { kind: 'text', prompt: 'What would need to be true for us to be part of that?' },
        { kind: 'multiple_choice', prompt: 'Where could we help?', options: ['New regions or sites', 'New teams', 'Analytics and reporting', 'Automation', 'Training', 'Managed services'] },
        { kind: 'single_choice', prompt: 'How likely is it that our work together grows next year?', options: ['Very likely', 'Likely', 'Unsure', 'Unlikely'] },
        { kind: 'nps', prompt: STANDARD_NPS_PROMPT },
      ],
    },
  },
];

/**
 * Adds the default guides a workspace does not have yet, in one transaction; safe to call on every open.
 * Returns how many were added.
 */
export async function ensureDefaultGuides(db: Kysely<Database>): Promise<number> {
  const present = new Set(
    (await db.selectFrom('interview_guides').select('guide_key').where('guide_key', 'in', DEFAULT_GUIDES.map((d) => d.key)).execute()).map((r) => r.guide_key),
  );
  const missing = DEFAULT_GUIDES.filter((d) => !present.has(d.key));
  if (missing.length === 0) return 0;
  await db.transaction().execute(async (trx) => {
    for (const { key, guide } of missing) await createGuide(trx, guideCreateInput.parse(guide), { guideKey: key, isDefault: true });
  });
  return missing.length;
}
