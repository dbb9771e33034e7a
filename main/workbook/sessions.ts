import crypto from 'node:crypto';
import { ApiError } from '../../shared/contract/errors';
import type { InspectResult } from '../../shared/contract/workbook';
import type { SheetRow, TableSource } from './cells';
import type { Analysis } from './pipeline/analyse';
import type { StagedImport } from './pipeline/staging';
import type { StagingFolder } from './staging-files';
import type { WorkspacePlan } from './export/workspace-import';

export interface ImportSession {
  id: string;
  fileName: string;
  filePath: string;
  sha256: string;
  sizeBytes: number;
  /** The workspace the session was opened against: a commit into another one is refused. */
  workspacePath: string;
  source: TableSource;
  samples: Map<number, SheetRow[]>;
  inspect: InspectResult | null;
  staged: StagedImport | null;
  analysis: Analysis | null;
  workspacePlan: WorkspacePlan | null;
  lastUsed: number;
}

const MAX_SESSIONS = 4;

/** Open imports, each holding its file and, after a preview, its staged rows; the oldest is closed first. */
export class Sessions {
  private readonly sessions = new Map<string, ImportSession>();

  constructor(private readonly staging: StagingFolder) {}

  create(init: Omit<ImportSession, 'id' | 'lastUsed' | 'samples' | 'inspect' | 'staged' | 'analysis' | 'workspacePlan'>): ImportSession {
    while (this.sessions.size >= MAX_SESSIONS) {
      const oldest = [...this.sessions.values()].sort((a, b) => a.lastUsed - b.lastUsed)[0]!;
      this.close(oldest.id);
    }
    const session: ImportSession = { ...init, id: crypto.randomUUID(), lastUsed: Date.now(), samples: new Map(), inspect: null, staged: null, analysis: null, workspacePlan: null };
    this.sessions.set(session.id, session);
    return session;
  }

  get(id: string): ImportSession {
    const session = this.sessions.get(id);
    if (!session) throw new ApiError({ code: 'not_found', message: 'That import is no longer open; choose the file again.' });
    session.lastUsed = Date.now();
    return session;
  }

  close(id: string): boolean {
    const session = this.sessions.get(id);
    if (!session) return false;
    this.sessions.delete(id);
    try {
      session.source.close();
    } catch {
      // Already closed.
    }
    this.staging.remove(session.filePath);
    return true;
  }

  closeAll(): void {
    for (const id of [...this.sessions.keys()]) this.close(id);
  }
}
