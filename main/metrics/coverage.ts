/**
 * Section 3 of metrics.md: revenue coverage, stakeholder coverage, silent accounts.
 */
import type { MetricSettings } from '../../shared/domain/metrics-settings';
import {
  STAKEHOLDER_ROLES,
  type MinorUnits,
  type RevenueCoverage,
  type SilenceStatus,
  type StakeholderCoverage,
  type StakeholderRole,
} from '../../shared/domain/metrics-types';
import { daysBetween } from './dates';
import { figure, nullFigure, ratioFigure } from './figure';
import { assertAccountArr, assertArr, sumMinorUnits } from './money';

export interface CoverageAccount {
  accountId: string;
  arr: MinorUnits;
  /** At least one valid response in the period. */
  responded: boolean;
}

export function revenueCoverage(accounts: readonly CoverageAccount[], settings: MetricSettings): RevenueCoverage {
  const active = accounts.filter((account) => assertAccountArr(account.arr, account.accountId) > 0);
  const surveyed = active.filter((account) => account.responded);
  const surveyedArr = sumMinorUnits(surveyed.map((account) => account.arr));
  const activeArr = sumMinorUnits(active.map((account) => account.arr));
  const target = settings.revenueCoverageTarget;
  const coverage = ratioFigure(surveyedArr, activeArr, 'no active ARR', {
    formula: 'ARR of accounts with ≥ 1 valid response in the period / total active ARR',
    inputs: { surveyedArr, activeArr, surveyedAccounts: surveyed.length, activeAccounts: active.length, target },
    rule: `target ${target * 100} % per period (workspace setting)`,
    accountIds: surveyed.map((account) => account.accountId),
  });
  return { coverage, target, meetsTarget: coverage.value === null ? null : coverage.value >= target };
}

export interface StakeholderContact {
  role: StakeholderRole | null;
  answeredInWindow: boolean;
}

/** Which roles answered in the window; a contact with no role counts as a user. */
export function stakeholderCoverage(accountId: string, contacts: readonly StakeholderContact[]): StakeholderCoverage {
  const roles = STAKEHOLDER_ROLES.map((role) => {
    const withRole = contacts.filter((contact) => (contact.role ?? 'user') === role);
    return { role, contacts: withRole.length, answered: withRole.filter((contact) => contact.answeredInWindow).length };
  });
  const answered = roles.reduce((sum, role) => sum + role.answered, 0);
  return {
    accountId,
    roles,
    rolesAnswered: roles.filter((role) => role.answered > 0).map((role) => role.role),
    rolesWithoutAnswer: roles.filter((role) => role.answered === 0).map((role) => role.role),
    share: ratioFigure(answered, contacts.length, 'the account has no contacts', {
      formula: 'contacts who answered in the window / contacts',
      inputs: { answered, contacts: contacts.length },
      rule: null,
    }),
  };
}

export interface SilenceInput {
  accountId: string;
  arr: MinorUnits;
  lastResponseAt: string | null;
  lastInterviewAt: string | null;
  /** When the account was first known; silence of a never-heard-from account counts from here. */
  knownSince: string | null;
}

/**
 * Silent: active, and no response and no interview for more than N days. Silence is a risk signal,
 * so an account never heard from is silent too (once N days have passed since it was known).
 */
export function silenceStatus(input: SilenceInput, asOf: string, settings: MetricSettings): SilenceStatus {
  const days = settings.silenceDays;
  const rule = `silent: active and no response or interview for more than ${days} days (workspace setting)`;
  const lastTouch = [input.lastResponseAt, input.lastInterviewAt]
    .filter((date): date is string => date !== null)
    .reduce<string | null>((latest, date) => (latest === null || daysBetween(latest, date) > 0 ? date : latest), null);
  const since = lastTouch ?? input.knownSince;
  const active = assertArr(input.arr, `ARR of ${input.accountId}`) > 0;
  const explanation = {
    formula: 'days from the last response or interview to the as-of date',
    inputs: { lastResponseAt: input.lastResponseAt, lastInterviewAt: input.lastInterviewAt, knownSince: input.knownSince, asOf, silenceDays: days, active },
    rule,
    accountIds: [input.accountId],
  };
  if (since === null) {
    return {
      accountId: input.accountId,
      silent: active,
      daysSinceLastTouch: nullFigure('days', 'never heard from and no known start date', explanation),
      rule: active ? `${rule}; never heard from` : rule,
    };
  }
  const elapsed = daysBetween(since, asOf);
  return {
    accountId: input.accountId,
    silent: active && elapsed > days,
    daysSinceLastTouch: figure('days', elapsed, {
      ...explanation,
      notes: lastTouch === null ? ['never heard from: counted from when the account was known'] : [],
    }),
    rule,
  };
}
