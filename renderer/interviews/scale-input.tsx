import { useRef } from 'react';
import type { KeyboardEvent } from 'react';
import { npsCategory } from '../components/nps';
import { digitToScore, scalePoints } from './scale-keys';
import type { DigitBuffer } from './scale-keys';
import { focusNextQuestion } from './question-focus';

interface ScaleInputProps {
  value: number | null;
  scale: { min: number; max: number };
  onChange(value: number | null): void;
  /** The id of the element naming the scale (the question's prompt or the driver's name). */
  labelledBy: string;
  labels?: { min: string | null; max: string | null } | null;
  /** NPS colours the chosen point by category (its name is always said in words next to it). */
  nps?: boolean;
  size?: 'large' | 'compact';
  disabled?: boolean;
}

/**
 * A score as a row of big buttons (a radio group): digits type the score ("1" then "0" for 10), arrows move
 * it, Backspace clears it, Enter moves on to the next question. Only the chosen point is in the tab order.
 */
export function ScaleInput({ value, scale, onChange, labelledBy, labels, nps = false, size = 'large', disabled = false }: ScaleInputProps) {
  const buffer = useRef<DigitBuffer | null>(null);
  const group = useRef<HTMLDivElement>(null);
  const points = scalePoints(scale);
  const focusPoint = (v: number) => group.current?.querySelector<HTMLElement>(`[data-point="${v}"]`)?.focus();

  const set = (v: number | null) => {
    if (disabled) return;
    onChange(v);
    // Roving focus follows the score, but only while focus is still in the scale: a quick Enter after
    // the digit has already moved on, and a late frame must not pull focus back from the next question.
    if (v !== null) requestAnimationFrame(() => {
      if (group.current?.contains(document.activeElement)) focusPoint(v);
    });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const key = event.key;
    if (/^[0-9]$/.test(key)) {
      event.preventDefault();
      const result = digitToScore(buffer.current, key, Date.now(), scale);
      buffer.current = result.buffer;
      if (result.value !== null) set(result.value);
      return;
    }
    buffer.current = null;
    const from = value ?? (key === 'ArrowLeft' || key === 'ArrowUp' ? scale.max + 1 : scale.min - 1);
    if (key === 'ArrowRight' || key === 'ArrowDown') {
      event.preventDefault();
      set(Math.min(scale.max, from + 1));
    } else if (key === 'ArrowLeft' || key === 'ArrowUp') {
      event.preventDefault();
      set(Math.max(scale.min, from - 1));
    } else if (key === 'Home' || key === 'End') {
      event.preventDefault();
      set(key === 'Home' ? scale.min : scale.max);
    } else if (key === 'Backspace' || key === 'Delete') {
      event.preventDefault();
      if (!disabled) onChange(null);
    } else if (key === 'Enter') {
      event.preventDefault();
      focusNextQuestion(event.currentTarget, event.shiftKey ? -1 : 1);
    }
  };

  const tabStop = value ?? scale.min;
  const category = nps ? npsCategory(value) : null;
  return (
    <div className={`scale scale--${size}`}>
      <div ref={group} role="radiogroup" aria-labelledby={labelledBy} aria-disabled={disabled || undefined} className="scale__points" onKeyDown={onKeyDown}>
        {points.map((v) => {
          const checked = v === value;
          const tone = nps ? npsCategory(v) : null;
          return (
            <button
              key={v}
              type="button"
              role="radio"
              aria-checked={checked}
              tabIndex={v === tabStop ? 0 : -1}
              data-point={v}
              data-focus-target={v === tabStop ? '' : undefined}
              className={`scale__point${checked ? ' scale__point--checked' : ''}${tone ? ` scale__point--${tone}` : ''}`}
              onClick={() => set(checked ? null : v)}
              disabled={disabled && !checked}
            >
              {v}
            </button>
          );
        })}
      </div>
      <div className="scale__legend" aria-hidden={labels?.min || labels?.max ? undefined : true}>
        <span>{labels?.min ?? ''}</span>
        {category ? <span className={`scale__category scale__category--${category}`}>{category === 'promoter' ? 'Promoter' : category === 'passive' ? 'Passive' : 'Detractor'}</span> : <span />}
        <span>{labels?.max ?? ''}</span>
      </div>
    </div>
  );
}
