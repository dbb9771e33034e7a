import type { Insertable, Selectable, Updateable } from 'kysely';

/** Row shapes of every table, as SQLite stores them (booleans 0/1, money INTEGER minor units, ISO text dates). */
interface Stamped {
  created_at: string;
  updated_at: string;
}
interface SoftDeleted extends Stamped {
  deleted_at: string | null;
}

export interface WorkspaceSettingsTable extends Stamped {
  id: string;
  name: string;
  currency: string;
  locale: string;
  fiscal_year_start_month: number;
  metric_settings_json: string;
  is_demo: number;
}

export interface AccountsTable extends SoftDeleted {
  id: string;
  name: string;
  name_normalized: string;
  external_id: string | null;
  industry: string | null;
  tier: string | null;
  region: string | null;
  owner: string | null;
  renewal_date: string | null;
  renewal_intent: string | null;
  expansion_opportunity: number;
  notes: string | null;
}

export interface ArrRecordsTable extends SoftDeleted {
  id: string;
  account_id: string;
  effective_date: string;
  arr_minor: number;
  kind: string;
  note: string | null;
}

export interface ContactsTable extends SoftDeleted {
  id: string;
  account_id: string;
  name: string;
  email: string | null;
  title: string | null;
  phone: string | null;
  role: string | null;
  level: string | null;
  external_id: string | null;
}

export interface DriversTable extends SoftDeleted {
  id: string;
  name: string;
  description: string | null;
  sort_order: number;
}

export interface JourneysTable extends SoftDeleted {
  id: string;
  name: string;
  description: string | null;
  state: string;
}

export interface JourneyStagesTable extends SoftDeleted {
  id: string;
  journey_id: string;
  name: string;
  position: number;
}

export interface TouchpointsTable extends SoftDeleted {
  id: string;
  stage_id: string | null;
  name: string;
  channel: string | null;
  expectation: number | null;
  position: number;
  pain_points: string | null;
  opportunities: string | null;
}

export interface InterviewGuidesTable extends SoftDeleted {
  id: string;
  guide_key: string;
  version: number;
  name: string;
  kind: string;
  touchpoint_id: string | null;
  description: string | null;
  is_default: number;
  superseded_at: string | null;
}

export interface GuideQuestionsTable extends SoftDeleted {
  id: string;
  guide_id: string;
  position: number;
  kind: string;
  prompt: string;
  required: number;
  scale_min: number | null;
  scale_max: number | null;
  scale_label: string | null;
  options_json: string | null;
  driver_ids_json: string | null;
}

export interface InterviewSessionsTable extends SoftDeleted {
  id: string;
  account_id: string;
  guide_id: string | null;
  interviewer: string | null;
  status: string;
  current_interview_id: string | null;
  started_at: string;
  finished_at: string | null;
}

export interface InterviewsTable extends SoftDeleted {
  id: string;
  account_id: string;
  contact_id: string | null;
  session_id: string | null;
  guide_id: string | null;
  kind: string;
  status: string;
  interviewed_at: string;
  interviewer: string | null;
  touchpoint_id: string | null;
  nps: number | null;
  csat: number | null;
  ces: number | null;
  verbatim: string | null;
  notes: string | null;
  sentiment: number | null;
  sentiment_override: number | null;
  source: string;
  external_id: string | null;
  import_id: string | null;
}

export interface InterviewAnswersTable extends SoftDeleted {
  id: string;
  interview_id: string;
  question_id: string;
  value_number: number | null;
  value_text: string | null;
  value_json: string | null;
}

export interface DriverRatingsTable extends SoftDeleted {
  id: string;
  interview_id: string;
  driver_id: string;
  rating: number;
}

export interface ScoreCorrectionsTable {
  id: string;
  interview_id: string;
  field: string;
  old_value: string | null;
  new_value: string | null;
  reason: string | null;
  corrected_by: string | null;
  corrected_at: string;
}

export interface QbrsTable extends SoftDeleted {
  id: string;
  account_id: string;
  held_on: string;
  title: string;
  rating_tools: number | null;
  rating_investment: number | null;
  rating_desire: number | null;
  summary: string | null;
}

export interface QbrNotesTable extends SoftDeleted {
  id: string;
  qbr_id: string;
  kind: string;
  body: string;
  position: number;
}

export interface MilestonesTable extends SoftDeleted {
  id: string;
  account_id: string;
  title: string;
  due_date: string;
  achieved_on: string | null;
}

export interface ActionsTable extends SoftDeleted {
  id: string;
  account_id: string;
  interview_id: string | null;
  contact_id: string | null;
  kind: string;
  title: string;
  owner: string | null;
  level: string | null;
  status: string;
  opened_at: string;
  first_contact_due_at: string | null;
  close_due_at: string | null;
  contacted_at: string | null;
  closed_at: string | null;
  outcome: string | null;
}

export interface TagsTable extends SoftDeleted {
  id: string;
  name: string;
  color: string | null;
}

export interface EntityTagsTable {
  tag_id: string;
  entity_type: string;
  entity_id: string;
  created_at: string;
}

export interface SegmentOverridesTable extends SoftDeleted {
  id: string;
  account_id: string;
  board: string;
  segment: string;
  reason: string;
  created_by: string | null;
}

export interface ImportsTable extends Stamped {
  id: string;
  file_name: string;
  file_sha256: string | null;
  source_shape: string | null;
  entity: string;
  summary_json: string;
  committed_at: string;
  undone_at: string | null;
}

export interface ImportMappingsTable extends Stamped {
  shape_key: string;
  mapping_json: string;
}

export interface QuarterSnapshotsTable extends SoftDeleted {
  id: string;
  period: string;
  inputs_json: string;
  results_json: string;
  frozen_at: string;
}

export interface ScenariosTable extends SoftDeleted {
  id: string;
  name: string;
  snapshot_id: string | null;
  moves_json: string;
  results_json: string | null;
}

export interface ChangeLogTable {
  seq: number | null;
  id: string;
  entity_type: string;
  entity_id: string;
  op: 'insert' | 'update' | 'delete' | 'restore';
  changes_json: string | null;
  import_id: string | null;
  changed_at: string;
}

/** Maintained by migration 004 and main/metrics/engine/summaries.ts; never written by the app's write paths. */
export interface MetricAccountWindowsTable {
  /** year × 12 + month − 1 of the window's first month; the window covers three calendar months. */
  first_month: number;
  account_id: string;
  promoters: number;
  passives: number;
  detractors: number;
  /** "d7,u10,i9": each contact's latest valid score with its role initial, by contact. */
  contact_scores: string;
  /** Per valid response, by interview id, ";"-separated: sign (+, 0, -) then "code:rating" of each driver rated. */
  citations: string;
}

export interface MetricDirtyMonthsTable {
  account_id: string;
  month: number;
}

export interface MetricDriverCodesTable {
  code: number;
  driver_id: string;
}

/** Migration 005: how often each group of tables was written (the metrics memo's invalidation). */
export interface MetricChangeCountersTable {
  name: string;
  n: number;
}

export interface Database {
  workspace_settings: WorkspaceSettingsTable;
  accounts: AccountsTable;
  arr_records: ArrRecordsTable;
  contacts: ContactsTable;
  drivers: DriversTable;
  journeys: JourneysTable;
  journey_stages: JourneyStagesTable;
  touchpoints: TouchpointsTable;
  interview_guides: InterviewGuidesTable;
  guide_questions: GuideQuestionsTable;
  interview_sessions: InterviewSessionsTable;
  interviews: InterviewsTable;
  interview_answers: InterviewAnswersTable;
  driver_ratings: DriverRatingsTable;
  score_corrections: ScoreCorrectionsTable;
  qbrs: QbrsTable;
  qbr_notes: QbrNotesTable;
  milestones: MilestonesTable;
  actions: ActionsTable;
  tags: TagsTable;
  entity_tags: EntityTagsTable;
  segment_overrides: SegmentOverridesTable;
  imports: ImportsTable;
  import_mappings: ImportMappingsTable;
  quarter_snapshots: QuarterSnapshotsTable;
  scenarios: ScenariosTable;
  change_log: ChangeLogTable;
  metric_account_windows: MetricAccountWindowsTable;
  metric_dirty_months: MetricDirtyMonthsTable;
  metric_driver_codes: MetricDriverCodesTable;
  metric_change_counters: MetricChangeCountersTable;
}

export type TableName = keyof Database;
export type AccountRecord = Selectable<AccountsTable>;
export type NewAccount = Insertable<AccountsTable>;
export type AccountUpdate = Updateable<AccountsTable>;
export type ContactRecord = Selectable<ContactsTable>;
export type NewContact = Insertable<ContactsTable>;
