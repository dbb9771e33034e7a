import type { AccountDetail } from '../../shared/contract';
import { useFormat } from '../app/use-format';
import { Icon } from '../components/icons';
import { NpsChip } from '../components/nps-chip';
import { RENEWAL_INTENT_LABELS } from './account-form-model';
import { TierBadge } from './tier-badge';

const INTENT_TONE = { yes: 'badge--success', unsure: 'badge--warning', no: 'badge--danger' } as const;

/** Who the account is, what it is worth and when it renews: the first things asked about any account. */
export function AccountHeader({ account, onEdit, onDelete }: { account: AccountDetail; onEdit: () => void; onDelete: () => void }) {
  const fmt = useFormat();
  const facts = [account.industry, account.region].filter(Boolean).join(' · ');
  return (
    <header className="account-header card">
      <div className="account-header__main">
        <div className="account-header__title-row">
          <h1 className="account-header__name">{account.name}</h1>
          {account.tier ? <TierBadge tier={account.tier} /> : null}
        </div>
        <p className="account-header__facts">
          {facts || <span className="muted">No industry or region yet</span>}
          {account.externalId ? <span className="account-header__external mono">{account.externalId}</span> : null}
        </p>
        <div className="account-header__actions">
          <button type="button" className="button button--secondary button--small" onClick={onEdit}>
            <Icon name="edit" size={14} />
            Edit
          </button>
          <button type="button" className="button button--danger button--small" onClick={onDelete}>
            <Icon name="trash" size={14} />
            Delete
          </button>
        </div>
      </div>
      <dl className="account-header__stats">
        <div className="stat stat--large">
          <dt>ARR today</dt>
          <dd className="num">{fmt.money(account.arrMinor)}</dd>
        </div>
        <div className="stat">
          <dt>Renewal</dt>
          <dd>
            <span className="num">{fmt.date(account.renewalDate)}</span>
            {account.renewalIntent ? (
              <span className={`badge ${INTENT_TONE[account.renewalIntent]} stat__badge`}>{RENEWAL_INTENT_LABELS[account.renewalIntent]}</span>
            ) : null}
          </dd>
        </div>
        <div className="stat">
          <dt>Owner</dt>
          <dd>{account.owner ?? <span className="muted">Nobody yet</span>}</dd>
        </div>
        <div className="stat">
          <dt>Last NPS</dt>
          <dd className="stat__nps">
            <NpsChip score={account.lastNps} showLabel />
            {account.lastResponseAt ? <span className="stat__meta">{fmt.date(account.lastResponseAt.slice(0, 10))}</span> : null}
          </dd>
        </div>
      </dl>
    </header>
  );
}
