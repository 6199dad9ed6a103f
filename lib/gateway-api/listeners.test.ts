/**
 * Listener conditions (spec: ListenerConditionType / ListenerConditionReason):
 * certificate references, ReferenceGrants for Secrets, route kinds,
 * protocols and conflicts inside one Gateway.
 */
import { describe, expect, it } from 'vitest';
import { computeStatus } from './compute-status';
import { findCondition } from './conditions';
import { baseSnapshot, gateway, httpListener, referenceGrant, TEST_CONTROLLER, tlsSecret } from './test-builders';
import type { Listener, ListenerStatus, SecretSummary, Snapshot } from './types';

const NOW = '2026-01-01T00:00:00Z';

function listeners(ls: Listener[], edit?: (s: Snapshot) => void): ListenerStatus[] {
  const s = baseSnapshot();
  s.gateways.push(gateway('infra', 'gw', ls));
  edit?.(s);
  return (
    computeStatus(s, { controllerNames: [TEST_CONTROLLER], now: NOW, provisionedAddresses: { 'infra/gw': '10.9.9.9' } }).gateways[
      'infra/gw'
    ]?.listeners ?? []
  );
}
const c = (l: ListenerStatus | undefined, type: string) => {
  const x = findCondition(l?.conditions, type);
  return x && `${x.status}/${x.reason}`;
};
const https = (ref: { name: string; namespace?: string; kind?: string; group?: string }): Listener => ({
  name: 'https',
  port: 443,
  protocol: 'HTTPS',
  tls: { mode: 'Terminate', certificateRefs: [ref] },
  allowedRoutes: { namespaces: { from: 'All' } },
});
const withSecrets =
  (...secrets: SecretSummary[]) =>
  (s: Snapshot) =>
    s.secrets.push(...secrets);

describe('certificateRefs → ResolvedRefs', () => {
  it.each([
    [
      'valid TLS Secret',
      https({ name: 'cert' }),
      withSecrets(tlsSecret('infra', 'cert')),
      'True/ResolvedRefs',
      'True/Programmed',
    ],
    ['missing Secret', https({ name: 'cert' }), undefined, 'False/InvalidCertificateRef', 'False/Invalid'],
    [
      'Opaque Secret',
      https({ name: 'cert' }),
      withSecrets(tlsSecret('infra', 'cert', ['tls.crt', 'tls.key'], 'Opaque')),
      'False/InvalidCertificateRef',
      'False/Invalid',
    ],
    [
      'Secret without tls.key',
      https({ name: 'cert' }),
      withSecrets(tlsSecret('infra', 'cert', ['tls.crt'])),
      'False/InvalidCertificateRef',
      'False/Invalid',
    ],
    [
      'ref to a ConfigMap',
      https({ name: 'cert', kind: 'ConfigMap' }),
      withSecrets(tlsSecret('infra', 'cert')),
      'False/InvalidCertificateRef',
      'False/Invalid',
    ],
    [
      'cross-namespace without ReferenceGrant',
      https({ name: 'cert', namespace: 'certs' }),
      withSecrets(tlsSecret('certs', 'cert')),
      'False/RefNotPermitted',
      'False/Invalid',
    ],
    [
      'cross-namespace with ReferenceGrant',
      https({ name: 'cert', namespace: 'certs' }),
      (s: Snapshot) => {
        s.secrets.push(tlsSecret('certs', 'cert'));
        s.referenceGrants.push(referenceGrant('certs', 'infra', 'Gateway', 'Secret'));
      },
      'True/ResolvedRefs',
      'True/Programmed',
    ],
    [
      'ReferenceGrant naming another Secret',
      https({ name: 'cert', namespace: 'certs' }),
      (s: Snapshot) => {
        s.secrets.push(tlsSecret('certs', 'cert'));
        s.referenceGrants.push(referenceGrant('certs', 'infra', 'Gateway', 'Secret', 'other'));
      },
      'False/RefNotPermitted',
      'False/Invalid',
    ],
    [
      'ReferenceGrant for the wrong kind (from HTTPRoute)',
      https({ name: 'cert', namespace: 'certs' }),
      (s: Snapshot) => {
        s.secrets.push(tlsSecret('certs', 'cert'));
        s.referenceGrants.push(referenceGrant('certs', 'infra', 'HTTPRoute', 'Secret'));
      },
      'False/RefNotPermitted',
      'False/Invalid',
    ],
  ] as const)('%s', (_, l, edit, resolved, programmed) => {
    const [st] = listeners([l], edit);
    expect(c(st, 'ResolvedRefs')).toBe(resolved);
    expect(c(st, 'Programmed')).toBe(programmed);
  });

  it('HTTPS without certificateRefs is InvalidCertificateRef', () => {
    const [st] = listeners([{ name: 'https', port: 443, protocol: 'HTTPS', tls: { mode: 'Terminate' } }]);
    expect(c(st, 'ResolvedRefs')).toBe('False/InvalidCertificateRef');
  });
});

describe('protocol and route kinds', () => {
  it.each([
    ['HTTP', undefined, 'True/Accepted', 'True/ResolvedRefs', ['HTTPRoute', 'GRPCRoute']],
    ['HTTP', [{ kind: 'HTTPRoute' }, { kind: 'TCPRoute' }], 'True/Accepted', 'False/InvalidRouteKinds', ['HTTPRoute']],
    ['HTTP', [{ group: 'example.com', kind: 'HTTPRoute' }], 'True/Accepted', 'False/InvalidRouteKinds', []],
    ['TCP', undefined, 'True/Accepted', 'True/ResolvedRefs', ['TCPRoute']],
    ['SCTP', undefined, 'False/UnsupportedProtocol', 'True/ResolvedRefs', []],
  ] as const)('%s with kinds %j', (protocol, kinds, acc, refs, supported) => {
    const l: Listener = { name: 'l', port: 80, protocol, allowedRoutes: kinds ? { kinds: [...kinds] } : {} };
    const [st] = listeners([l]);
    expect(c(st, 'Accepted')).toBe(acc);
    expect(c(st, 'ResolvedRefs')).toBe(refs);
    expect(st?.supportedKinds.map((k) => k.kind)).toEqual(supported);
  });

  // A cluster with Gateway API v0.6 (ASM 1.18) has no GRPCRoute CRD: listeners cannot serve it.
  it.each([
    ['GRPCRoute not served, default kinds', undefined, 'True/ResolvedRefs', ['HTTPRoute']],
    ['GRPCRoute not served, asked for', [{ kind: 'GRPCRoute' }], 'False/InvalidRouteKinds', []],
    ['both served', undefined, 'True/ResolvedRefs', ['HTTPRoute', 'GRPCRoute']],
  ] as const)('%s', (name, kinds, refs, supported) => {
    const l: Listener = { name: 'l', port: 80, protocol: 'HTTP', allowedRoutes: kinds ? { kinds: [...kinds] } : {} };
    const served: Array<'HTTPRoute' | 'GRPCRoute'> = name === 'both served' ? ['HTTPRoute', 'GRPCRoute'] : ['HTTPRoute'];
    const [st] = listeners([l], (s) => (s.servedRouteKinds = served));
    expect(c(st, 'ResolvedRefs')).toBe(refs);
    expect(st?.supportedKinds.map((k) => k.kind)).toEqual(supported);
  });

  it('kinds outside the snapshot (TCPRoute) are not ruled out by servedRouteKinds', () => {
    const [st] = listeners([{ name: 't', port: 9000, protocol: 'TCP' }], (s) => (s.servedRouteKinds = ['HTTPRoute']));
    expect(st?.supportedKinds.map((k) => k.kind)).toEqual(['TCPRoute']);
  });
});

describe('conflicts within one Gateway (spec: no listener wins)', () => {
  it.each([
    [
      'same port and hostname',
      [httpListener('a', 80, 'x.io'), httpListener('b', 80, 'x.io')],
      ['True/HostnameConflict', 'True/HostnameConflict'],
    ],
    [
      'same port, different hostnames',
      [httpListener('a', 80, 'x.io'), httpListener('b', 80, 'y.io')],
      ['False/NoConflicts', 'False/NoConflicts'],
    ],
    [
      'same port, both without hostname',
      [httpListener('a', 80), httpListener('b', 80)],
      ['True/HostnameConflict', 'True/HostnameConflict'],
    ],
    [
      'HTTP and TCP on one port',
      [httpListener('a', 80), { name: 'b', port: 80, protocol: 'TCP' }],
      ['True/ProtocolConflict', 'True/ProtocolConflict'],
    ],
    ['different ports', [httpListener('a', 80), httpListener('b', 81)], ['False/NoConflicts', 'False/NoConflicts']],
  ] as const)('%s', (_, ls, expected) => {
    const st = listeners([...ls]);
    expect(st.map((l) => c(l, 'Conflicted'))).toEqual(expected);
  });

  it('reports ListenersNotValid on the Gateway, still Accepted while one listener is fine', () => {
    const s = baseSnapshot();
    s.gateways.push(
      gateway('infra', 'gw', [httpListener('a', 80, 'x.io'), httpListener('b', 80, 'x.io'), httpListener('c', 81)]),
    );
    const gw = computeStatus(s, {
      controllerNames: [TEST_CONTROLLER],
      now: NOW,
      provisionedAddresses: { 'infra/gw': '10.9.9.9' },
    }).gateways['infra/gw'];
    const acc = findCondition(gw?.conditions, 'Accepted');
    expect(`${acc?.status}/${acc?.reason}`).toBe('True/ListenersNotValid');
    expect(acc?.message).toContain('"a"');
    expect(acc?.message).toContain('"b"');
  });
});
