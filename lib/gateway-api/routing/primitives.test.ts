import { describe, expect, it } from 'vitest';
import { originAllowed } from './cors';
import { parseDuration } from './duration';
import { compareListenerHostnames, hostnameMatches, normalizeHost } from './hostname';
import { compileHttpMatch, pathMatches, prefixMatches } from './matchers';
import { parseTarget } from './request';

// Spec: Listener.hostname / HTTPRoute.hostnames wildcard semantics.
describe('hostnames', () => {
  it.each([
    ['*.example.com', 'foo.example.com', true],
    ['*.example.com', 'foo.bar.example.com', true],
    ['*.example.com', 'example.com', false],
    ['*.example.com', 'fooexample.com', false],
    ['foo.example.com', 'foo.example.com', true],
    ['foo.example.com', 'bar.example.com', false],
    [undefined, 'anything.net', true],
  ])('%s matches %s: %s', (pattern, host, expected) => {
    expect(hostnameMatches(pattern, host)).toBe(expected);
  });
  it('normalizes Host values', () => {
    expect(normalizeHost('Foo.Example.COM:8080')).toBe('foo.example.com');
    expect(normalizeHost('foo.example.com.')).toBe('foo.example.com');
    expect(normalizeHost('[::1]:80')).toBe('[::1]');
  });
  it('orders listeners exact, longer wildcard, wildcard, none', () => {
    const sorted = [undefined, '*.example.com', 'foo.example.com', '*.foo.example.com'].sort(compareListenerHostnames);
    expect(sorted).toEqual(['foo.example.com', '*.foo.example.com', '*.example.com', undefined]);
  });
});

// Spec: HTTPPathMatch.
describe('path matching', () => {
  it.each([
    ['/abc', '/abc', true],
    ['/abc', '/abc/', true],
    ['/abc', '/abc/def', true],
    ['/abc', '/abcd', false],
    ['/abc/', '/abc', true],
    ['/', '/anything', true],
  ])('PathPrefix %s vs %s: %s', (prefix, path, expected) => {
    expect(pathMatches(compileHttpMatch({ path: { type: 'PathPrefix', value: prefix } }), path)).toBe(expected);
    expect(prefixMatches(compileHttpMatch({ path: { value: prefix } }).prefixBase, path)).toBe(expected);
  });
  it('Exact is case-sensitive and slash-sensitive', () => {
    const m = compileHttpMatch({ path: { type: 'Exact', value: '/Foo' } });
    expect([pathMatches(m, '/Foo'), pathMatches(m, '/foo'), pathMatches(m, '/Foo/')]).toEqual([true, false, false]);
  });
  it('RegularExpression is a full match; an invalid pattern never matches', () => {
    expect(pathMatches(compileHttpMatch({ path: { type: 'RegularExpression', value: '/v[0-9]' } }), '/v1/x')).toBe(false);
    expect(pathMatches(compileHttpMatch({ path: { type: 'RegularExpression', value: '/v[0-9].*' } }), '/v1/x')).toBe(true);
    expect(pathMatches(compileHttpMatch({ path: { type: 'RegularExpression', value: '/(' } }), '/(')).toBe(false);
  });
  it('splits the target into path and first-wins query', () => {
    const t = parseTarget('/p?a=1&a=2&b=x%20y#frag');
    expect([t.path, t.rawQuery, t.query.get('a'), t.query.get('b')]).toEqual(['/p', 'a=1&a=2&b=x%20y', '1', 'x y']);
  });
});

// GEP-2257 durations.
describe('parseDuration', () => {
  it.each([
    ['10s', 10_000],
    ['500ms', 500],
    ['1h30m', 5_400_000],
    ['1m500ms', 60_500],
    ['0s', 0],
    ['1.5s', undefined],
    ['10', undefined],
  ])('%s → %s', (v, ms) => expect(parseDuration(v)).toBe(ms));
});

// Spec: HTTPCORSFilter.allowOrigins.
describe('CORS origins', () => {
  it.each([
    ['*', 'https://anything.net:1234', true],
    ['https://www.foo.com', 'https://www.foo.com', true],
    ['https://www.foo.com', 'https://www.foo.com:443', true],
    ['https://www.foo.com', 'http://www.foo.com', false],
    ['https://*.bar.com', 'https://a.b.bar.com', true],
    ['https://*.bar.com', 'https://bar.com', false],
    ['http://*.bar.com:8080', 'http://x.bar.com:8080', true],
    ['http://*.bar.com:8080', 'http://x.bar.com', false],
  ])('%s allows %s: %s', (pattern, origin, expected) => {
    expect(originAllowed(pattern, origin)).toBe(expected);
  });
});
