import { createContext, useContext } from 'react';
import type { WorkspaceInfo } from '../../shared/contract';

const WorkspaceContext = createContext<WorkspaceInfo | null>(null);

export const WorkspaceProvider = WorkspaceContext.Provider;

/** The open workspace: its currency and locale format every amount and date on screen. */
export function useWorkspace(): WorkspaceInfo {
  const workspace = useContext(WorkspaceContext);
  if (!workspace) throw new Error('useWorkspace needs an open workspace (WorkspaceProvider).');
  return workspace;
}
