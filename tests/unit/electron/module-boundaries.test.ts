import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');
const imports = (source: string): string[] =>
  [...source.matchAll(/(?:from\s+|import\s*\(\s*|require\s*\(\s*)['"]([^'"]+)['"]/g)].map((m) => m[1] ?? '');

describe('environment boundaries of the Electron shell', () => {
  it.each([
    'main/electron/security-policy.ts',
    'main/electron/app-protocol-paths.ts',
    'main/electron/window-state.ts',
    'main/electron/ipc-result.ts',
    'main/electron/go-routes.ts',
    'main/electron/workspace-file-args.ts',
  ])('%s stays pure (no electron import), so it runs in plain Node', (file) => {
    expect(imports(read(file))).not.toContain('electron');
  });

  it('the preload uses only contextBridge and ipcRenderer from electron, and no Node module', () => {
    const source = read('main/electron/preload.ts');
    const electronImport = /import\s*\{([^}]*)\}\s*from\s*'electron'/.exec(source)?.[1] ?? '';
    const names = electronImport
      .split(',')
      .map((name) => name.trim())
      .filter((name) => name && !name.startsWith('type '));
    expect(names.sort()).toEqual(['contextBridge', 'ipcRenderer']);
    expect(imports(source).filter((spec) => spec.startsWith('node:') || ['fs', 'path', 'child_process'].includes(spec))).toEqual([]);
  });

  it('the bridge contract imports nothing from node, electron or the DOM', () => {
    const specs = imports(read('shared/contract/bridge.ts'));
    expect(specs.every((spec) => spec.startsWith('./'))).toBe(true);
  });
});
