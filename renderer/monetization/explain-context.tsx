import { createContext, useCallback, useContext, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { ExplainDialog } from './explain-dialog';
import type { Explanation } from './explanation';

const ExplainContext = createContext<((explanation: Explanation) => void) | null>(null);

/** One explanation dialog for a screen: any figure on it can open it with its own provenance. */
export function ExplainProvider({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState<Explanation | null>(null);
  const explain = useCallback((explanation: Explanation) => setOpen(explanation), []);
  return (
    <ExplainContext.Provider value={explain}>
      {children}
      {open ? <ExplainDialog explanation={open} onClose={() => setOpen(null)} /> : null}
    </ExplainContext.Provider>
  );
}

export function useExplain(): (explanation: Explanation) => void {
  const explain = useContext(ExplainContext);
  if (!explain) throw new Error('useExplain needs an ExplainProvider');
  return explain;
}

/** A figure shown as a button that opens its explanation: keyboard and pointer alike. */
export function ExplainButton({ explanation, children, className = '' }: { explanation: Explanation; children: ReactNode; className?: string }) {
  const explain = useExplain();
  const label = useMemo(() => `Explain ${explanation.title}`, [explanation.title]);
  return (
    <button type="button" className={`figure-link ${className}`} onClick={() => explain(explanation)} title={label}>
      {children}
    </button>
  );
}
