import { useEffect, useRef } from 'react';
import type { ReactNode } from 'react';

/**
 * Each wizard step opens with its heading, which takes focus when the step appears (after Next or
 * Back), so keyboard and screen-reader users land at the top of what changed. The first step of a
 * fresh visit does not steal focus from the navigation.
 */
export function StepHeading({ children, focus, description }: { children: ReactNode; focus: boolean; description?: ReactNode }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, []);
  return (
    <div className="ie-step__header">
      <h2 ref={ref} tabIndex={-1} className="ie-step__title">
        {children}
      </h2>
      {description ? <p className="ie-step__description">{description}</p> : null}
    </div>
  );
}
