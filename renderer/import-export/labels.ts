import type { ExportTable, ImportEntity, PresetId, RowStatus } from '../../shared/contract/workbook';

export const ENTITY_LABELS: Record<ImportEntity, string> = {
  accounts: 'Accounts',
  contacts: 'Contacts (stakeholders)',
  arr: 'ARR changes',
  responses: 'Survey responses (NPS)',
  qbr_notes: 'QBR notes',
  actions: 'Actions',
  workspace: 'A whole workspace (AX Workbench export)',
};

export const PRESET_LABELS: Record<PresetId, string> = {
  qualtrics: 'Qualtrics export',
  'qualtrics-legacy': 'Qualtrics export (legacy layout)',
  surveymonkey: 'SurveyMonkey export',
  formbricks: 'Formbricks export',
  delighted: 'Delighted export',
  'crm-accounts': 'CRM account list',
  'workspace-export': 'AX Workbench workspace export',
};

export const STATUS_LABELS: Record<RowStatus, string> = {
  new: 'New',
  updated: 'Updated',
  unchanged: 'Unchanged',
  rejected: 'Rejected',
  excluded: 'Left out',
};

/** Record kinds the planner reports (`PreviewSummary.records`), as people name them: [one, many]. */
const RECORD_NAMES: Record<string, [string, string]> = {
  account: ['account', 'accounts'],
  contact: ['contact', 'contacts'],
  arr_record: ['ARR record', 'ARR records'],
  interview: ['response', 'responses'],
  driver: ['driver', 'drivers'],
  driver_rating: ['driver rating', 'driver ratings'],
  qbr: ['QBR', 'QBRs'],
  qbr_note: ['QBR note', 'QBR notes'],
  action: ['action', 'actions'],
};

export function recordName(kind: string, count: number): string {
  const known = RECORD_NAMES[kind];
  if (known) return count === 1 ? known[0] : known[1];
  // A workspace import reports tables by their names ("journey_stages").
  return kind.replace(/_/g, ' ');
}

export const EXPORT_TABLE_LABELS: Record<ExportTable, string> = {
  accounts: 'Accounts',
  arr_records: 'ARR records',
  contacts: 'Contacts',
  drivers: 'Drivers',
  journeys: 'Journeys',
  journey_stages: 'Journey stages',
  touchpoints: 'Touchpoints',
  interview_guides: 'Interview guides',
  guide_questions: 'Guide questions',
  interview_sessions: 'Interview sessions',
  interviews: 'Interviews and survey responses',
  interview_answers: 'Interview answers',
  driver_ratings: 'Driver ratings',
  score_corrections: 'Score corrections',
  qbrs: 'QBRs',
  qbr_notes: 'QBR notes',
  milestones: 'Milestones',
  actions: 'Actions',
  tags: 'Tags',
  entity_tags: 'Tag assignments',
  segment_overrides: 'Segment overrides',
  quarter_snapshots: 'Quarter snapshots',
  scenarios: 'Scenarios',
  import_mappings: 'Remembered import mappings',
};
