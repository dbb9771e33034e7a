import { useLayoutEffect, useRef } from 'react';
import type { KeyboardEvent } from 'react';
import { focusNextQuestion } from './question-focus';

interface TextAnswerProps {
  value: string;
  onChange(value: string): void;
  labelledBy: string;
  /** The same words as the labelling element: tools that skip off-screen text still find a name. */
  label: string;
  describedBy?: string | undefined;
  placeholder?: string;
  disabled?: boolean;
  /** Notes at the end of the form: Enter is a new line there (nothing comes after them). */
  enterMovesOn?: boolean;
  rows?: number;
}

/** A text box that grows with what is typed; Enter moves on (Shift+Enter starts a new line). */
export function TextAnswer({ value, onChange, labelledBy, label, describedBy, placeholder, disabled, enterMovesOn = true, rows = 3 }: TextAnswerProps) {
  const ref = useRef<HTMLTextAreaElement>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.style.height = 'auto';
    el.style.height = `${Math.min(el.scrollHeight + 2, 360)}px`;
  }, [value]);

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (enterMovesOn && event.key === 'Enter' && !event.shiftKey && !event.ctrlKey && !event.metaKey && !event.altKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      focusNextQuestion(event.currentTarget);
    }
  };

  return (
    <textarea
      ref={ref}
      className="textarea interview-text"
      data-focus-target=""
      aria-labelledby={labelledBy}
      aria-label={label}
      aria-describedby={describedBy}
      rows={rows}
      value={value}
      placeholder={placeholder}
      disabled={disabled}
      spellCheck
      onChange={(event) => onChange(event.target.value)}
      onKeyDown={onKeyDown}
    />
  );
}
