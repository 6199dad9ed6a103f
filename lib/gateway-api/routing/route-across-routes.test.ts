import { describe, expect, it } from 'vitest';
import { tableFrom } from './__fixtures__/load';
import { routeHttp } from './route-http';

const table = tableFrom('infra.yaml', 'across-routes.yaml');

// Conformance HTTPRouteMatchingAcrossRoutes: the `*.com` route's more precise matches
// win over the `example.com` route's catch-all; hostname specificity only breaks ties.
describe('matching across routes with intersecting hostnames', () => {
  it.each([
    { host: 'example.com', path: '/', headers: {}, backend: 'infra-backend-v1' },
    { host: 'example.com', path: '/example', headers: {}, backend: 'infra-backend-v1' },
    { host: 'example.net', path: '/example', headers: {}, backend: 'infra-backend-v1' },
    { host: 'example.com', path: '/example', headers: { Version: 'one' }, backend: 'infra-backend-v1' },
    { host: 'example.com', path: '/v2', headers: {}, backend: 'infra-backend-v2' },
    { host: 'example.net', path: '/v2', headers: {}, backend: 'infra-backend-v1' },
    { host: 'example.com', path: '/v2/example', headers: {}, backend: 'infra-backend-v2' },
    { host: 'example.com', path: '/', headers: { Version: 'two' }, backend: 'infra-backend-v2' },
  ])('$host$path $headers → $backend', ({ host, path, headers, backend }) => {
    const d = routeHttp(table, { scheme: 'http', host, port: 80, method: 'GET', path, headers, address: '127.0.10.1' });
    expect(d.backend?.service).toBe(backend);
  });

  it('with equal match criteria the more specific route hostname wins, even over an older route', () => {
    const tie = tableFrom('infra.yaml', 'across-routes.yaml', 'hostname-tie.yaml');
    const d = routeHttp(tie, {
      scheme: 'http',
      host: 'example.com',
      port: 80,
      method: 'GET',
      path: '/v2/x',
      headers: {},
      address: '127.0.10.1',
    });
    expect(d.route).toBe('infra/part3-newer-exact');
    const lost = d.explanation.find((s) => s.step === 'rule' && s.candidate.includes('matching-part2 rule 0 match 0'));
    expect(lost?.reason).toMatch(/route hostname example\.com is more specific than \*\.com/);
    // Where the exact-hostname route does not apply, the wildcard one still does.
    const other = routeHttp(tie, {
      scheme: 'http',
      host: 'www.example.com',
      port: 80,
      method: 'GET',
      path: '/v2/x',
      headers: {},
      address: '127.0.10.1',
    });
    expect(other.route).toBe('infra/matching-part2');
  });

  it('an unknown host under *.com reaches only part2', () => {
    const d = routeHttp(table, {
      scheme: 'http',
      host: 'other.com',
      port: 80,
      method: 'GET',
      path: '/',
      headers: {},
      address: '127.0.10.1',
    });
    expect(d.status).toBe(404);
  });
});
