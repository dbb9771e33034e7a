import type { KeyboardEvent } from 'react';
import { focusNextQuestion } from './question-focus';

interface ChoiceInputProps {
  options: readonly string[];
  /** Single choice: the option or null; multiple choice: the options picked. */
  value: string | readonly string[] | null;
  multiple: boolean;
  onChange(value: string | string[] | null): void;
  labelledBy: string;
  disabled?: boolean;
}

/**
 * Options as big numbered buttons: digit n picks (or, for several, toggles) option n, arrows move between
 * options, Enter moves on. A radio group for one answer, a group of checkboxes for several.
 */
export function ChoiceInput({ options, value, multiple, onChange, labelledBy, disabled = false }: ChoiceInputProps) {
  const picked = new Set(multiple ? ((value as readonly string[] | null) ?? []) : value ? [value as string] : []);

  const toggle = (option: string) => {
    if (disabled) return;
    if (!multiple) onChange(picked.has(option) ? null : option);
    else {
      const next = options.filter((o) => (o === option ? !picked.has(o) : picked.has(o)));
      onChange(next.length > 0 ? next : null);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const buttons = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('button')];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (/^[1-9]$/.test(event.key)) {
      const option = options[Number(event.key) - 1];
      if (option !== undefined) {
        event.preventDefault();
        toggle(option);
        buttons[Number(event.key) - 1]?.focus();
      }
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowRight') {
      event.preventDefault();
      buttons[Math.min(buttons.length - 1, at + 1)]?.focus();
    } else if (event.key === 'ArrowUp' || event.key === 'ArrowLeft') {
      event.preventDefault();
      buttons[Math.max(0, at - 1)]?.focus();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      focusNextQuestion(event.currentTarget, event.shiftKey ? -1 : 1);
    }
  };

  const firstPicked = options.findIndex((o) => picked.has(o));
  const tabStop = firstPicked >= 0 ? firstPicked : 0;
  return (
    <div role={multiple ? 'group' : 'radiogroup'} aria-labelledby={labelledBy} className="choices" onKeyDown={onKeyDown}>
      {options.map((option, i) => {
        const on = picked.has(option);
        return (
          <button
            key={option}
            type="button"
            role={multiple ? 'checkbox' : 'radio'}
            aria-checked={on}
            tabIndex={i === tabStop ? 0 : -1}
            data-focus-target={i === tabStop ? '' : undefined}
            className={`choice${on ? ' choice--checked' : ''}`}
            onClick={() => toggle(option)}
            disabled={disabled}
          >
            <span className="choice__key" aria-hidden="true">
              {i < 9 ? i + 1 : ''}
            </span>
            <span className="choice__label">{option}</span>
            <span className="choice__mark" aria-hidden="true">
              {on ? '✓' : ''}
            </span>
          </button>
        );
      })}
    </div>
  );
}
