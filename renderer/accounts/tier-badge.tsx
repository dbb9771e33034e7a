import type { AccountTier } from '../../shared/domain/accounts';

/** Tiers read as a quiet label; only Strategic stands out, as the accounts that get the most attention. */
export function TierBadge({ tier }: { tier: AccountTier }) {
  return <span className={`badge${tier === 'Strategic' ? ' badge--accent' : ''}`}>{tier}</span>;
}
