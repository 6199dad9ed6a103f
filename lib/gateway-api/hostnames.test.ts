/** Hostname rules of HTTPRouteSpec.hostnames and Listener.hostname (spec text, table-driven). */
import { describe, expect, it } from 'vitest';
import { hostnameCovers, hostnamePrecedence, intersectHostnames, listenerHostnameProblem } from './hostnames';

describe('intersectHostnames(listener, route hostnames)', () => {
  it.each([
    // [listener, route hostnames, expected effective hostnames (null = no attachment)]
    ['*.example.com', ['foo.example.com'], ['foo.example.com']],
    ['*.example.com', ['foo.bar.example.com'], ['foo.bar.example.com']], // wildcard spans several labels
    ['*.example.com', ['*.foo.example.com'], ['*.foo.example.com']],
    ['*.example.com', ['example.com'], null], // the wildcard needs at least one label
    ['foo.example.com', ['*.example.com'], ['foo.example.com']], // the more specific side takes effect
    ['foo.example.com', ['bar.example.com'], null],
    ['foo.example.com', ['foo.example.com'], ['foo.example.com']],
    ['*.foo.example.com', ['*.example.com'], ['*.foo.example.com']],
    [undefined, ['foo.example.com', 'a.b.io'], ['a.b.io', 'foo.example.com']], // listener without hostname matches all
    [undefined, [], []], // neither restricts: any host
    ['*.example.com', [], ['*.example.com']], // route without hostnames inherits the listener's
    ['*.example.com', ['other.io', 'a.example.com'], ['a.example.com']], // only intersecting names stay
  ] as const)('%s ∩ %j = %j', (listener, routes, expected) => {
    expect(intersectHostnames(listener, routes)).toEqual(expected);
  });
});

describe('hostnameCovers', () => {
  it.each([
    ['*.example.com', 'foo.example.com', true],
    ['*.example.com', '*.foo.example.com', true],
    ['*.foo.example.com', '*.example.com', false],
    ['*.example.com', 'example.com', false],
    ['foo.example.com', '*.example.com', false],
  ] as const)('%s covers %s: %s', (a, b, expected) => {
    expect(hostnameCovers(a, b)).toBe(expected);
  });
});

describe('listenerHostnameProblem', () => {
  it.each([
    ['*', /alone is not allowed/],
    ['10.0.0.1', /IP address/],
    ['foo.*.com', /not a valid DNS name/],
    ['UPPER.example.com', /not a valid DNS name/],
  ])('%s is rejected', (h, msg) => {
    expect(listenerHostnameProblem(h)).toMatch(msg);
  });
  it.each([undefined, '', 'foo.example.com', '*.example.com'])('%s is fine', (h) => {
    expect(listenerHostnameProblem(h)).toBeUndefined();
  });
});

describe('hostnamePrecedence (spec: exact > more-label wildcard > wildcard > empty)', () => {
  it('orders hostnames as the spec lists them', () => {
    const hosts = [undefined, '*.example.com', 'foo.example.com', '*.foo.example.com'];
    const sorted = [...hosts].sort((a, b) => hostnamePrecedence(b) - hostnamePrecedence(a));
    expect(sorted).toEqual(['foo.example.com', '*.foo.example.com', '*.example.com', undefined]);
  });
});
