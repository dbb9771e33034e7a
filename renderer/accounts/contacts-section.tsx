import { useState } from 'react';
import type { AccountDetail, ContactRow } from '../../shared/contract';
import { LEVEL_LABELS, ROLE_LABELS } from '../../shared/domain/people';
import { showToast } from '../state/toast-store';
import { EmptyState } from '../components/empty-state';
import { Icon } from '../components/icons';
import { NpsChip } from '../components/nps-chip';
import { ContactFormDialog } from './contact-form-dialog';
import { deleteContactWithUndo } from './soft-delete';

const dash = <span className="muted">—</span>;

export function ContactsSection({ account, onChanged }: { account: AccountDetail; onChanged: () => void }) {
  const [editing, setEditing] = useState<ContactRow | 'new' | null>(null);
  const contacts = account.contacts;

  const remove = async (contact: ContactRow) => {
    try {
      await deleteContactWithUndo(contact);
      onChanged();
    } catch (err) {
      showToast(`Could not remove ${contact.name}: ${err instanceof Error ? err.message : String(err)}`, 'error');
    }
  };

  return (
    <section className="card" aria-labelledby="contacts-title">
      <div className="card__header">
        <h2 id="contacts-title" className="card__title">
          Contacts <span className="card__count">{contacts.length}</span>
        </h2>
        <button type="button" className="button button--secondary button--small" onClick={() => setEditing('new')}>
          <Icon name="plus" size={14} />
          Add contact
        </button>
      </div>
      <div className="card__body card__body--flush">
        {contacts.length === 0 ? (
          <EmptyState icon="users" title="No contacts yet" headingLevel={3}>
            <p>Add the people you talk to here: decision makers, influencers and users, at executive, management and frontline level.</p>
          </EmptyState>
        ) : (
          <div className="table-scroll">
            <table className="data-table">
              <caption className="visually-hidden">Contacts at {account.name}</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Title</th>
                  <th scope="col">Role</th>
                  <th scope="col">Level</th>
                  <th scope="col">Email</th>
                  <th scope="col" className="align-center">
                    Last NPS
                  </th>
                  <th scope="col" className="cell-actions">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {contacts.map((c) => (
                  <tr key={c.id}>
                    <td className="cell-primary cell-truncate" title={c.name}>
                      {c.name}
                    </td>
                    <td className="cell-truncate" title={c.title ?? undefined}>
                      {c.title ?? dash}
                    </td>
                    <td>{c.role ? ROLE_LABELS[c.role] : dash}</td>
                    <td>{c.level ? LEVEL_LABELS[c.level] : dash}</td>
                    <td className="cell-email" title={c.email ?? undefined}>{c.email ? <a href={`mailto:${c.email}`}>{c.email}</a> : dash}</td>
                    <td className="align-center">
                      <NpsChip score={c.lastNps} />
                    </td>
                    <td className="cell-actions">
                      <button type="button" className="icon-button" onClick={() => setEditing(c)} aria-label={`Edit ${c.name}`} title="Edit">
                        <Icon name="edit" size={16} />
                      </button>
                      <button type="button" className="icon-button icon-button--danger" onClick={() => void remove(c)} aria-label={`Remove ${c.name}`} title="Remove">
                        <Icon name="trash" size={16} />
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
      {editing ? (
        <ContactFormDialog
          accountId={account.id}
          accountName={account.name}
          contact={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
          onSaved={(saved) => {
            setEditing(null);
            showToast(editing === 'new' ? `Added ${saved.name}` : `Saved ${saved.name}`, 'success');
            onChanged();
          }}
        />
      ) : null}
    </section>
  );
}
