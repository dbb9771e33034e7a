import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { ApiError } from '../shared/contract/errors';
import type { ApiErrorData, CoreEvent, ErrorCode } from '../shared/contract';
import { CONTENT_SECURITY_POLICY } from './security/content-security-policy';

/** What the HTTP transport needs of the core: the same two things the IPC bridge uses. */
export interface CallTarget {
  call(method: string, input: unknown): Promise<unknown>;
  onEvent(listener: (event: CoreEvent) => void): () => void;
}

export interface BrowserServerOptions {
  core: CallTarget;
  staticDir: string;
  port: number;
  token?: string;
}

export interface BrowserServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 10 * 1024 * 1024;
const STATUS_BY_CODE: Record<ErrorCode, number> = {
  invalid_input: 400,
  unknown_method: 404,
  not_found: 404,
  conflict: 409,
  no_workspace: 409,
  workspace_damaged: 409,
  workspace_too_new: 409,
  unauthorized: 401,
  forbidden: 403,
  cancelled: 409,
  internal: 500,
};
const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.map': 'application/json',
};

/**
 * Browser mode: the contract over HTTP+JSON on 127.0.0.1. Every API request carries the per-launch
 * secret token; the Host and Origin headers are checked so a web page elsewhere cannot reach it
 * (DNS rebinding, cross-site requests).
 */
export async function startBrowserServer(options: BrowserServerOptions): Promise<BrowserServer> {
  const token = options.token ?? crypto.randomBytes(32).toString('base64url');
  const tokenBytes = Buffer.from(token);
  const eventStreams = new Set<http.ServerResponse>();
  const unsubscribe = options.core.onEvent((event) => {
    const frame = `data: ${JSON.stringify(event)}\n\n`;
    for (const stream of eventStreams) stream.write(frame);
  });
  let port = options.port;
  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  const server = http.createServer((req, res) => {
    setSecurityHeaders(res);
    const host = req.headers.host ?? '';
    if (!allowedHosts().has(host)) return sendError(res, 403, { code: 'forbidden', message: 'Requests must be addressed to 127.0.0.1.' });
    const origin = req.headers.origin;
    if (origin && origin !== `http://${host}`) return sendError(res, 403, { code: 'forbidden', message: 'Cross-origin requests are refused.' });

    const url = new URL(req.url ?? '/', `http://${host}`);
    if (url.pathname.startsWith('/api/')) {
      if (!hasToken(req, tokenBytes)) return sendError(res, 401, { code: 'unauthorized', message: 'Missing or wrong token. Use the token printed when browser mode started (Authorization: Bearer <token>).' });
      if (url.pathname === '/api/events' && req.method === 'GET') return openEventStream(res, eventStreams);
      const match = /^\/api\/call\/([\w.]+)$/.exec(url.pathname);
      if (match && req.method === 'POST') return void handleCall(req, res, options.core, match[1]!);
      return sendError(res, 404, { code: 'unknown_method', message: `No API endpoint ${req.method} ${url.pathname}. Calls are POST /api/call/<method>.` });
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendError(res, 405, { code: 'invalid_input', message: 'Only GET is allowed here.' });
    serveStatic(options.staticDir, url.pathname, res);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    port,
    token,
    url: `http://127.0.0.1:${port}/#token=${token}`,
    close: () =>
      new Promise<void>((resolve) => {
        unsubscribe();
        for (const stream of eventStreams) stream.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function hasToken(req: http.IncomingMessage, expected: Buffer): boolean {
  const header = req.headers.authorization ?? '';
  const given = Buffer.from(header.startsWith('Bearer ') ? header.slice(7) : '');
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}

async function handleCall(req: http.IncomingMessage, res: http.ServerResponse, core: CallTarget, method: string): Promise<void> {
  const type = req.headers['content-type'] ?? '';
  if (!type.startsWith('application/json')) return sendError(res, 415, { code: 'invalid_input', message: 'Send the input as JSON (Content-Type: application/json).' });
  let body: string;
  try {
    body = await readBody(req);
  } catch (err) {
    return sendError(res, 413, { code: 'invalid_input', message: (err as Error).message });
  }
  let input: unknown;
  try {
    input = body.trim() === '' ? undefined : JSON.parse(body);
  } catch {
    return sendError(res, 400, { code: 'invalid_input', message: 'The request body is not valid JSON.' });
  }
  try {
    const value = await core.call(method, input);
    sendJson(res, 200, { ok: true, value: value ?? null });
  } catch (err) {
    const data: ApiErrorData = err instanceof ApiError ? err.toData() : { code: 'internal', message: 'Something went wrong inside the workbench.' };
    sendError(res, STATUS_BY_CODE[data.code] ?? 500, data);
  }
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error(`The request body is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB.`));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function openEventStream(res: http.ServerResponse, streams: Set<http.ServerResponse>): void {
  res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
  res.write(': connected\n\n');
  streams.add(res);
  res.on('close', () => streams.delete(res));
}

function serveStatic(root: string, pathname: string, res: http.ServerResponse): void {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return sendError(res, 400, { code: 'invalid_input', message: 'Bad path.' });
  }
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const resolvedRoot = path.resolve(root);
  let file = path.resolve(resolvedRoot, relative);
  if (file !== resolvedRoot && !file.startsWith(resolvedRoot + path.sep)) return sendError(res, 403, { code: 'forbidden', message: 'Outside the app folder.' });
  // The renderer routes in the fragment, so unknown paths fall back to the app shell.
  if (!fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(resolvedRoot, 'index.html');
  if (!fs.existsSync(file)) return sendError(res, 500, { code: 'internal', message: 'The app has not been built (run npm run build).' });
  res.writeHead(200, {
    'Content-Type': MIME[path.extname(file)] ?? 'application/octet-stream',
    'Cache-Control': file.endsWith('index.html') ? 'no-store' : 'max-age=31536000, immutable',
  });
  fs.createReadStream(file).pipe(res);
}

function setSecurityHeaders(res: http.ServerResponse): void {
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
}

function sendJson(res: http.ServerResponse, status: number, payload: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(payload));
}

function sendError(res: http.ServerResponse, status: number, error: ApiErrorData): void {
  sendJson(res, status, { ok: false, error });
}
