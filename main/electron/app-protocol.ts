import fs from 'node:fs/promises';
import path from 'node:path';
import { protocol } from 'electron';
import { isClientRoute, mimeTypeFor, resolveAppPath } from './app-protocol-paths';
import { APP_SCHEME, appResponseHeaders } from './security-policy';

/**
 * Must run before 'ready'. A standard, secure scheme gives the bundle a real origin (so 'self' in the
 * CSP means something, and storage and fetch work) without the file:// scheme's extra powers.
 * Not corsEnabled: nothing else may read from it.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves the renderer build. fs (Electron's asar-aware one) rather than net.fetch: the response needs our headers. */
export function serveAppProtocol(rendererDir: string, log: (message: string, error: unknown) => void): void {
  const textResponse = (status: number, body: string) =>
    new Response(body, { status, headers: appResponseHeaders('text/plain; charset=utf-8') });

  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'Method not allowed');
    const file = resolveAppPath(rendererDir, request.url);
    if (!file) return textResponse(403, 'Forbidden');

    let body: Buffer;
    let served = file;
    try {
      body = await fs.readFile(file);
    } catch (error) {
      if (!isNotFound(error)) {
        log(`Could not read ${file}`, error);
        return textResponse(500, 'Could not read the file');
      }
      if (!isClientRoute(request.url)) return textResponse(404, 'Not found');
      served = path.join(rendererDir, 'index.html');
      try {
        body = await fs.readFile(served);
      } catch (indexError) {
        log('The renderer build is missing index.html', indexError);
        return textResponse(404, 'Not found');
      }
    }
    const headers = appResponseHeaders(mimeTypeFor(served));
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
  });
}

function isNotFound(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR';
}
