import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isClientRoute, mimeTypeFor, resolveAppPath } from '../../../main/electron/app-protocol-paths';

const root = path.resolve('/opt/ax/dist/renderer');
const inRoot = (...parts: string[]) => path.join(root, ...parts);

describe('resolveAppPath', () => {
  it('maps the root and folders to index.html', () => {
    expect(resolveAppPath(root, 'app://workbench/')).toBe(inRoot('index.html'));
    expect(resolveAppPath(root, 'app://workbench/index.html')).toBe(inRoot('index.html'));
    expect(resolveAppPath(root, 'app://workbench/docs/')).toBe(inRoot('docs', 'index.html'));
  });

  it('maps assets and ignores query and fragment', () => {
    expect(resolveAppPath(root, 'app://workbench/assets/index-abc123.js?v=1#x')).toBe(inRoot('assets', 'index-abc123.js'));
  });

  it('decodes percent-encoded names', () => {
    expect(resolveAppPath(root, 'app://workbench/assets/My%20Font.woff2')).toBe(inRoot('assets', 'My Font.woff2'));
  });

  it.each([
    'app://workbench/../../etc/passwd',
    'app://workbench/assets/../../../etc/passwd',
    'app://workbench/%2e%2e/%2e%2e/etc/passwd',
    'app://workbench/%2E%2E/secret',
    'app://workbench/.%2e/secret',
    'app://workbench/..%2f..%2fetc%2fpasswd',
    'app://workbench/%252e%252e/etc/passwd',
    'app://workbench/..%5c..%5cwindows%5cwin.ini',
    'app://workbench/assets%5c..%5c..%5csecret',
    'app://workbench/index.html%00.png',
    'app://workbench/%E0%A4%A',
  ])('refuses %s', (url) => {
    expect(resolveAppPath(root, url)).toBeNull();
  });

  it('never resolves outside the root, whatever the input', () => {
    const tricky = ['app://workbench/./a/./b', 'app://workbench//etc/passwd', 'app://workbench/a//b/../c'];
    for (const url of tricky) {
      const file = resolveAppPath(root, url);
      if (file !== null) expect(file.startsWith(root + path.sep)).toBe(true);
    }
  });

  it.each(['app://other/index.html', 'http://workbench/index.html', 'file:///index.html', 'app://workbench:1/index.html', 'nonsense'])(
    'refuses a foreign origin: %s',
    (url) => {
      expect(resolveAppPath(root, url)).toBeNull();
    },
  );
});

describe('mimeTypeFor', () => {
  it('gives the types a vite build needs', () => {
    expect(mimeTypeFor('index.html')).toBe('text/html; charset=utf-8');
    expect(mimeTypeFor('assets/index-1.js')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeFor('assets/worker.mjs')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeFor('assets/index-1.css')).toBe('text/css; charset=utf-8');
    expect(mimeTypeFor('logo.svg')).toBe('image/svg+xml');
    expect(mimeTypeFor('LOGO.PNG')).toBe('image/png');
    expect(mimeTypeFor('font.woff2')).toBe('font/woff2');
    expect(mimeTypeFor('data.json')).toBe('application/json; charset=utf-8');
    expect(mimeTypeFor('engine.wasm')).toBe('application/wasm');
  });

  it('falls back to bytes for unknown types', () => {
    expect(mimeTypeFor('archive.xyz')).toBe('application/octet-stream');
    expect(mimeTypeFor('README')).toBe('application/octet-stream');
  });
});

describe('isClientRoute', () => {
  it('treats extension-less paths as routes of the single-page app', () => {
    expect(isClientRoute('app://workbench/accounts/42')).toBe(true);
    expect(isClientRoute('app://workbench/settings')).toBe(true);
  });

  it('treats files as files', () => {
    expect(isClientRoute('app://workbench/assets/missing.js')).toBe(false);
    expect(isClientRoute('app://workbench/favicon.ico')).toBe(false);
  });
});
