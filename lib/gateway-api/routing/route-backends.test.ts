import { describe, expect, it } from 'vitest';
import { seeded, tableFrom } from './__fixtures__/load';
import { routeHttp } from './route-http';
import type { HttpRequestInput } from './types';

const table = tableFrom('infra.yaml', 'backends.yaml');

function req(path: string): HttpRequestInput {
  return { scheme: 'http', host: 'example.com', port: 80, method: 'GET', path, headers: {}, address: '127.0.10.1' };
}

function draw(path: string, n: number, seed: number): Map<string, number> {
  const random = seeded(seed);
  const counts = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const d = routeHttp(table, req(path), { random, explain: false });
    const k = d.backend?.service ?? String(d.status);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return counts;
}

// Spec: HTTPBackendRef.weight — share = weight / sum; 0 is never picked.
describe('weights', () => {
  it('reports alternatives with their probabilities', () => {
    const d = routeHttp(table, req('/weighted'), { random: () => 0 });
    expect(d.alternatives.map((a) => [a.service, a.weight, a.probability])).toEqual([
      ['infra-backend-v1', 70, 0.7],
      ['infra-backend-v2', 30, 0.3],
      ['infra-backend-v3', 0, 0],
    ]);
  });
  it('splits traffic within tolerance and never picks weight 0 (seeded, 5000 draws)', () => {
    const c = draw('/weighted', 5000, 42);
    expect(c.get('infra-backend-v3')).toBeUndefined();
    const v1 = (c.get('infra-backend-v1') ?? 0) / 5000;
    expect(v1).toBeGreaterThan(0.67);
    expect(v1).toBeLessThan(0.73);
  });
  it('weight defaults to 1 (even split)', () => {
    const c = draw('/default-weight', 4000, 3);
    const v1 = (c.get('infra-backend-v1') ?? 0) / 4000;
    expect(v1).toBeGreaterThan(0.46);
    expect(v1).toBeLessThan(0.54);
  });
  it('boundary draws pick the expected backend', () => {
    expect(routeHttp(table, req('/weighted'), { random: () => 0.6999 }).backend?.service).toBe('infra-backend-v1');
    expect(routeHttp(table, req('/weighted'), { random: () => 0.7 }).backend?.service).toBe('infra-backend-v2');
    expect(routeHttp(table, req('/weighted'), { random: () => 0.99999 }).backend?.service).toBe('infra-backend-v2');
  });
});

// Spec: HTTPRouteRule.backendRefs failure behaviour — 500 for invalid refs, in proportion.
describe('invalid backends', () => {
  it.each([
    { path: '/all-zero', reason: /weight 0/ },
    { path: '/all-invalid', reason: /invalid/ },
    { path: '/no-backends', reason: /no backendRefs/ },
    { path: '/cross-ns-denied', reason: /RefNotPermitted/ },
    { path: '/wrong-kind', reason: /InvalidKind/ },
  ])('$path → 500', ({ path, reason }) => {
    const d = routeHttp(table, req(path), { random: () => 0.1 });
    expect(d.outcome).toBe('direct-response');
    expect(d.status).toBe(500);
    expect(d.backend).toBeUndefined();
    expect(d.explanation.some((s) => s.step === 'backend' && reason.test(s.reason))).toBe(true);
  });
  it('a ReferenceGrant makes the cross-namespace ref valid', () => {
    const d = routeHttp(table, req('/cross-ns-granted'));
    expect(d.backend).toEqual({ service: 'granted', namespace: 'other', port: 8080, weight: 1 });
  });
  it("an invalid ref's share of traffic gets 500 (half of it here)", () => {
    const c = draw('/half-invalid', 4000, 9);
    const errors = (c.get('500') ?? 0) / 4000;
    expect(errors).toBeGreaterThan(0.46);
    expect(errors).toBeLessThan(0.54);
    expect((c.get('infra-backend-v1') ?? 0) + (c.get('500') ?? 0)).toBe(4000);
  });
  it('marks the invalid alternatives and why', () => {
    const d = routeHttp(table, req('/all-invalid'));
    expect(d.alternatives.map((a) => [a.valid, a.problem?.split(':')[0]])).toEqual([
      [false, 'BackendNotFound'],
      [false, 'BackendNotFound'],
    ]);
  });
});
