/**
 * Section 10 of metrics.md: the two rule-based boards. Each placement carries the rule text and the
 * conditions that matched, so a card can answer "why is this account here?".
 */
import type { MetricSettings } from '../../shared/domain/metrics-settings';
import type { MspSegment, NpsCategory, Placement, RiskZone } from '../../shared/domain/metrics-types';
import { daysBetween } from './dates';
import { NPS_RULE_THRESHOLD } from './revenue-at-risk';

export interface RiskSignals {
  /** Headline-method category; null when the account has no score in the window. */
  category: NpsCategory | null;
  /** Account NPS from every valid response in the window (count-all), for rule R1. */
  countAllNps: number | null;
  silent: boolean;
}

/** "At risk (detractor or rule R1)": both conditions, whichever at-risk rule the workspace uses. */
function atRiskConditions(signals: RiskSignals): string[] {
  const matched: string[] = [];
  if (signals.category === 'detractor') matched.push('category detractor');
  if (signals.countAllNps !== null && signals.countAllNps < NPS_RULE_THRESHOLD) {
    matched.push(`account NPS ${signals.countAllNps} < ${NPS_RULE_THRESHOLD} (rule R1)`);
  }
  return matched;
}

function placed<S extends string>(placement: S, rule: string, matched: readonly string[]): Placement<S> {
  return { placement, rule: matched.length ? `${rule}: ${matched.join(', ')}` : rule, matched };
}

export function riskZone(signals: RiskSignals): Placement<RiskZone> {
  const atRisk = atRiskConditions(signals);
  if (atRisk.length) return placed('at-risk', 'At risk: detractor or account NPS < −20', atRisk);
  const gray = [
    ...(signals.category === 'passive' ? ['category passive'] : []),
    ...(signals.silent ? ['silent'] : []),
  ];
  if (gray.length) return placed('gray', 'Gray zone: passive or silent', gray);
  if (signals.category === 'promoter') return placed('safe', 'Safe: promoter', ['category promoter']);
  return placed('unscored', 'Unscored: no score in the window and not silent', []);
}

export interface MspSignals extends RiskSignals {
  weightedScore: number | null;
  /** Weighted score in the previous window, for "fell ≥ 2 points" / "rising ≥ 1 point". */
  previousWeightedScore: number | null;
  renewalDate: string | null;
  contractedLastPeriod: boolean;
  renewalIntent: 'yes' | 'no' | 'unsure' | null;
  successVectorAlert: boolean;
  expansionLastPeriod: boolean;
  openExpansionOpportunity: boolean;
  intentToBuyMore: boolean;
}

function renewalWithin(renewalDate: string | null, asOf: string, days: number): boolean {
  if (renewalDate === null) return false;
  const until = daysBetween(asOf, renewalDate);
  return until >= 0 && until <= days;
}

/** Rules in the order of metrics.md; the first that matches wins. */
export function mspSegment(signals: MspSignals, asOf: string, settings: MetricSettings): Placement<MspSegment> {
  const { renewalWithinDays, passiveFallPoints, passiveRisePoints } = settings.segments;
  const renewalSoon = renewalWithin(signals.renewalDate, asOf, renewalWithinDays);
  const scoreChange =
    signals.weightedScore !== null && signals.previousWeightedScore !== null ? signals.weightedScore - signals.previousWeightedScore : null;
  const atRisk = atRiskConditions(signals);

  const urgency = [
    ...(renewalSoon ? [`renewal within ${renewalWithinDays} days (${signals.renewalDate})`] : []),
    ...(signals.contractedLastPeriod ? ['ARR contracted last period'] : []),
    ...(signals.renewalIntent === 'no' ? ['renewal intent "no"'] : []),
  ];
  if (atRisk.length && urgency.length) {
    return placed('dangling', 'Dangling: at risk AND (renewal soon OR contracted OR renewal intent "no")', [...atRisk, ...urgency]);
  }

  const passiveFalling = signals.category === 'passive' && scoreChange !== null && scoreChange <= -passiveFallPoints;
  const warning = [
    ...atRisk,
    ...(passiveFalling ? [`passive, weighted score fell ${-(scoreChange ?? 0)} points (≥ ${passiveFallPoints})`] : []),
    ...(signals.silent && renewalSoon ? [`silent with renewal within ${renewalWithinDays} days`] : []),
    ...(signals.successVectorAlert ? ['Success Vector alert'] : []),
  ];
  if (warning.length) {
    return placed('at-risk', 'At-Risk: at risk, or passive falling, or silent near renewal, or Success Vector alert', warning);
  }

  const passiveRising = signals.category === 'passive' && scoreChange !== null && scoreChange >= passiveRisePoints;
  const expansion = [
    ...(signals.expansionLastPeriod ? ['expansion last period'] : []),
    ...(signals.openExpansionOpportunity ? ['open expansion opportunity'] : []),
    ...(signals.intentToBuyMore ? ['stated intent to buy more'] : []),
  ];
  if ((signals.category === 'promoter' || passiveRising) && expansion.length) {
    const base = signals.category === 'promoter' ? 'category promoter' : `passive rising ${scoreChange} points (≥ ${passiveRisePoints})`;
    return placed('growth', 'Growth: (promoter or passive rising) AND an expansion signal', [base, ...expansion]);
  }

  if (signals.category === 'passive' || signals.category === 'promoter') {
    return placed('happy', 'Happy: passive or promoter, no other rule matched', [`category ${signals.category}`]);
  }
  return placed('unscored', 'Unscored: no data in the window', []);
}

/** A manual placement: allowed only with a reason, kept beside the rule-based one. */
export function withOverride<S extends string>(placement: Placement<S>, override: { placement: S; reason: string }): Placement<S> {
  const reason = override.reason.trim();
  if (reason === '') throw new RangeError('a manual override needs a reason');
  return { ...placement, override: { placement: override.placement, reason } };
}
