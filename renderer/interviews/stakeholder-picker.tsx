import { useRef, useState } from 'react';
import type { ContactRow } from '../../shared/contract';
import { CONTACT_LEVELS, LEVEL_LABELS } from '../../shared/domain/people';
import type { ContactLevel } from '../../shared/domain/people';
import { Icon } from '../components/icons';
import { NpsChip } from '../components/nps-chip';

export interface NewPerson {
  name: string;
  title: string | null;
  level: ContactLevel | null;
}

interface StakeholderPickerProps {
  contacts: readonly ContactRow[];
  /** Contacts already in the session: shown as such, not offered again. */
  already?: ReadonlySet<string>;
  picked: readonly string[];
  onPicked(ids: string[]): void;
  newPeople: readonly NewPerson[];
  onNewPeople(people: NewPerson[]): void;
  error?: string | undefined;
}

/**
 * Who to see today, in the order ticked (the order of the day), plus people met on the spot: they become
 * contacts of the account when the session starts.
 */
export function StakeholderPicker({ contacts, already = new Set(), picked, onPicked, newPeople, onNewPeople, error }: StakeholderPickerProps) {
  const [name, setName] = useState('');
  const [title, setTitle] = useState('');
  const [level, setLevel] = useState<ContactLevel | ''>('');
  const [nameError, setNameError] = useState<string | null>(null);
  const nameInput = useRef<HTMLInputElement>(null);

  const toggle = (id: string) => onPicked(picked.includes(id) ? picked.filter((p) => p !== id) : [...picked, id]);
  const add = () => {
    if (!name.trim()) {
      setNameError('Give the person’s name');
      nameInput.current?.focus();
      return;
    }
    onNewPeople([...newPeople, { name: name.trim(), title: title.trim() || null, level: level || null }]);
    setName('');
    setTitle('');
    setLevel('');
    setNameError(null);
    // Ready for the next person met on the spot.
    nameInput.current?.focus();
  };

  return (
    <div className="picker">
      {contacts.length === 0 ? <p className="muted">This account has no contacts yet: add the people you meet below.</p> : null}
      <ul className="picker__list" aria-label="Contacts of the account">
        {contacts.map((c) => {
          const order = picked.indexOf(c.id);
          const inSession = already.has(c.id);
          return (
            <li key={c.id}>
              <label className={`picker__item${order >= 0 ? ' picker__item--picked' : ''}`}>
                <input type="checkbox" checked={order >= 0 || inSession} disabled={inSession} onChange={() => toggle(c.id)} />
                <span className="picker__order" aria-hidden="true">
                  {order >= 0 ? order + 1 : ''}
                </span>
                <span className="picker__text">
                  <span className="picker__name">{c.name}</span>
                  <span className="picker__meta">{[c.title, c.level ? LEVEL_LABELS[c.level] : null, inSession ? 'already in this session' : null].filter(Boolean).join(' · ') || '—'}</span>
                </span>
                <NpsChip score={c.lastNps} />
              </label>
            </li>
          );
        })}
        {newPeople.map((p, i) => (
          <li key={`new-${i}`}>
            <div className="picker__item picker__item--picked">
              <span className="badge badge--accent">New</span>
              <span className="picker__order" aria-hidden="true">
                {picked.length + i + 1}
              </span>
              <span className="picker__text">
                <span className="picker__name">{p.name}</span>
                <span className="picker__meta">{[p.title, p.level ? LEVEL_LABELS[p.level] : null].filter(Boolean).join(' · ') || 'met on the spot'}</span>
              </span>
              <button type="button" className="icon-button" aria-label={`Do not add ${p.name}`} onClick={() => onNewPeople(newPeople.filter((_, j) => j !== i))}>
                <Icon name="close" size={16} />
              </button>
            </div>
          </li>
        ))}
      </ul>
      {error ? (
        <p className="field__error" role="alert">
          {error}
        </p>
      ) : null}
      <fieldset className="picker__new">
        <legend className="picker__new-title">Someone new, met on the spot</legend>
        <div className="picker__new-fields">
          <label className="field">
            <span className="field__label">Name</span>
            <input
              ref={nameInput}
              className="input"
              value={name}
              aria-invalid={nameError ? true : undefined}
              onChange={(e) => setName(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  add();
                }
              }}
            />
          </label>
          <label className="field">
            <span className="field__label">Title</span>
            <input className="input" value={title} onChange={(e) => setTitle(e.target.value)} />
          </label>
          <label className="field">
            <span className="field__label">Level</span>
            <select className="select" value={level} onChange={(e) => setLevel(e.target.value as ContactLevel | '')}>
              <option value="">Not known</option>
              {CONTACT_LEVELS.map((l) => (
                <option key={l} value={l}>
                  {LEVEL_LABELS[l]}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="button button--secondary" onClick={add}>
            <Icon name="plus" size={14} />
            Add person
          </button>
        </div>
        {nameError ? <p className="field__error">{nameError}</p> : null}
      </fieldset>
    </div>
  );
}
