import { describe, expect, it } from 'vitest';
import { seeded, tableFrom } from './__fixtures__/load';
import { applyHeaderOps } from './headers';
import { foldHeaders } from './request';
import { routeHttp } from './route-http';
import type { HttpRequestInput } from './types';

const table = tableFrom('infra.yaml', 'filters.yaml');

function req(path: string, extra: Partial<HttpRequestInput> = {}): HttpRequestInput {
  return { scheme: 'http', host: 'example.com', port: 80, method: 'GET', path, headers: {}, address: '127.0.10.1', ...extra };
}

// Spec: HTTPHeaderFilter; conformance HTTPRouteRequestHeaderModifier / ResponseHeaderModifier.
describe('header modifiers', () => {
  it('set overwrites, add appends, remove drops (request)', () => {
    const r = req('/set', {
      headers: { 'X-Header-Remove': 'remove-val', 'X-Header-Add-Append': 'append-val-1', 'X-Header-Set': 'set-val' },
    });
    const d = routeHttp(table, r);
    const out = applyHeaderOps(foldHeaders(r.headers), d.requestHeaders);
    expect(out.get('x-header-set')).toBe('set-overwrites-values');
    expect(out.get('x-header-add')).toBe('header-val-1');
    expect(out.get('x-header-add-append')).toBe('append-val-1,header-val-2');
    expect(out.has('x-header-remove')).toBe(false);
  });
  it('response modifiers are returned as ordered edits', () => {
    const d = routeHttp(table, req('/set'));
    const out = applyHeaderOps(
      new Map([
        ['x-resp-remove', 'x'],
        ['x-resp-add', 'orig'],
      ]),
      d.responseHeaders,
    );
    expect(Object.fromEntries(out)).toEqual({ 'x-resp-set': 'v', 'x-resp-add': 'orig,a' });
  });
});

// Spec: HTTPRequestRedirectFilter; conformance HTTPRouteRedirect{HostAndStatus,Path,Port,Scheme,PortAndScheme}.
describe('RequestRedirect', () => {
  const cases: Array<{ name: string; r: HttpRequestInput; location: string; status: number }> = [
    {
      name: 'hostname, default 302',
      r: req('/hostname-redirect'),
      location: 'http://example.org/hostname-redirect',
      status: 302,
    },
    {
      name: 'ReplaceFullPath',
      r: req('/full-path-redirect/x'),
      location: 'http://example.com/full-path-replacement',
      status: 302,
    },
    {
      name: 'ReplacePrefixMatch, 301',
      r: req('/prefix-redirect/one?q=1'),
      location: 'http://example.com/replacement-prefix/one?q=1',
      status: 301,
    },
    {
      name: 'ReplacePrefixMatch "/" strips the prefix',
      r: req('/strip-prefix-redirect/three'),
      location: 'http://example.com/three',
      status: 308,
    },
    {
      name: 'ReplacePrefixMatch "/" on the bare prefix',
      r: req('/strip-prefix-redirect'),
      location: 'http://example.com/',
      status: 308,
    },
    { name: '303', r: req('/status-303'), location: 'http://example.com/status-303', status: 303 },
    { name: '307', r: req('/status-307'), location: 'http://example.com/status-307', status: 307 },
    // Port rules on an HTTP listener on 80.
    {
      name: 'listener 80: scheme nil, port nil',
      r: req('/scheme-nil-and-port-nil'),
      location: 'http://example.org/scheme-nil-and-port-nil',
      status: 302,
    },
    {
      name: 'listener 80: port 80 omitted',
      r: req('/scheme-nil-and-port-80'),
      location: 'http://example.org/scheme-nil-and-port-80',
      status: 302,
    },
    {
      name: 'listener 80: port 8080 kept',
      r: req('/scheme-nil-and-port-8080'),
      location: 'http://example.org:8080/scheme-nil-and-port-8080',
      status: 302,
    },
    {
      name: 'listener 80: https → 443 omitted',
      r: req('/scheme-https-and-port-nil'),
      location: 'https://example.org/scheme-https-and-port-nil',
      status: 302,
    },
    {
      name: 'listener 80: https with 8443',
      r: req('/scheme-https-and-port-8443'),
      location: 'https://example.org:8443/scheme-https-and-port-8443',
      status: 302,
    },
    // Listener on 8080: an unset scheme keeps the listener port; a set scheme uses its well-known port.
    {
      name: 'listener 8080: scheme nil keeps 8080',
      r: req('/scheme-nil-and-port-nil', { port: 8080 }),
      location: 'http://example.org:8080/scheme-nil-and-port-nil',
      status: 302,
    },
    {
      name: 'listener 8080: port 80 omitted',
      r: req('/scheme-nil-and-port-80', { port: 8080 }),
      location: 'http://example.org/scheme-nil-and-port-80',
      status: 302,
    },
    {
      name: 'listener 8080: https → 443',
      r: req('/scheme-https-and-port-nil', { port: 8080 }),
      location: 'https://example.org/scheme-https-and-port-nil',
      status: 302,
    },
    // HTTPS listener on 443.
    {
      name: 'listener 443: scheme nil keeps https:443',
      r: req('/scheme-nil-and-port-nil', { scheme: 'https', port: 443, host: 'example.org' }),
      location: 'https://example.org/scheme-nil-and-port-nil',
      status: 302,
    },
    {
      name: 'listener 443: port 8443',
      r: req('/scheme-nil-and-port-8443', { scheme: 'https', port: 443, host: 'example.org' }),
      location: 'https://example.org:8443/scheme-nil-and-port-8443',
      status: 302,
    },
    {
      name: 'listener 443: http → 80 omitted',
      r: req('/scheme-http-and-port-nil', { scheme: 'https', port: 443, host: 'example.org' }),
      location: 'http://example.org/scheme-http-and-port-nil',
      status: 302,
    },
    {
      name: 'listener 443: http with 8080',
      r: req('/scheme-http-and-port-8080', { scheme: 'https', port: 443, host: 'example.org' }),
      location: 'http://example.org:8080/scheme-http-and-port-8080',
      status: 302,
    },
  ];
  it.each(cases)('$name', ({ r, location, status }) => {
    const d = routeHttp(table, r);
    expect(d.outcome).toBe('redirect');
    expect(d.status).toBe(status);
    expect(d.redirect).toEqual({ location, status });
    expect(d.backend).toBeUndefined();
  });
});

// Spec: HTTPURLRewriteFilter; conformance HTTPRouteRewritePath / HTTPRouteRewriteHost.
describe('URLRewrite', () => {
  it.each([
    { path: '/prefix/one/two', rewritten: '/one/two' },
    { path: '/full/one/two', rewritten: '/one' },
    { path: '/strip-prefix/three', rewritten: '/three' },
    { path: '/strip-prefix', rewritten: '/' },
    { path: '/strip-prefix/', rewritten: '/' },
    { path: '/prefix/one?x=1', rewritten: '/one?x=1' },
  ])('$path → $rewritten', ({ path, rewritten }) => {
    const d = routeHttp(table, req(path));
    expect(d.outcome).toBe('forward');
    expect(d.rewrittenPath).toBe(rewritten);
  });
  it('rewrites the Host and keeps the path', () => {
    const d = routeHttp(table, req('/rewrite-host/x'));
    expect(d.rewrittenHost).toBe('one.example.org');
    expect(d.rewrittenPath).toBeUndefined();
  });
  it('ReplacePrefixMatch with an Exact match cannot be honoured: 500', () => {
    const d = routeHttp(table, req('/exact-prefix-rewrite'));
    expect(d.status).toBe(500);
    expect(d.explanation.some((s) => /PathPrefix/.test(s.reason))).toBe(true);
  });
});

// Spec: HTTPRequestMirrorFilter (several mirrors, percent and fraction).
describe('RequestMirror', () => {
  it('reports every mirror with its share, and never mirrors to an invalid backend', () => {
    const d = routeHttp(table, req('/mirror'), { random: () => 0.3 });
    expect(d.mirrors.map((m) => [m.service, m.fraction, m.selected, m.valid])).toEqual([
      ['infra-backend-v2', 1, true, true],
      ['infra-backend-v3', 0.35, true, true],
      ['infra-backend-v3', 0.25, false, true],
      ['missing', 1, false, false],
    ]);
    expect(d.mirrors[0]?.namespace).toBe('infra');
    expect(d.backend?.service).toBe('infra-backend-v1');
  });
  it('mirrors the configured share of requests', () => {
    const random = seeded(7);
    let pct = 0;
    let frac = 0;
    const n = 4000;
    for (let i = 0; i < n; i++) {
      const d = routeHttp(table, req('/mirror'), { random, explain: false });
      if (d.mirrors[1]?.selected) pct++;
      if (d.mirrors[2]?.selected) frac++;
    }
    expect(pct / n).toBeGreaterThan(0.32);
    expect(pct / n).toBeLessThan(0.38);
    expect(frac / n).toBeGreaterThan(0.22);
    expect(frac / n).toBeLessThan(0.28);
  });
});

// Spec: HTTPCORSFilter; conformance HTTPRouteCORS.
describe('CORS', () => {
  const preflight = (origin: string, path = '/cors-1', method = 'GET'): HttpRequestInput =>
    req(path, {
      method: 'OPTIONS',
      headers: {
        Origin: origin,
        'Access-Control-Request-Method': method,
        'Access-Control-Request-Headers': 'x-header-1, x-header-2',
      },
    });
  it('answers an allowed preflight directly with the CORS headers', () => {
    const d = routeHttp(table, preflight('https://www.foo.com'));
    expect(d.outcome).toBe('direct-response');
    expect(d.status).toBe(200);
    expect(d.ruleName).toBe('cors');
    expect(d.cors?.headers).toEqual({
      'access-control-allow-origin': 'https://www.foo.com',
      'access-control-allow-credentials': 'true',
      'access-control-expose-headers': 'x-header-3, x-header-4',
      'access-control-allow-methods': 'GET, OPTIONS',
      'access-control-allow-headers': 'x-header-1, x-header-2',
      'access-control-max-age': '3600',
    });
  });
  it.each(['https://www.bar.com', 'https://xpto.www.bar.com'])('wildcard origin %s is allowed', (origin) => {
    expect(routeHttp(table, preflight(origin)).cors?.headers['access-control-allow-origin']).toBe(origin);
  });
  it('a non-matching origin gets no CORS headers', () => {
    const d = routeHttp(table, preflight('https://foobar.com'));
    expect(d.cors?.originAllowed).toBe(false);
    expect(d.responseHeaders.some((h) => h.name.startsWith('access-control'))).toBe(false);
  });
  it('a simple request is forwarded with the CORS response headers', () => {
    const d = routeHttp(table, req('/cors-1', { headers: { origin: 'https://www.foo.com' } }));
    expect(d.outcome).toBe('forward');
    expect(d.responseHeaders).toContainEqual({ op: 'set', name: 'access-control-allow-origin', value: 'https://www.foo.com' });
  });
  it('wildcards echo the requested method and headers, without credentials', () => {
    const d = routeHttp(table, preflight('https://foobar.com:12345', '/cors-wildcard', 'PUT'));
    expect(d.cors?.headers['access-control-allow-methods']).toBe('PUT');
    expect(d.cors?.headers['access-control-allow-headers']).toBe('x-header-1, x-header-2');
    expect(d.cors?.headers['access-control-allow-credentials']).toBeUndefined();
    expect(d.cors?.headers['access-control-max-age']).toBe('5');
  });
});

describe('timeouts, retry, unsupported filters, backend filters', () => {
  it('returns timeouts as written and in ms, and the retry policy', () => {
    const d = routeHttp(table, req('/timeouts'));
    expect(d.timeouts).toEqual({ request: '10s', backendRequest: '1m30s', requestMs: 10_000, backendRequestMs: 90_000 });
    expect(d.retry).toEqual({ codes: [500, 502, 503], attempts: 3, backoffMs: 100 });
  });
  it('an ExtensionRef the gateway cannot honour answers 500 (never skipped)', () => {
    const d = routeHttp(table, req('/extension'));
    expect(d.outcome).toBe('direct-response');
    expect(d.status).toBe(500);
  });
  it('per-backendRef filters apply after the backend is chosen', () => {
    const d = routeHttp(table, req('/backend-filters/x'));
    expect(d.backend?.service).toBe('infra-backend-v1');
    expect(d.requestHeaders).toEqual([{ op: 'set', name: 'X-Backend', value: 'v1' }]);
    expect(d.rewrittenPath).toBe('/v1/x');
  });
  it('a per-backendRef RequestRedirect redirects', () => {
    const d = routeHttp(table, req('/backend-redirect'));
    expect(d.redirect).toEqual({ location: 'http://backend.example.org/backend-redirect', status: 302 });
  });
});
