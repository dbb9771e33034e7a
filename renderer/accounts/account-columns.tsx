import type { ReactNode } from 'react';
import type { AccountRow } from '../../shared/contract';
import type { AccountSortField } from '../../shared/domain/accounts';
import type { Formatters } from '../app/use-format';
import { NpsChip } from '../components/nps-chip';
import { TierBadge } from './tier-badge';

export interface AccountColumn {
  id: string;
  label: string;
  /** Absent: the column cannot be sorted by the core. */
  sort?: AccountSortField;
  align?: 'start' | 'end' | 'center';
  /** A CSS grid track size. */
  width: string;
  render(row: AccountRow, fmt: Formatters): ReactNode;
}

// The title shows text a narrow column cut short.
const text = (value: string | null) => (value ? <span title={value}>{value}</span> : <span className="muted">—</span>);

export const ACCOUNT_COLUMNS: readonly AccountColumn[] = [
  {
    id: 'name',
    label: 'Account',
    sort: 'name',
    width: 'minmax(160px, 2fr)',
    render: (row) => (
      <span className="accounts-grid__name" title={row.name}>
        {row.name}
      </span>
    ),
  },
  { id: 'industry', label: 'Industry', sort: 'industry', width: 'minmax(118px, 1.2fr)', render: (row) => text(row.industry) },
  { id: 'tier', label: 'Tier', sort: 'tier', width: '116px', render: (row) => (row.tier ? <TierBadge tier={row.tier} /> : text(null)) },
  { id: 'region', label: 'Region', sort: 'region', width: 'minmax(108px, 1fr)', render: (row) => text(row.region) },
  { id: 'owner', label: 'Owner', sort: 'owner', width: 'minmax(118px, 1.2fr)', render: (row) => text(row.owner) },
  { id: 'arr', label: 'ARR', sort: 'arr', align: 'end', width: 'minmax(108px, 0.9fr)', render: (row, fmt) => fmt.money(row.arrMinor) },
  { id: 'renewal', label: 'Renewal', sort: 'renewalDate', width: '122px', render: (row, fmt) => (row.renewalDate ? fmt.date(row.renewalDate) : text(null)) },
  { id: 'contacts', label: 'Contacts', align: 'end', width: '86px', render: (row, fmt) => fmt.number(row.contactCount) },
  { id: 'nps', label: 'Last NPS', sort: 'lastNps', align: 'center', width: '84px', render: (row) => <NpsChip score={row.lastNps} /> },
];

export const ACCOUNT_GRID_TEMPLATE = ACCOUNT_COLUMNS.map((c) => c.width).join(' ');
