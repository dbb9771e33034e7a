import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserServer } from '../../../main/serve';
import type { BrowserServer } from '../../../main/serve';
import type { Core } from '../../../main/core/core';
import { emptyWorkspaceCore, totalChanges } from '../../helpers/test-core';
import { tempDir } from '../../helpers/temp-dir';

let core: Core;
let server: BrowserServer;
let staticDir: string;

beforeAll(async () => {
  ({ core } = await emptyWorkspaceCore());
  staticDir = tempDir();
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>AX</title>');
  server = await startBrowserServer({ core, staticDir, port: 0 });
});
afterAll(async () => {
  await server.close();
  await core.close();
});

/** Raw request, so Host and Origin can be set the way a hostile page or a rebinding DNS would. */
function request(options: { method?: string; path: string; headers?: Record<string, string>; body?: string }): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: server.port, method: options.method ?? 'GET', path: options.path, headers: options.headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

const json = (token: string | null, body: unknown, extra: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json', ...(token === null ? {} : { Authorization: `Bearer ${token}` }), ...extra },
  body: JSON.stringify(body),
});

describe('browser-mode HTTP transport', () => {
  it('runs a contract call with the launch token', async () => {
    const res = await request({ path: '/api/call/accounts.create', ...json(server.token, { name: 'Woodgrove Bank', arrMinor: 5_000_00 }) });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, value: { name: 'Woodgrove Bank', arrMinor: 5_000_00 } });
  });

  it('rejects a missing or wrong token and writes nothing', async () => {
    const before = totalChanges(core);
    const missing = await request({ path: '/api/call/accounts.create', ...json(null, { name: 'Intruder Ltd' }) });
    expect(missing.status).toBe(401);
    expect(JSON.parse(missing.body).error.code).toBe('unauthorized');
    const wrong = await request({ path: '/api/call/accounts.create', ...json(server.token.slice(0, -2) + 'xx', { name: 'Intruder Ltd' }) });
    expect(wrong.status).toBe(401);
    const events = await request({ path: '/api/events' });
    expect(events.status).toBe(401);
    expect(totalChanges(core)).toBe(before);
  });

  it('refuses other hosts and cross-origin pages even with the token', async () => {
    const rebinding = await request({ path: '/api/call/workspace.status', ...json(server.token, {}, { Host: `evil.example:${server.port}` }) });
    expect(rebinding.status).toBe(403);
    const crossSite = await request({ path: '/api/call/workspace.status', ...json(server.token, {}, { Origin: 'https://evil.example' }) });
    expect(crossSite.status).toBe(403);
  });

  it('answers bad requests with a clear error and no write', async () => {
    const before = totalChanges(core);
    const notJson = await request({ path: '/api/call/accounts.create', method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${server.token}` }, body: '{name:' });
    expect(notJson.status).toBe(400);
    expect(JSON.parse(notJson.body).error.message).toMatch(/not valid JSON/);
    const invalid = await request({ path: '/api/call/accounts.create', ...json(server.token, { name: '' }) });
    expect(invalid.status).toBe(400);
    expect(JSON.parse(invalid.body).error).toMatchObject({ code: 'invalid_input', fields: { name: 'Name is required' } });
    const unknown = await request({ path: '/api/call/accounts.nuke', ...json(server.token, {}) });
    expect(unknown.status).toBe(404);
    expect(totalChanges(core)).toBe(before);
  });

  it('serves the app with a strict CSP and never files outside its folder', async () => {
    const index = await request({ path: '/' });
    expect(index.status).toBe(200);
    expect(index.headers['content-security-policy']).toContain("script-src 'self'");
    expect(index.headers['content-security-policy']).not.toContain('unsafe-eval');
    const traversal = await request({ path: '/..%2f..%2f..%2fetc%2fpasswd' });
    expect(traversal.body).not.toContain('root:');
  });
});
