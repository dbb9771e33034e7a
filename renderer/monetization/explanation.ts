/**
 * An explanation is what a person sees after asking "why is this number what it is": the figures
 * involved, each with the provenance the engine returned. Built by the screens, drawn by ExplainDialog.
 */
import type { Figure, IntervalFigure } from '../../shared/domain/metrics-types';

export interface ExplainedFigure {
  label: string;
  figure: Figure | IntervalFigure;
}

export interface Explanation {
  title: string;
  /** One sentence in plain words above the figures. */
  lead?: string;
  figures: ExplainedFigure[];
}

export function isInterval(figure: Figure | IntervalFigure): figure is IntervalFigure {
  return 'low' in figure;
}

/** The engine cuts provenance account lists at 200 ids; the count in the inputs is the real one. */
export const ACCOUNT_ID_CAP = 200;
