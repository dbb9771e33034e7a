/**
 * Keyboard flow through the interview form: every question block carries `data-question`, and "move on"
 * puts focus on the next block's own target (the chosen score, the first option, the text box).
 */
export function focusTargetOf(block: Element): HTMLElement | null {
  return block.querySelector<HTMLElement>('[data-focus-target][tabindex="0"], [data-focus-target]:not([tabindex])');
}

export function focusNextQuestion(from: Element, step: 1 | -1 = 1): void {
  const block = from.closest('[data-question]');
  const form = from.closest('[data-interview-form]');
  if (!block || !form) return;
  const blocks = [...form.querySelectorAll('[data-question]')];
  const next = blocks[blocks.indexOf(block) + step];
  if (next) {
    const target = focusTargetOf(next);
    target?.focus();
    target?.scrollIntoView({ block: 'nearest' });
  } else if (step === 1) {
    form.querySelector<HTMLElement>('[data-complete-button]')?.focus();
  }
}

/** The first question of the form, where a stakeholder's interview starts. */
export function focusFirstQuestion(form: Element | null): void {
  const first = form?.querySelector('[data-question]');
  if (first) focusTargetOf(first)?.focus();
}
