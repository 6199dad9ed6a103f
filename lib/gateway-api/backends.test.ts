/**
 * Route ResolvedRefs from backendRefs (spec: BackendRef, RouteConditionReason)
 * and ReferenceGrant present / absent / wrong kind.
 */
import { describe, expect, it } from 'vitest';
import { computeStatus } from './compute-status';
import { findCondition } from './conditions';
import { baseSnapshot, gateway, httpListener, httpRoute, referenceGrant, service, TEST_CONTROLLER } from './test-builders';
import type { HTTPBackendRef, ResolvedBackend, Snapshot } from './types';

const NOW = '2026-01-01T00:00:00Z';

function resolve(ref: HTTPBackendRef, edit?: (s: Snapshot) => void): { cond: string; backend?: ResolvedBackend } {
  const s = baseSnapshot();
  s.gateways.push(gateway('apps', 'gw', [httpListener('web', 80)]));
  s.httpRoutes.push(httpRoute('apps', 'r', { parentRefs: [{ name: 'gw' }], rules: [{ backendRefs: [ref] }] }));
  edit?.(s);
  const st = computeStatus(s, { controllerNames: [TEST_CONTROLLER], now: NOW });
  const c = findCondition(st.httpRoutes['apps/r']?.parents[0]?.conditions, 'ResolvedRefs');
  return { cond: `${c?.status}/${c?.reason}`, backend: st.backends.HTTPRoute['apps/r']?.[0]?.backends[0] };
}

const svc =
  (ns: string, ports = [8080], extra = {}) =>
  (s: Snapshot) =>
    s.services.push(service(ns, 'b', ports, extra));

describe('backendRefs → ResolvedRefs', () => {
  it.each([
    ['Service and port exist', { name: 'b', port: 8080 }, svc('apps'), 'True/ResolvedRefs'],
    ['Service missing', { name: 'b', port: 8080 }, undefined, 'False/BackendNotFound'],
    ['port missing on the Service', { name: 'b', port: 9999 }, svc('apps'), 'False/BackendNotFound'],
    ['no port given', { name: 'b' }, svc('apps'), 'False/BackendNotFound'],
    ['unsupported kind', { name: 'b', port: 8080, group: 'example.com', kind: 'Bucket' }, svc('apps'), 'False/InvalidKind'],
    [
      'UDP port',
      { name: 'b', port: 8080 },
      (s: Snapshot) =>
        s.services.push({ metadata: { name: 'b', namespace: 'apps' }, spec: { ports: [{ port: 8080, protocol: 'UDP' }] } }),
      'False/UnsupportedProtocol',
    ],
    [
      'non-HTTP appProtocol',
      { name: 'b', port: 8080 },
      (s: Snapshot) =>
        s.services.push({ metadata: { name: 'b', namespace: 'apps' }, spec: { ports: [{ port: 8080, appProtocol: 'mysql' }] } }),
      'False/UnsupportedProtocol',
    ],
    [
      'h2c appProtocol is fine',
      { name: 'b', port: 8080 },
      (s: Snapshot) =>
        s.services.push({
          metadata: { name: 'b', namespace: 'apps' },
          spec: { ports: [{ port: 8080, appProtocol: 'kubernetes.io/h2c' }] },
        }),
      'True/ResolvedRefs',
    ],
  ] as const)('%s', (_, ref, edit, expected) => {
    expect(resolve(ref, edit).cond).toBe(expected);
  });
});

describe('cross-namespace backendRefs need a ReferenceGrant', () => {
  const ref = { name: 'b', namespace: 'data', port: 8080 };
  it.each([
    ['absent', [], 'False/RefNotPermitted'],
    ['present (all Services)', [referenceGrant('data', 'apps', 'HTTPRoute', 'Service')], 'True/ResolvedRefs'],
    ['present for this Service by name', [referenceGrant('data', 'apps', 'HTTPRoute', 'Service', 'b')], 'True/ResolvedRefs'],
    ['for another Service name', [referenceGrant('data', 'apps', 'HTTPRoute', 'Service', 'other')], 'False/RefNotPermitted'],
    ['wrong from kind (GRPCRoute)', [referenceGrant('data', 'apps', 'GRPCRoute', 'Service')], 'False/RefNotPermitted'],
    ['wrong to kind (Secret)', [referenceGrant('data', 'apps', 'HTTPRoute', 'Secret')], 'False/RefNotPermitted'],
    ['from another namespace', [referenceGrant('data', 'other', 'HTTPRoute', 'Service')], 'False/RefNotPermitted'],
    [
      'in the route namespace instead of the target',
      [referenceGrant('apps', 'apps', 'HTTPRoute', 'Service')],
      'False/RefNotPermitted',
    ],
  ])('%s', (_, grants, expected) => {
    const res = resolve(ref, (s) => {
      s.services.push(service('data', 'b', [8080]));
      s.referenceGrants.push(...grants);
    });
    expect(res.cond).toBe(expected);
    expect(res.backend?.crossNamespace).toBe(true);
    if (expected.startsWith('True')) expect(res.backend?.referenceGrant).toBe(`data/${grants[0]?.metadata.name}`);
  });
});

describe('resolved backend details for routing', () => {
  it('defaults weight to 1, keeps 0, counts ready endpoints', () => {
    const s = (w?: number) =>
      resolve(w === undefined ? { name: 'b', port: 8080 } : { name: 'b', port: 8080, weight: w }, (x) => {
        x.services.push(service('apps', 'b', [8080]));
        x.endpointSlices.push({
          metadata: { name: 'b-1', namespace: 'apps', labels: { 'kubernetes.io/service-name': 'b' } },
          endpoints: [
            { addresses: ['10.0.0.1'], conditions: { ready: true } },
            { addresses: ['10.0.0.2'], conditions: { ready: false } },
            { addresses: ['10.0.0.3'] },
          ],
        });
      }).backend;
    expect(s()).toMatchObject({ weight: 1, valid: true, endpoints: 2, service: 'apps/b', crossNamespace: false });
    expect(s(0)?.weight).toBe(0);
  });
});
