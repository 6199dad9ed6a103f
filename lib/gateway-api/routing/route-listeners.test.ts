import { describe, expect, it } from 'vitest';
import { tableFrom } from './__fixtures__/load';
import { routeHttp } from './route-http';
import type { HttpRequestInput } from './types';

const table = tableFrom('infra.yaml', 'listeners.yaml');

function req(host: string, path = '/', extra: Partial<HttpRequestInput> = {}): HttpRequestInput {
  return { scheme: 'http', host, port: 80, method: 'GET', path, headers: {}, address: '127.0.20.1', ...extra };
}

// Spec: Gateway listeners ("Listeners that are distinct only by Hostname") and the
// GatewayHTTPListenerIsolation conformance test's expectations.
describe('listener selection and isolation', () => {
  const cases = [
    { host: 'bar.com', listener: 'empty-hostname', status: undefined, backend: 'infra-backend-v1' },
    { host: 'bar.example.com', listener: 'wildcard-example-com', status: undefined, backend: 'infra-backend-v2' },
    {
      host: 'bar.foo.example.com',
      path: '/foo',
      listener: 'wildcard-foo-example-com',
      status: undefined,
      backend: 'infra-backend-v3',
    },
    // Isolation: the *.foo.example.com listener owns the host even where its routes do not match.
    { host: 'bar.foo.example.com', path: '/other', listener: 'wildcard-foo-example-com', status: 404, backend: undefined },
    { host: 'abc.foo.example.com', listener: 'abc-foo-example-com', status: undefined, backend: 'infra-backend-v1' },
    { host: 'ABC.foo.example.com:8080', listener: 'abc-foo-example-com', status: undefined, backend: 'infra-backend-v1' },
    { host: 'example.com', listener: 'empty-hostname', status: undefined, backend: 'infra-backend-v1' },
  ];
  it.each(cases)('$host$path → $listener', ({ host, path, listener, status, backend }) => {
    const d = routeHttp(table, req(host, path));
    expect(d.listener).toBe(listener);
    expect(d.status).toBe(status);
    expect(d.backend?.service).toBe(backend);
  });

  it('explains the isolation on the losing listeners', () => {
    const d = routeHttp(table, req('bar.foo.example.com', '/other'));
    const lost = d.explanation.find((s) => s.step === 'listener' && s.candidate.includes('wildcard-example-com'));
    expect(lost?.chosen).toBe(false);
    expect(lost?.reason).toMatch(/listener isolation/);
  });

  it('404 when no listener serves the port', () => {
    const d = routeHttp(table, req('bar.com', '/', { port: 8080 }));
    expect(d.status).toBe(404);
    expect(d.gateway).toBeUndefined();
  });

  it('an address restricts the listeners to that Gateway', () => {
    expect(routeHttp(table, req('bar.com', '/', { address: '127.0.20.2' })).gateway).toBe('infra/hosts');
    expect(routeHttp(table, req('bar.com', '/', { address: 'infra/multi' })).gateway).toBe('infra/multi');
    expect(routeHttp(table, req('bar.com', '/', { address: '10.9.9.9' })).status).toBe(404);
  });
});

// Spec: Listener.hostname for HTTPS — 421 when the SNI-selected listener is not the Host's.
describe('HTTPS SNI and Host', () => {
  const https = (host: string, sni?: string): HttpRequestInput => req(host, '/', { scheme: 'https', port: 443, sni });
  it.each([
    { host: 'secure.example.com', sni: 'secure.example.com', status: undefined, listener: 'https-exact' },
    { host: 'www.example.com', sni: 'www.example.com', status: undefined, listener: 'https-wild' },
    { host: 'www.example.com', sni: undefined, status: undefined, listener: 'https-wild' },
    // SNI picked the wildcard listener but the Host belongs to a more specific one.
    { host: 'secure.example.com', sni: 'www.example.com', status: 421, listener: undefined },
    // SNI picked the exact listener but the Host matches only the wildcard one.
    { host: 'www.example.com', sni: 'secure.example.com', status: 421, listener: undefined },
    // The Host matches no listener at all: 404.
    { host: 'www.other.net', sni: 'www.example.com', status: 404, listener: undefined },
  ])('Host $host, SNI $sni → $status', ({ host, sni, status, listener }) => {
    const d = routeHttp(table, https(host, sni));
    expect(d.status).toBe(status);
    expect(d.listener).toBe(listener);
    if (status === 421) expect(d.explanation.some((s) => /421/.test(s.reason))).toBe(true);
  });

  it('an http request never reaches an HTTPS listener', () => {
    expect(routeHttp(table, req('secure.example.com', '/', { port: 443 })).status).toBe(404);
  });
});

// Spec: HTTPRoute.hostnames — most characters in a matching non-wildcard hostname, then in a matching hostname.
describe('route hostname precedence', () => {
  const at = (host: string, path: string): HttpRequestInput => req(host, path, { address: '127.0.20.2' });
  it.each([
    { host: 'foo.example.com', path: '/a', route: 'infra/exact-host' },
    // The exact-host route has no rule for /b: rules of less specific routes follow.
    { host: 'foo.example.com', path: '/b', route: 'infra/wildcard-host' },
    { host: 'x.bar.example.com', path: '/', route: 'infra/longer-wildcard-host' },
    { host: 'bar.example.com', path: '/', route: 'infra/wildcard-host' },
    { host: 'example.com', path: '/', route: 'infra/no-host' },
    { host: 'other.net', path: '/a', route: 'infra/no-host' },
  ])('$host$path → $route', ({ host, path, route }) => {
    expect(routeHttp(table, at(host, path)).route).toBe(route);
  });
});
