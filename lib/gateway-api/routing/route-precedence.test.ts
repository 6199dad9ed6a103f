import { describe, expect, it } from 'vitest';
import { tableFrom } from './__fixtures__/load';
import { routeHttp } from './route-http';
import type { HttpRequestInput } from './types';

const table = tableFrom('infra.yaml', 'precedence.yaml');

function req(path: string, extra: Partial<HttpRequestInput> = {}): HttpRequestInput {
  return { scheme: 'http', host: 'example.com', port: 80, method: 'GET', path, headers: {}, address: '127.0.10.1', ...extra };
}

// Spec: HTTPRouteRule.matches precedence and the cross-route tie-breaks.
describe('HTTPRoute match precedence', () => {
  const cases: Array<{ name: string; r: HttpRequestInput; backend: string; route?: string; rule?: number }> = [
    { name: 'Exact path beats the catch-all prefix', r: req('/exact'), backend: 'infra-backend-v1', rule: 1 },
    { name: 'Exact does not match with a trailing slash', r: req('/exact/'), backend: 'infra-backend-v3', rule: 0 },
    { name: 'prefix matches on a segment boundary', r: req('/prefix/x'), backend: 'infra-backend-v1' },
    { name: 'prefix does not match a longer segment', r: req('/prefixes'), backend: 'infra-backend-v3' },
    { name: 'longer prefix wins', r: req('/prefix/longer/x'), backend: 'infra-backend-v2' },
    { name: 'longer prefix is whole segments only', r: req('/prefix/longerx'), backend: 'infra-backend-v1' },
    { name: 'method match beats no method', r: req('/foo', { method: 'POST' }), backend: 'infra-backend-v2', rule: 5 },
    {
      name: 'without the method the other rule matches',
      r: req('/foo', { method: 'PUT' }),
      backend: 'infra-backend-v1',
      rule: 4,
    },
    {
      name: 'more header matches win',
      r: req('/hdr', { headers: { version: 'one', color: 'blue' } }),
      backend: 'infra-backend-v2',
    },
    {
      name: 'fewer header matches when only one is present',
      r: req('/hdr', { headers: { version: 'one' } }),
      backend: 'infra-backend-v1',
    },
    {
      name: 'header names are case-insensitive',
      r: req('/hdr', { headers: { VERSION: 'one', Color: 'blue' } }),
      backend: 'infra-backend-v2',
    },
    { name: 'header values are case-sensitive', r: req('/hdr', { headers: { version: 'One' } }), backend: 'infra-backend-v3' },
    { name: 'more query matches win', r: req('/q?animal=whale&color=blue'), backend: 'infra-backend-v2' },
    { name: 'one query match', r: req('/q?animal=whale'), backend: 'infra-backend-v1' },
    { name: 'repeated query param: first value counts', r: req('/q?animal=dolphin&animal=whale'), backend: 'infra-backend-v3' },
    { name: 'query values are percent-decoded', r: req('/q?animal=wh%61le'), backend: 'infra-backend-v1' },
    { name: 'PathPrefix beats RegularExpression', r: req('/regex/123'), backend: 'infra-backend-v1' },
    { name: 'method beats header count', r: req('/mh', { headers: { 'x-a': '1', 'x-b': '2' } }), backend: 'infra-backend-v1' },
    {
      name: 'header rule when the method differs',
      r: req('/mh', { method: 'POST', headers: { 'x-a': '1', 'x-b': '2' } }),
      backend: 'infra-backend-v2',
    },
    { name: 'longer prefix beats a method match', r: req('/pl/a/b'), backend: 'infra-backend-v2' },
    { name: 'trailing slash of a prefix is ignored', r: req('/trail'), backend: 'infra-backend-v2' },
    {
      name: 'regex header and query full-match',
      r: req('/rx?id=abc', { headers: { 'x-version': 'v12' } }),
      backend: 'infra-backend-v2',
    },
    {
      name: 'regex must match the full value',
      r: req('/rx?id=abcd', { headers: { 'x-version': 'v12' } }),
      backend: 'infra-backend-v3',
    },
    {
      name: 'duplicate header matchers: only the first counts',
      r: req('/dup', { headers: { 'x-dup': 'first' } }),
      backend: 'infra-backend-v2',
    },
    {
      name: 'repeated request headers are joined',
      r: req('/hdr', { headers: { version: ['one', 'two'] } }),
      backend: 'infra-backend-v3',
    },
    { name: 'matches of a rule are ORed (first)', r: req('/or-a'), backend: 'infra-backend-v2' },
    {
      name: 'matches of a rule are ORed (second needs DELETE)',
      r: req('/or-b', { method: 'DELETE' }),
      backend: 'infra-backend-v2',
    },
    { name: 'matches are ANDed within one match', r: req('/or-b'), backend: 'infra-backend-v3' },
    { name: 'oldest route wins a tie', r: req('/tie'), backend: 'infra-backend-v1', route: 'infra/tie-older' },
    { name: 'same age: {namespace}/{name} order', r: req('/same'), backend: 'infra-backend-v1', route: 'infra/a-same-age' },
    { name: 'same route: first rule wins', r: req('/order'), backend: 'infra-backend-v1', rule: 1 },
    {
      name: 'Exact in a newer route beats PathPrefix in an older one',
      r: req('/ep'),
      backend: 'infra-backend-v2',
      route: 'infra/exact-newer',
    },
  ];
  it.each(cases)('$name', ({ r, backend, route, rule }) => {
    const d = routeHttp(table, r, { random: () => 0 });
    expect(d.outcome).toBe('forward');
    expect(d.backend?.service).toBe(backend);
    if (route) expect(d.route).toBe(route);
    if (rule !== undefined) expect(d.ruleIndex).toBe(rule);
  });

  it('explains why higher-precedence candidates lost and lower ones did not win', () => {
    const d = routeHttp(table, req('/tie'));
    const rules = d.explanation.filter((s) => s.step === 'rule');
    const chosen = rules.find((s) => s.chosen);
    expect(chosen?.candidate).toContain('infra/tie-older rule 0');
    const newer = rules.find((s) => s.candidate.includes('infra/tie-newer'));
    expect(newer?.chosen).toBe(false);
    expect(newer?.reason).toMatch(/older route/);
    const catchAll = rules.find((s) => s.candidate.includes('infra/matching rule 0 '));
    expect(catchAll?.reason).toMatch(/longer path prefix/);
  });

  it('is independent of object order in the snapshot', () => {
    const reversed = tableFrom('precedence.yaml', 'infra.yaml');
    for (const c of cases) {
      expect(routeHttp(reversed, c.r, { random: () => 0 }).backend?.service).toBe(c.backend);
    }
  });
});
