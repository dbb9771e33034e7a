/**
 * Seeded generator for the demo workspace and the benchmark workspace.
 *
 * One latent "health" per account and quarter drives both what stakeholders say (NPS, driver
 * ratings, verbatims) and what the account is worth (expansion, contraction, churn), so that the
 * metrics built on top (revenue at risk, driver cost, evidence-based churn) have a signal to find.
 *
 * Speed matters (1M interviews in about a minute): raw prepared statements in one transaction,
 * typed arrays instead of per-row objects, and interviews inserted in time order so that their
 * UUIDv7 keys append to the B-trees instead of splitting pages all over the file.
 *
 * This module is the order of the steps; each step lives in generator/. The steps share one random
 * stream, so the same seed gives the same workspace only as long as this order (and the order of
 * draws inside each step) stays as it is.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { planAccounts } from './generator/account-plan';
import { insertAccounts } from './generator/accounts';
import { insertExpansionActions } from './generator/actions';
import { loadInOneTransaction } from './generator/bulk-load';
import { allocateContactArrays } from './generator/contacts';
import { createContext, reportProgress } from './generator/context';
import type { GenerationContext } from './generator/context';
import { insertInterviews } from './generator/interviews';
import { validateOptions } from './generator/options';
import type { GenerateOptions, GenerateSummary } from './generator/options';
import { insertQbrsAndMilestones, planQbrs } from './generator/qbrs-and-milestones';
import { insertDrivers, insertJourney } from './generator/reference-data';
import { DAY, buildTimeline } from './generator/timeline';

export type { GenerateOptions, GenerateSummary } from './generator/options';

export function generateWorkspaceData(raw: BetterSqlite3.Database, options: GenerateOptions): GenerateSummary {
  validateOptions(options);
  const timeline = buildTimeline(options.today, options.quarters);
  const ctx = createContext(raw, options, timeline);
  return loadInOneTransaction(raw, options, () => fillWorkspace(ctx));
}

function fillWorkspace(ctx: GenerationContext): GenerateSummary {
  const withQbrs = ctx.options.withQbrs !== false;
  const setupMs = ctx.timeline.quarterEnds[0]! - 400 * DAY;
  insertDrivers(ctx, setupMs);
  insertJourney(ctx, setupMs);
  allocateContactArrays(ctx);
  insertAccounts(ctx, planAccounts(ctx));
  // QBR days are planned before interviews because QBR interviews happen on them.
  if (withQbrs) planQbrs(ctx);
  insertInterviews(ctx);
  if (withQbrs) insertQbrsAndMilestones(ctx);
  if (ctx.options.withActions !== false) insertExpansionActions(ctx);
  reportProgress(ctx, ctx.progressTotal);
  return { ...ctx.summary };
}
