import { useId, useState } from 'react';
import type { AccountRow } from '../../shared/contract';
import { api } from '../api';
import { useQuery } from '../app/use-query';
import { useDebounced } from '../accounts/use-debounced';

interface AccountSearchPickerProps {
  value: AccountRow | null;
  onChange(account: AccountRow | null): void;
  error?: string | undefined;
}

/** Finds an account by typing part of its name: a search box over a short radio list of matches. */
export function AccountSearchPicker({ value, onChange, error }: AccountSearchPickerProps) {
  const [text, setText] = useState('');
  const search = useDebounced(text, 150);
  const id = useId();
  const results = useQuery(() => api.accounts.list({ search: search || undefined, sort: 'name', direction: 'asc', limit: 8 }), [search]);
  const rows = results.data?.rows ?? [];
  const shown = value && !rows.some((r) => r.id === value.id) ? [value, ...rows] : rows;

  return (
    <div className="account-picker">
      <label className="field__label" htmlFor={`${id}-search`}>
        Account
      </label>
      <input
        id={`${id}-search`}
        className="input"
        type="search"
        placeholder="Type to find an account…"
        value={text}
        autoComplete="off"
        aria-describedby={error ? `${id}-error` : undefined}
        aria-invalid={error ? true : undefined}
        onChange={(e) => setText(e.target.value)}
        data-autofocus
      />
      <div role="radiogroup" aria-label="Matching accounts" className="account-picker__list">
        {shown.map((a) => (
          <label key={a.id} className={`account-picker__item${value?.id === a.id ? ' account-picker__item--picked' : ''}`}>
            <input type="radio" name={`${id}-account`} checked={value?.id === a.id} onChange={() => onChange(a)} />
            <span className="account-picker__name">{a.name}</span>
            <span className="account-picker__meta">
              {a.contactCount} contact{a.contactCount === 1 ? '' : 's'}
              {a.owner ? ` · ${a.owner}` : ''}
            </span>
          </label>
        ))}
        {results.data && shown.length === 0 ? <p className="muted">No account matches “{text}”.</p> : null}
      </div>
      {error ? (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
