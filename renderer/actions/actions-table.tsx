import { Link } from 'wouter';
import type { ActionRow, ActionStatus } from '../../shared/contract';
import { NpsChip } from '../components/nps-chip';
import { DUE_NAMES, DUE_TONES, LEVEL_NAMES, STATUS_NAMES } from './action-labels';
import { dueText } from './due-text';

interface ActionsTableProps {
  rows: readonly ActionRow[];
  asOf: string;
  onOpen(action: ActionRow): void;
  onQuick(action: ActionRow, status: ActionStatus): void;
  /** The account page already says which account. */
  hideAccount?: boolean;
}

/** Follow-ups as rows: how urgent, what and with whom, the score behind it, who owns it, and the next step. */
export function ActionsTable({ rows, asOf, onOpen, onQuick, hideAccount = false }: ActionsTableProps) {
  return (
    <div className="table-scroll">
      <table className="data-table actions-table">
        <thead>
          <tr>
            <th scope="col">Due</th>
            <th scope="col">Follow-up</th>
            <th scope="col" className="align-center">
              NPS
            </th>
            <th scope="col">Owner and status</th>
            <th scope="col" className="cell-actions">
              <span className="visually-hidden">Next step</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((a) => (
            <tr key={a.id}>
              <td className="actions-table__due">
                <span className={`badge ${DUE_TONES[a.due.state]}`}>{DUE_NAMES[a.due.state]}</span>
                <span className="cell-secondary">{dueText(a, asOf)}</span>
              </td>
              <td className="actions-table__what">
                <button type="button" className="link-button actions-table__title" onClick={() => onOpen(a)}>
                  {a.title}
                </button>
                <span className="cell-secondary">
                  {hideAccount ? null : (
                    <>
                      <Link href={`/accounts/${a.accountId}`}>{a.accountName}</Link>
                      {a.contactName || a.level ? ' · ' : ''}
                    </>
                  )}
                  {[a.contactName, a.level ? LEVEL_NAMES[a.level] : null].filter(Boolean).join(' · ')}
                </span>
                {a.verbatim ? <span className="cell-secondary actions-table__verbatim">“{a.verbatim}”</span> : null}
              </td>
              <td className="align-center">
                <NpsChip score={a.nps} />
              </td>
              <td className="actions-table__owner">
                {a.owner ?? <span className="muted">Nobody yet</span>}
                <span className="cell-secondary">{STATUS_NAMES[a.status]}</span>
              </td>
              <td className="cell-actions">
                {a.status === 'open' ? (
                  <button type="button" className="button button--secondary button--small" onClick={() => onQuick(a, 'contacted')} aria-label={`Mark contacted: ${a.title}`}>
                    Contacted
                  </button>
                ) : null}
                {a.status !== 'closed' ? (
                  <button type="button" className="button button--secondary button--small" onClick={() => onQuick(a, 'closed')} aria-label={`Close: ${a.title}`}>
                    Close…
                  </button>
                ) : (
                  <button type="button" className="button button--ghost button--small" onClick={() => onQuick(a, 'open')} aria-label={`Reopen: ${a.title}`}>
                    Reopen
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
