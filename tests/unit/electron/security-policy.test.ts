import { describe, expect, it } from 'vitest';
import {
  APP_START_URL,
  CONTENT_SECURITY_POLICY,
  appResponseHeaders,
  isAppUrl,
  isExternalLinkAllowed,
} from '../../../main/electron/security-policy';

function directives(csp: string): Map<string, string> {
  return new Map(
    csp
      .split(';')
      .map((part) => part.trim())
      .filter(Boolean)
      .map((part) => {
        const [name = '', ...values] = part.split(/\s+/);
        return [name, values.join(' ')] as const;
      }),
  );
}

describe('content security policy', () => {
  const csp = directives(CONTENT_SECURITY_POLICY);

  it('never allows eval or inline scripts', () => {
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(CONTENT_SECURITY_POLICY).not.toContain('wasm-unsafe-eval');
    expect(csp.get('script-src')).toBe("'self'");
  });

  it('has the directives the app relies on', () => {
    expect(csp.get('default-src')).toBe("'self'");
    expect(csp.get('style-src')).toBe("'self' 'unsafe-inline'");
    expect(csp.get('img-src')).toBe("'self' data:");
    expect(csp.get('connect-src')).toBe("'self'");
  });

  it('forbids plugins, base rewriting and being framed', () => {
    expect(csp.get('object-src')).toBe("'none'");
    expect(csp.get('base-uri')).toBe("'none'");
    expect(csp.get('frame-ancestors')).toBe("'none'");
  });

  it('allows no remote origin anywhere', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*|ws:|wss:/);
  });

  it('is sent as a header together with nosniff', () => {
    const headers = appResponseHeaders('text/html; charset=utf-8');
    expect(headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
    expect(headers['Content-Type']).toBe('text/html; charset=utf-8');
  });
});

describe('isAppUrl', () => {
  it.each([APP_START_URL, 'app://workbench/', 'app://workbench/accounts/42?tab=nps#top'])('accepts %s', (url) => {
    expect(isAppUrl(url)).toBe(true);
  });

  it.each([
    'http://workbench/index.html',
    'https://workbench/index.html',
    'http://127.0.0.1:5173/',
    'file:///etc/passwd',
    'file://workbench/index.html',
    'app://other/index.html',
    'app://workbench.evil.com/index.html',
    'app://workbenchx/',
    'app://workbench:8080/',
    'app://user@workbench/',
    'app://workbench',
    'javascript:alert(1)',
    'javascript://app://workbench/',
    'data:text/html,<script>1</script>',
    'devtools://devtools/bundled/inspector.html',
    '',
  ])('rejects %s', (url) => {
    expect(isAppUrl(url)).toBe(false);
  });

  it('rejects values that are not strings', () => {
    expect(isAppUrl(undefined)).toBe(false);
    expect(isAppUrl(null)).toBe(false);
    expect(isAppUrl({ toString: () => APP_START_URL })).toBe(false);
  });
});

describe('isExternalLinkAllowed', () => {
  it('opens only https links in the browser', () => {
    expect(isExternalLinkAllowed('https://example.com/help')).toBe(true);
    expect(isExternalLinkAllowed('http://example.com/')).toBe(false);
    expect(isExternalLinkAllowed('file:///C:/Windows/System32/calc.exe')).toBe(false);
    expect(isExternalLinkAllowed('javascript:alert(1)')).toBe(false);
    expect(isExternalLinkAllowed('smb://server/share')).toBe(false);
    expect(isExternalLinkAllowed('https://user:pass@example.com/')).toBe(false);
    expect(isExternalLinkAllowed('not a url')).toBe(false);
  });
});
