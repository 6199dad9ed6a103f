import { describe, expect, it } from 'vitest';
import { tableFrom } from './__fixtures__/load';
import { routeHttp } from './route-http';

const table = tableFrom('infra.yaml', 'header-matching.yaml');

// Conformance HTTPRouteHeaderMatching, from the spec's rules: header matches are ANDed within a
// match, matches are ORed within a rule, more header matches win, then rule order.
describe('header matching across rules', () => {
  it.each([
    { headers: { Version: 'one' }, backend: 'infra-backend-v1' },
    { headers: { Version: 'two' }, backend: 'infra-backend-v2' },
    { headers: { Version: 'two', Color: 'orange' }, backend: 'infra-backend-v1' },
    { headers: { Color: 'blue' }, backend: 'infra-backend-v1' },
    { headers: { Color: 'green' }, backend: 'infra-backend-v1' },
    { headers: { Color: 'red' }, backend: 'infra-backend-v2' },
    { headers: { Color: 'yellow' }, backend: 'infra-backend-v2' },
    // Ties between one-header matches go to the first rule in list order.
    { headers: { Version: 'one', Color: 'red' }, backend: 'infra-backend-v1' },
    { headers: { Version: 'two', Color: 'blue' }, backend: 'infra-backend-v2' },
    { headers: { Color: 'purple' }, backend: undefined },
    { headers: { Version: 'ONE' }, backend: undefined },
    { headers: {}, backend: undefined },
  ])('$headers → $backend', ({ headers, backend }) => {
    const d = routeHttp(table, {
      scheme: 'http',
      host: 'example.com',
      port: 80,
      method: 'GET',
      path: '/',
      headers,
      address: '127.0.10.1',
    });
    expect(d.backend?.service).toBe(backend);
    if (!backend) expect(d.status).toBe(404);
  });
});
