// The Go menu: one entry per top-level screen, in the order of the renderer's navigation. The
// renderer owns the routes; this list must name the same paths (it receives them on 'ax:navigate').

export interface GoRoute {
  label: string;
  route: string;
}

export const GO_ROUTES: readonly GoRoute[] = [
  { label: 'Accounts', route: '/accounts' },
  { label: 'Interviews', route: '/interviews' },
  { label: 'Journeys', route: '/journeys' },
  { label: 'Segments', route: '/segments' },
  { label: 'Monetization', route: '/monetization' },
  { label: 'QBRs', route: '/qbrs' },
  { label: 'Import / Export', route: '/import-export' },
  { label: 'Settings', route: '/settings' },
];

/** Ctrl/Cmd+1 … 9: the digits run out after nine entries, the rest have no shortcut. */
export function goAccelerator(index: number): string | undefined {
  return index < 9 ? `CmdOrCtrl+${index + 1}` : undefined;
}
