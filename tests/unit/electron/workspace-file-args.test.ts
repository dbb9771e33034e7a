import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isWorkspaceFileName, workspaceFileFromArgv } from '../../../main/electron/workspace-file-args';

const cwd = path.resolve('/home/ana/clients');

describe('workspaceFileFromArgv', () => {
  it('finds a double-clicked workspace in a packaged launch', () => {
    expect(workspaceFileFromArgv(['/opt/AX Workbench/ax-workbench', '/home/ana/Acme.axw'], cwd)).toBe(path.resolve('/home/ana/Acme.axw'));
  });

  it('resolves a relative path against the launching folder', () => {
    expect(workspaceFileFromArgv(['ax-workbench', 'acme.AXW'], cwd)).toBe(path.join(cwd, 'acme.AXW'));
  });

  it('ignores switches, the dev app path and other files', () => {
    expect(workspaceFileFromArgv(['electron', '.'], cwd)).toBeUndefined();
    expect(workspaceFileFromArgv(['ax-workbench', '--allow-file-access-from-files', '--inspect=x.db', 'notes.txt'], cwd)).toBeUndefined();
  });

  it('takes the last workspace named', () => {
    expect(workspaceFileFromArgv(['ax', 'a.axw', '--flag', 'b.sqlite'], cwd)).toBe(path.join(cwd, 'b.sqlite'));
  });
});

describe('isWorkspaceFileName', () => {
  it('accepts the extensions of the open dialog', () => {
    expect(['a.axw', 'b.sqlite', 'c.db', 'D.DB'].every(isWorkspaceFileName)).toBe(true);
    expect(['a.xlsx', 'b', 'axw', 'c.db.bak'].some(isWorkspaceFileName)).toBe(false);
  });
});
