import { create } from 'zustand';
import type { CommitResult, InspectResult, MappingProposal, PreviewSummary } from '../../shared/contract/workbook';
import { DEFAULT_OPTIONS } from './wizard-model';
import type { ImportOptionsState, MappingEntry, WizardStep } from './wizard-model';

/**
 * Where the person is in an import, kept outside the screen so a look at Accounts halfway through a
 * review does not throw the choices away. The file itself stays in the core's session.
 */
export interface ImportWizardData {
  step: WizardStep;
  error: string | null;
  inspect: InspectResult | null;
  sheet: number;
  header: { first: number; count: number };
  proposal: MappingProposal | null;
  mapping: MappingEntry[];
  /** Said after a field moved from one column to another. */
  notice: string | null;
  options: ImportOptionsState;
  /** 1-based sheet rows left out, sent again with every new preview. */
  excluded: number[];
  summary: PreviewSummary | null;
  /** Bumped whenever the summary is replaced, so the paged lists fetch again. */
  version: number;
  result: CommitResult | null;
  undone: boolean;
}

export const INITIAL_WIZARD: ImportWizardData = {
  step: 'file',
  error: null,
  inspect: null,
  sheet: 0,
  header: { first: 1, count: 1 },
  proposal: null,
  mapping: [],
  notice: null,
  options: DEFAULT_OPTIONS,
  excluded: [],
  summary: null,
  version: 0,
  result: null,
  undone: false,
};

interface ImportWizardStore extends ImportWizardData {
  set(patch: Partial<ImportWizardData>): void;
  reset(): void;
}

export const useImportWizard = create<ImportWizardStore>()((set) => ({
  ...INITIAL_WIZARD,
  set: (patch) => set(patch),
  reset: () => set(INITIAL_WIZARD),
}));
