import path from 'node:path';

// Which command-line argument is a workspace file: Windows and Linux pass a double-clicked .axw as
// an argument (to the first instance, or to the second one that forwards it); macOS uses 'open-file'.

export const WORKSPACE_EXTENSIONS = ['axw', 'sqlite', 'db'] as const;

export function isWorkspaceFileName(name: string): boolean {
  const ext = path.extname(name).slice(1).toLowerCase();
  return (WORKSPACE_EXTENSIONS as readonly string[]).includes(ext);
}

/**
 * The last argument that names a workspace file, resolved against the launching directory.
 * Switches (Chromium's, or ours) are skipped; so is the app path of a development launch ('.').
 */
export function workspaceFileFromArgv(argv: readonly string[], cwd: string): string | undefined {
  const candidates = argv.slice(1).filter((arg) => !arg.startsWith('-') && isWorkspaceFileName(arg));
  const last = candidates[candidates.length - 1];
  return last === undefined ? undefined : path.resolve(cwd, last);
}
