import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Parsed with the js-yaml that electron-builder itself loads its configuration with, so the test
// reads the file exactly as packaging will.
const requireFromHere = createRequire(import.meta.url);
const requireFromBuilder = createRequire(requireFromHere.resolve('app-builder-lib/package.json'));
const yaml = requireFromBuilder('js-yaml') as { load(text: string): unknown };

interface BuilderConfig {
  appId?: string;
  productName?: string;
  directories?: { output?: string };
  files?: string[];
  asarUnpack?: string[];
  npmRebuild?: boolean;
  electronFuses?: Record<string, boolean>;
  fileAssociations?: Array<{ ext?: string | string[] }>;
  linux?: { target?: unknown; category?: string; maintainer?: string };
  win?: { target?: unknown };
  mac?: { target?: unknown; category?: string };
}

const root = path.resolve(import.meta.dirname, '../../..');
const config = yaml.load(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig;

const targetNames = (target: unknown): string[] =>
  (Array.isArray(target) ? target : [target]).map((t) => (typeof t === 'string' ? t : (t as { target: string }).target));

describe('electron-builder.yml', () => {
  it('names the app', () => {
    expect(config.appId).toBe('com.axworkbench.app');
    expect(config.productName).toBe('AX Workbench');
    expect(config.directories?.output).toMatch(/^release\/?$/);
  });

  it('builds the installers of every platform', () => {
    expect(targetNames(config.linux?.target)).toEqual(expect.arrayContaining(['AppImage', 'deb']));
    expect(config.linux?.category).toBe('Office');
    expect(config.linux?.maintainer).toMatch(/<[^@\s]+@[^>\s]+>/);
    expect(targetNames(config.win?.target)).toContain('nsis');
    expect(targetNames(config.mac?.target)).toContain('dmg');
    expect(config.mac?.category).toBe('public.app-category.business');
  });

  it('ships the bundles and the native SQLite module', () => {
    expect(config.files).toEqual(expect.arrayContaining(['dist/**/*', 'package.json']));
    for (const runtimeModule of ['better-sqlite3', 'bindings', 'file-uri-to-path']) {
      expect(config.files?.some((pattern) => pattern.startsWith(`node_modules/${runtimeModule}/`))).toBe(true);
    }
    expect(config.asarUnpack).toEqual(expect.arrayContaining(['**/*.node']));
    expect(config.asarUnpack?.some((pattern) => pattern.includes('better-sqlite3'))).toBe(true);
    expect(config.npmRebuild).toBe(true);
  });

  it('points the entry point at the bundled main process', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { main?: string };
    expect(pkg.main).toBe('dist/main/electron-main.cjs');
  });

  it('flips the security fuses', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('registers the workspace file type', () => {
    expect(config.fileAssociations?.some((a) => a.ext === 'axw' || (Array.isArray(a.ext) && a.ext.includes('axw')))).toBe(true);
  });
});
