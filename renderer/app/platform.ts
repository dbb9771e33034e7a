/** The modifier people press for shortcuts: Cmd on a Mac, Ctrl elsewhere. */
export const isMac: boolean =
  typeof window !== 'undefined' &&
  (window.axBridge?.platform === 'darwin' || (!window.axBridge && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent)));

export const modKeyLabel = isMac ? '⌘' : 'Ctrl';

/** Cmd on a Mac, Ctrl elsewhere: Ctrl+click on a Mac is a right click, not a shortcut. */
export function hasModKey(event: { ctrlKey: boolean; metaKey: boolean }): boolean {
  return isMac ? event.metaKey : event.ctrlKey;
}

/** True when the keystroke belongs to a text field (typing "n" in a name must not open a form). */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  const type = (target as HTMLInputElement).type;
  return !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(type);
}
