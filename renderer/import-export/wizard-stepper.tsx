import { Icon } from '../components/icons';
import { WIZARD_STEPS, stepIndex } from './wizard-model';
import type { WizardStep } from './wizard-model';

/** Where the person is in the import: done steps ticked, the current one marked for screen readers too. */
export function WizardStepper({ step }: { step: WizardStep }) {
  const current = stepIndex(step);
  return (
    <ol className="ie-stepper" aria-label="Import steps">
      {WIZARD_STEPS.map((s, i) => {
        const state = i < current ? 'done' : i === current ? 'current' : 'todo';
        return (
          <li key={s.id} className={`ie-stepper__step ie-stepper__step--${state}`} aria-current={i === current ? 'step' : undefined}>
            <span className="ie-stepper__marker" aria-hidden="true">
              {state === 'done' ? <Icon name="check" size={14} /> : i + 1}
            </span>
            <span className="ie-stepper__label">
              {s.label}
              {state === 'done' ? <span className="visually-hidden"> (done)</span> : null}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
