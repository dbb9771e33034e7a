import type { GuideKind, QuestionKind } from '../../shared/contract';

export const GUIDE_KIND_NAMES: Record<GuideKind, string> = {
  relationship: 'Relationship',
  transactional: 'Transactional',
  qbr: 'QBR',
  potential: 'Potential',
};

export const QUESTION_KIND_NAMES: Record<QuestionKind, string> = {
  nps: 'NPS (0–10)',
  rating: 'Rating scale',
  driver_ratings: 'Driver ratings',
  single_choice: 'Single choice',
  multiple_choice: 'Multiple choice',
  text: 'Open text',
};
