import { useEffect, useId, useRef, useState } from 'react';
import { Icon } from '../components/icons';
import { touchpointLabel } from './use-vocabulary';
import type { Vocabulary } from './use-vocabulary';

export interface TagValue {
  driverIds: readonly string[];
  touchpointIds: readonly string[];
}

interface TagPickerProps {
  /** What is tagged, for the button's accessible name ("Tag the verbatim"). */
  what: string;
  value: TagValue;
  vocabulary: Vocabulary;
  onChange(value: TagValue): void;
  disabled?: boolean;
}

const toggled = (list: readonly string[], id: string) => (list.includes(id) ? list.filter((x) => x !== id) : [...list, id]);

/**
 * Drivers and journey touchpoints attached to an answer: chips for what is tagged, and a small panel of
 * checkboxes to change it (Escape or a click elsewhere closes it, focus returns to the button).
 */
export function TagPicker({ what, value, vocabulary, onChange, disabled }: TagPickerProps) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const wrap = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const count = value.driverIds.length + value.touchpointIds.length;
  const nothingToTag = vocabulary.drivers.length === 0 && vocabulary.touchpoints.length === 0;

  useEffect(() => {
    if (!open) return;
    wrap.current?.querySelector<HTMLElement>('.tag-panel input')?.focus();
    const onPointer = (event: PointerEvent) => {
      if (!wrap.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };

  return (
    <div className="tags" ref={wrap}>
      {value.driverIds.map((id) => (
        <span key={`d${id}`} className="tag tag--driver">
          <span className="visually-hidden">Driver: </span>
          {vocabulary.driverName(id)}
          {disabled ? null : (
            <button type="button" className="tag__remove" aria-label={`Remove driver ${vocabulary.driverName(id)} from ${what}`} onClick={() => onChange({ ...value, driverIds: toggled(value.driverIds, id) })}>
              <Icon name="close" size={12} />
            </button>
          )}
        </span>
      ))}
      {value.touchpointIds.map((id) => (
        <span key={`t${id}`} className="tag tag--touchpoint">
          <span className="visually-hidden">Touchpoint: </span>
          {vocabulary.touchpointName(id)}
          {disabled ? null : (
            <button type="button" className="tag__remove" aria-label={`Remove touchpoint ${vocabulary.touchpointName(id)} from ${what}`} onClick={() => onChange({ ...value, touchpointIds: toggled(value.touchpointIds, id) })}>
              <Icon name="close" size={12} />
            </button>
          )}
        </span>
      ))}
      {disabled || nothingToTag ? null : (
        <button
          ref={button}
          type="button"
          className="button button--ghost button--small tags__add"
          aria-expanded={open}
          aria-controls={open ? panelId : undefined}
          aria-label={`Tag ${what} with drivers and touchpoints`}
          onClick={() => setOpen((o) => !o)}
        >
          <Icon name="plus" size={14} />
          {count > 0 ? 'Tags' : 'Tag'}
        </button>
      )}
      {open ? (
        <div
          id={panelId}
          className="popover tag-panel"
          role="dialog"
          aria-label={`Tags for ${what}`}
          onBlur={(event) => {
            // Tabbing out of the panel closes it, so it never hides the next question.
            if (event.relatedTarget instanceof Node && !wrap.current?.contains(event.relatedTarget)) setOpen(false);
          }}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.preventDefault();
              event.stopPropagation();
              close();
            }
          }}
        >
          {vocabulary.drivers.length > 0 ? (
            <fieldset className="tag-panel__group">
              <legend className="popover__section-label">Drivers</legend>
              {vocabulary.drivers.map((d) => (
                <label key={d.id} className="checkbox tag-panel__item">
                  <input type="checkbox" checked={value.driverIds.includes(d.id)} onChange={() => onChange({ ...value, driverIds: toggled(value.driverIds, d.id) })} />
                  {d.name}
                </label>
              ))}
            </fieldset>
          ) : null}
          {vocabulary.touchpoints.length > 0 ? (
            <fieldset className="tag-panel__group">
              <legend className="popover__section-label">Touchpoints</legend>
              {vocabulary.touchpoints.map((t) => (
                <label key={t.id} className="checkbox tag-panel__item">
                  <input type="checkbox" checked={value.touchpointIds.includes(t.id)} onChange={() => onChange({ ...value, touchpointIds: toggled(value.touchpointIds, t.id) })} />
                  {touchpointLabel(t)}
                </label>
              ))}
            </fieldset>
          ) : null}
          <div className="tag-panel__footer">
            <button type="button" className="button button--secondary button--small" onClick={close}>
              Done
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
