/**
 * The shape of the simulated book of business: where accounts are, how big each tier is, and the
 * notes an ARR movement carries. Plain data; the generator draws from it.
 */
import type { AccountTier } from '../../../shared/domain/accounts';

export const REGIONS = ['North America', 'EMEA', 'APAC', 'LATAM'] as const;
export type Region = (typeof REGIONS)[number];
export const REGION_WEIGHTS: Readonly<Record<Region, number>> = { 'North America': 45, EMEA: 30, APAC: 15, LATAM: 10 };

/** Share of accounts per tier: a typical B2B book is mostly mid-market and SMB by count, not by revenue. */
export const TIER_WEIGHTS: Readonly<Record<AccountTier, number>> = { Strategic: 7, Enterprise: 21, 'Mid-market': 40, SMB: 32 };

/** Opening ARR range per tier in whole dollars (drawn log-uniformly, rounded to hundreds). */
export const TIER_ARR_DOLLARS: Readonly<Record<AccountTier, readonly [number, number]>> = {
  Strategic: [800_000, 3_000_000],
  Enterprise: [200_000, 900_000],
  'Mid-market': [50_000, 250_000],
  SMB: [8_000, 60_000],
};

/** Relative stakeholder count and interview volume per tier (bigger accounts, more people to talk to). */
export const TIER_CONTACT_FACTOR: Readonly<Record<AccountTier, number>> = { Strategic: 1.9, Enterprise: 1.35, 'Mid-market': 0.9, SMB: 0.6 };
export const TIER_INTERVIEW_FACTOR: Readonly<Record<AccountTier, number>> = { Strategic: 2.2, Enterprise: 1.5, 'Mid-market': 0.9, SMB: 0.55 };

export const ARR_NOTES: Readonly<Record<'new' | 'expansion' | 'contraction' | 'churn' | 'adjustment' | 'opening', readonly string[]>> = {
  opening: ['Opening balance'],
  new: ['New logo', 'Signed after pilot', 'Won in competitive tender'],
  expansion: ['Added seats', 'Additional site', 'Upgraded to premium tier', 'Analytics add-on'],
  contraction: ['Reduced seats', 'Site closed', 'Downgraded support tier', 'Module dropped at renewal'],
  churn: ['Not renewed', 'Moved to competitor', 'Budget cut', 'Acquired; consolidated on parent contract'],
  adjustment: ['Price indexation', 'Invoice correction', 'Currency adjustment'],
};
