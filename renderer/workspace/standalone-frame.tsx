import type { ReactNode } from 'react';
import { Toaster } from '../components/toaster';

/** The frame of screens shown before a workspace is open: brand, title, lead, content. */
export function StandaloneFrame({ title, lead, children, tone = 'neutral' }: { title: string; lead: ReactNode; children: ReactNode; tone?: 'neutral' | 'problem' }) {
  return (
    <main className={`standalone standalone--${tone}`}>
      <div className="standalone__inner">
        <div className="standalone__brand">
          <span className="brand__mark" aria-hidden="true">
            AX
          </span>
          <span className="standalone__brand-name">AX Workbench</span>
        </div>
        <header>
          <h1 className="standalone__title">{title}</h1>
          <div className="standalone__lead">{lead}</div>
        </header>
        {children}
      </div>
      <Toaster />
    </main>
  );
}
