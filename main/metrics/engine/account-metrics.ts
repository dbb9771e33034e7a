/**
 * metrics.account: one account's own figures. Default period: the 12 months to today. Its trend,
 * Success Vector history and segments explain themselves, down to the conditions that matched.
 */
import type { Kysely } from 'kysely';
import type { AccountMetrics, AccountTrendPoint, MetricsPeriodInput } from '../../../shared/contract/metrics';
import type { AccountTier, RenewalIntent } from '../../../shared/domain/accounts';
import type { AccountNpsResult, SilenceStatus } from '../../../shared/domain/metrics-types';
import type { MetricSettings } from '../../../shared/domain/metrics-settings';
import type { Database } from '../../db/tables';
import { accountNps, accountScoresFromResponses, inWindow, tallyContacts, type WindowResponse } from '../account-nps';
import { silenceStatus, stakeholderCoverage } from '../coverage';
import { figure } from '../figure';
import { isAccountAtRisk, NPS_RULE_THRESHOLD } from '../revenue-at-risk';
import { retention } from '../retention';
import { accountState, placements, type AccountState } from './account-state';
import { addDays, previousWindow, resolvePeriod, retentionStart, trendQuarters, type Window } from './period';
import { readMetricSettings } from './settings-store';
import {
  accountArrAt,
  accountAttributes,
  accountContacts,
  accountLastTouch,
  accountNegativeDrivers,
  accountResponses,
  hasOpenExpansionAction,
} from './sql-account-detail';
import { driverLabels } from './sql-driver-citations';
import { segmentOverrides } from './sql-overrides';
import { milestonesDueBy, qbrsUpTo } from './sql-success-vector';
import { successVectorAlert, successVectorHistory } from './success-vector-history';
import { TREND_QUARTERS } from './trends';

function scoresIn(accountId: string, arr: number, responses: readonly WindowResponse[], window: Window, settings: MetricSettings): AccountNpsResult {
  return accountNps(accountScoresFromResponses(accountId, arr, responses, window), settings);
}

export async function computeAccountMetrics(
  db: Kysely<Database>,
  request: { accountId: string; period?: MetricsPeriodInput },
  today: string,
): Promise<AccountMetrics> {
  const { settings, fiscalYearStartMonth } = await readMetricSettings(db);
  const attrs = await accountAttributes(db, request.accountId);
  const period = resolvePeriod(request.period, today, fiscalYearStartMonth, 'trailing12');
  const window = { from: period.from, to: period.to };
  const asOf = period.to < today ? period.to : today;
  const t0 = retentionStart(period.to);
  const previous = previousWindow(period);
  const quarters = trendQuarters(period.to, fiscalYearStartMonth, TREND_QUARTERS, today);
  const earliest = [previous.from, window.from, quarters[0]!.from].sort()[0]!;

  const [[arr, arrWindowStart, arrT0], responses, negative, labels, contacts, lastTouch, qbrs, milestones, overrides, expansionAction] = await Promise.all([
    accountArrAt(db, attrs.id, [period.to, addDays(period.from, -1), t0]),
    accountResponses(db, attrs.id, { from: earliest, to: period.to }),
    accountNegativeDrivers(db, attrs.id, window, settings.driverScale.negativeAtMost),
    driverLabels(db),
    accountContacts(db, attrs.id),
    accountLastTouch(db, attrs.id, asOf),
    qbrsUpTo(db, asOf, attrs.id),
    milestonesDueBy(db, asOf, attrs.id),
    segmentOverrides(db, attrs.id),
    hasOpenExpansionAction(db, attrs.id),
  ]);

  const current = accountScoresFromResponses(attrs.id, arr ?? 0, responses, window);
  const state = accountState(
    {
      attrs,
      arr: arr ?? 0,
      arrWindowStart: arrWindowStart ?? 0,
      arrT0: arrT0 ?? 0,
      facts: { counts: current.responseCounts ?? { promoters: 0, passives: 0, detractors: 0 }, contacts: tallyContacts(current.contactScores) },
      lastTouch,
    },
    asOf,
    settings,
  );
  // The page explains itself: the full, figure-by-figure results of the pure functions.
  const nps = accountNps(current, settings);
  const silence = silenceStatus(
    { accountId: attrs.id, arr: state.arr, lastResponseAt: lastTouch, lastInterviewAt: lastTouch, knownSince: attrs.createdAt },
    asOf,
    settings,
  );
  const history = successVectorHistory(qbrs, milestones);
  const nrr = state.arrT0 > 0 ? state.arr / state.arrT0 : null;
  const alert = successVectorAlert(history, nrr, settings);
  const placed = placements(
    state,
    {
      previousWeightedScore: scoresIn(attrs.id, 0, responses, previous, settings).weighted.score.value,
      successVectorAlert: alert.raised,
      openExpansionAction: expansionAction,
      overrides: overrides.get(attrs.id),
    },
    asOf,
    settings,
  );
  const answered = new Set(responses.filter((response) => inWindow(response.interviewDate, window)).map((response) => response.contactId));
  const retained = retention([{ accountId: attrs.id, arrStart: state.arrT0, arrEnd: state.arr }]);
  const negativeDrivers = negative.map((driverId) => ({ driverId, label: labels[driverId] ?? driverId }));
  const arrExplanation = (day: string) => ({ formula: 'latest live ARR record dated on or before the day', inputs: { day }, rule: 'ARR at a day (metrics.md conventions)', accountIds: [attrs.id] });

  return {
    account: {
      id: attrs.id,
      name: attrs.name,
      tier: attrs.tier as AccountTier | null,
      industry: attrs.industry,
      region: attrs.region,
      owner: attrs.owner,
      renewalDate: attrs.renewalDate,
      renewalIntent: attrs.renewalIntent as RenewalIntent | null,
    },
    period,
    asOf,
    arr: figure('minor-units', state.arr, arrExplanation(period.to)),
    scores: { scored: nps.scored, countAll: nps.countAll, average: nps.average, waterfall: nps.waterfall, weighted: nps.weighted, headline: nps.headline },
    headlineMethod: settings.headlineMethod,
    category: state.category,
    atRisk: { ...isAccountAtRisk({ accountId: attrs.id, category: state.category, countAllNps: state.countAllNps }, settings.atRiskRule), why: whyAtRisk(state, nps, silence, settings, negativeDrivers.map((driver) => driver.label)), negativeDrivers },
    silence,
    trend: quarters.map((point): AccountTrendPoint => {
      const result = scoresIn(attrs.id, 0, responses, point, settings);
      return {
        period: point,
        responses: result.countAll.counts.total,
        countAllNps: result.countAll.nps,
        scores: { average: result.average, waterfall: result.waterfall, weighted: result.weighted },
        headlineCategory: result.headline.category,
      };
    }),
    stakeholderCoverage: stakeholderCoverage(
      attrs.id,
      contacts.map((contact) => ({ role: contact.role, answeredInWindow: answered.has(contact.id) })),
    ),
    retention: {
      arrStart: figure('minor-units', state.arrT0, arrExplanation(t0)),
      arrEnd: figure('minor-units', state.arr, arrExplanation(period.to)),
      nrr: retained.nrr,
      grr: retained.grr,
      class: retained.accounts[0]?.class ?? null,
    },
    successVector: { history, alert },
    riskZone: placed.riskZone,
    mspSegment: placed.mspSegment,
    settings,
  };
}

/** The conditions behind the at-risk decision, in words, whichever way it went. */
function whyAtRisk(state: AccountState, nps: AccountNpsResult, silence: SilenceStatus, settings: MetricSettings, negativeDriverLabels: readonly string[]): string[] {
  const why: string[] = [];
  const headline = nps.headline;
  if (!nps.scored) why.push('no valid response in the period: unscored, not at risk by rule (see silence)');
  else if (settings.atRiskRule === 'detractor') {
    why.push(`${headline.method} score ${headline.score.value?.toFixed(2) ?? '—'} → ${headline.category ?? 'unscored'} (detractor means at risk)`);
  } else {
    const nps = state.countAllNps;
    why.push(`account NPS (count-all) ${nps === null ? '—' : nps.toFixed(1)} ${nps !== null && nps < NPS_RULE_THRESHOLD ? '<' : '≥'} ${NPS_RULE_THRESHOLD}`);
  }
  if (state.arr === 0) why.push('no ARR at the period’s end: not an active account, counted in no portfolio figure');
  if (negativeDriverLabels.length > 0) why.push(`drivers rated negatively: ${negativeDriverLabels.join(', ')}`);
  if (silence.silent) why.push(`silent: ${silence.rule}`);
  return why;
}
