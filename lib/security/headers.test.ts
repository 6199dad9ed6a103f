import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, parseContentSecurityPolicy, securityHeaders } from './headers';

const require = createRequire(import.meta.url);
const root = path.resolve(__dirname, '../..');

const header = (name: string, options = {}) =>
  securityHeaders(options).find((h) => h.key.toLowerCase() === name.toLowerCase())?.value;
const directives = (options = {}) => parseContentSecurityPolicy(contentSecurityPolicy(options));

describe('Content-Security-Policy (production)', () => {
  const csp = directives();

  it('never allows eval: Monaco 0.5x (ESM) and its YAML worker run without it', () => {
    for (const [name, sources] of csp) expect(sources, name).not.toContain("'unsafe-eval'");
  });

  it('loads scripts only from our own origin (no CDN, no wildcard, no data:)', () => {
    const scripts = csp.get('script-src') ?? [];
    expect(scripts).toContain("'self'");
    for (const s of scripts) expect(s === "'self'" || s === "'unsafe-inline'", s).toBe(true);
  });

  it('starts workers only from our own origin or blob: (Monaco, YAML language service, ELK layout)', () => {
    expect(csp.get('worker-src')).toEqual(["'self'", 'blob:']);
  });

  it('cannot be framed and frames nothing, has no plugins, and pins base and form targets', () => {
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('frame-src')).toEqual(["'none'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'self'"]);
    expect(csp.get('form-action')).toEqual(["'self'"]);
  });

  it('connects only to our own origin (reads, server actions, the SSE watch stream)', () => {
    expect(csp.get('connect-src')).toEqual(["'self'"]);
  });

  it('has a default-src fallback and no source list that allows any host', () => {
    expect(csp.get('default-src')).toEqual(["'self'"]);
    for (const [name, sources] of csp) {
      for (const s of sources)
        expect(s === '*' || s === 'http:' || s === 'https:' || s.includes('*'), `${name} ${s}`).toBe(false);
    }
  });

  it('declares each directive once (a browser ignores repeats, CSP3 §2.2.1)', () => {
    const names = contentSecurityPolicy()
      .split(';')
      .map((d) => d.trim().split(' ')[0]);
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('Content-Security-Policy variants', () => {
  it('allows eval and the hot-reload WebSocket only in development', () => {
    const dev = directives({ dev: true });
    expect(dev.get('script-src')).toContain("'unsafe-eval'");
    expect(dev.get('connect-src')).toEqual(expect.arrayContaining(['ws:', 'wss:']));
  });

  it("replaces 'unsafe-inline' with the nonce and 'strict-dynamic' when a nonce is given", () => {
    const scripts = directives({ nonce: 'bm9uY2U=' }).get('script-src');
    expect(scripts).toEqual(["'self'", "'nonce-bm9uY2U='", "'strict-dynamic'"]);
  });

  it('adds HSTS and upgrade-insecure-requests only when served over HTTPS', () => {
    expect(header('Strict-Transport-Security')).toBeUndefined();
    expect(directives().has('upgrade-insecure-requests')).toBe(false);
    expect(header('Strict-Transport-Security', { https: true })).toMatch(/^max-age=\d{7,}/);
    expect(directives({ https: true }).get('upgrade-insecure-requests')).toEqual([]);
  });
});

describe('other security headers', () => {
  it('forbids MIME sniffing, referrers and framing, and isolates the browsing context', () => {
    expect(header('X-Content-Type-Options')).toBe('nosniff');
    expect(header('Referrer-Policy')).toBe('same-origin');
    expect(header('X-Frame-Options')).toBe('DENY');
    expect(header('Cross-Origin-Opener-Policy')).toBe('same-origin');
    expect(header('Permissions-Policy')).toContain('camera=()');
  });

  it('has header values a server can send (no CR/LF, no duplicates)', () => {
    const all = securityHeaders({ https: true, dev: true, nonce: 'abc' });
    for (const h of all) expect(h.value).not.toMatch(/[\r\n]/);
    expect(new Set(all.map((h) => h.key.toLowerCase())).size).toBe(all.length);
  });
});

describe('parseContentSecurityPolicy', () => {
  it('lower-cases names, splits on ASCII whitespace and keeps only the first of a repeated directive', () => {
    const p = parseContentSecurityPolicy("Script-Src 'self'\thttps://a ;; script-src *; img-src");
    expect(p.get('script-src')).toEqual(["'self'", 'https://a']);
    expect(p.get('img-src')).toEqual([]);
  });
});

describe('next.config.js', () => {
  type Rule = { source: string; headers: Array<{ key: string; value: string }> };
  const config = require(path.join(root, 'next.config.js')) as { headers?: () => Promise<Rule[]> };

  it('sends the security headers on every path (source /:path*), production policy outside next dev', async () => {
    expect(config.headers).toBeTypeOf('function');
    const rules = (await config.headers?.()) ?? [];
    const all = rules.find((r) => r.source === '/:path*');
    expect(all?.headers).toEqual(securityHeaders({ dev: process.env.NODE_ENV === 'development' }));
    const value = all?.headers.find((h) => h.key === 'Content-Security-Policy')?.value ?? '';
    expect(value).toContain("frame-ancestors 'none'");
  });
});
