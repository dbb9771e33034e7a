import path from 'node:path';
import { APP_HOST, APP_SCHEME } from './security-policy';

// Maps app://workbench/<path> onto files of the renderer build. Pure (no 'electron', no fs) so the
// traversal rules can be tested directly.

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

/** A type for every file of a vite build; unknown types are served as bytes so nosniff keeps them inert. */
export function mimeTypeFor(filePath: string): string {
  return MIME_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

const DOT_DOT_SEGMENT = /(^|[/\\])\.\.([/\\]|$)/;
const ENCODED_DOT_DOT = /%2e%2e|%2e\.|\.%2e/i;

/**
 * The absolute file for an app:// request, or null when the request must be refused.
 *
 * A request naming '..' in any form is refused outright rather than normalised: the URL parser
 * already folds plain and %2e dot segments, so one that still arrives here (double-encoded, or
 * behind an encoded slash or a backslash) can only be an attempt to leave the bundle.
 */
export function resolveAppPath(rootDir: string, requestUrl: string): string | null {
  if (ENCODED_DOT_DOT.test(requestUrl) || DOT_DOT_SEGMENT.test(rawPathOf(requestUrl))) return null;
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.hostname !== APP_HOST || url.port !== '' || url.username !== '') return null;

  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\') || DOT_DOT_SEGMENT.test(pathname) || ENCODED_DOT_DOT.test(pathname)) return null;
  if (pathname.endsWith('/')) pathname += 'index.html';

  const root = path.resolve(rootDir);
  const resolved = path.resolve(root, `.${path.posix.normalize(pathname)}`);
  const relative = path.relative(root, resolved);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return null;
  return resolved;
}

/** The path part of a URL string before any parser folds its dot segments. */
function rawPathOf(requestUrl: string): string {
  const afterScheme = requestUrl.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '');
  return afterScheme.split(/[?#]/, 1)[0] ?? '';
}

/**
 * Client-side routes (app://workbench/accounts/42) have no file; they get index.html so a reload
 * keeps the page. Anything with an extension is a real asset and gets a 404 when missing.
 */
export function isClientRoute(requestUrl: string): boolean {
  try {
    const { pathname } = new URL(requestUrl);
    return path.posix.extname(pathname) === '';
  } catch {
    return false;
  }
}
