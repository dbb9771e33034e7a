export const ACCOUNT_TIERS = ['Strategic', 'Enterprise', 'Mid-market', 'SMB'] as const;
export type AccountTier = (typeof ACCOUNT_TIERS)[number];

export const RENEWAL_INTENTS = ['yes', 'unsure', 'no'] as const;
export type RenewalIntent = (typeof RENEWAL_INTENTS)[number];

export const ARR_CHANGE_KINDS = ['new', 'renewal', 'expansion', 'contraction', 'churn', 'adjustment'] as const;
export type ArrChangeKind = (typeof ARR_CHANGE_KINDS)[number];

export const ACCOUNT_SORT_FIELDS = ['name', 'industry', 'tier', 'region', 'owner', 'arr', 'renewalDate', 'lastNps', 'updatedAt'] as const;
export type AccountSortField = (typeof ACCOUNT_SORT_FIELDS)[number];

/** Matching key for accounts: case, accents, punctuation and legal suffixes do not make two companies different. */
export function normalizeAccountName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .replace(/\b(inc|incorporated|llc|ltd|limited|gmbh|ag|sa|sas|bv|plc|corp|corporation|co|company)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
