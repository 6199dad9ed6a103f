/**
 * The ASM guide's two scenarios (HTTP on 80, HTTPS on 443 with
 * myexample-credential) against a cluster that has what the guide assumes,
 * and the problems reported when a piece is missing.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeStatus } from './compute-status';
import { findCondition } from './conditions';
import { snapshotFromYaml } from './test-support';
import type { Snapshot } from './types';

const fixture = (name: string): string => readFileSync(path.join(__dirname, '__fixtures__', name), 'utf8');
const CONTROLLER = 'istio.io/gateway-controller';
const NOW = '2026-01-01T00:00:00Z';

function seed(): Snapshot {
  return snapshotFromYaml(fixture('seed-cluster.yaml'), fixture('seed-http.yaml'), fixture('seed-https.yaml'));
}

function run(s: Snapshot) {
  return computeStatus(s, { controllerNames: [CONTROLLER], now: NOW });
}

function cond(conds: { type: string; status: string; reason: string; message: string }[] | undefined, type: string) {
  const c = findCondition(conds as never, type);
  return c ? { status: c.status, reason: c.reason } : undefined;
}

describe('seed scenarios with everything present', () => {
  const st = run(seed());

  it.each(['istio-system/gateway', 'istio-system/gateway-https'])('%s is Accepted and Programmed', (key) => {
    const gw = st.gateways[key];
    expect(cond(gw?.conditions, 'Accepted')).toEqual({ status: 'True', reason: 'Accepted' });
    expect(cond(gw?.conditions, 'Programmed')).toEqual({ status: 'True', reason: 'Programmed' });
    expect(gw?.addresses).toEqual([{ type: 'IPAddress', value: '47.95.0.10' }]);
    const l = gw?.listeners?.[0];
    expect(l?.attachedRoutes).toBe(1);
    for (const t of ['Accepted', 'Programmed', 'ResolvedRefs']) expect(cond(l?.conditions, t)?.status).toBe('True');
    expect(cond(l?.conditions, 'Conflicted')).toEqual({ status: 'False', reason: 'NoConflicts' });
    expect(l?.supportedKinds.map((k) => k.kind)).toEqual(['HTTPRoute', 'GRPCRoute']);
  });

  it.each(['default/http', 'default/httpbin-https'])('route %s is Accepted with refs resolved', (key) => {
    const parent = st.httpRoutes[key]?.parents[0];
    expect(parent?.controllerName).toBe(CONTROLLER);
    expect(cond(parent?.conditions, 'Accepted')).toEqual({ status: 'True', reason: 'Accepted' });
    expect(cond(parent?.conditions, 'ResolvedRefs')).toEqual({ status: 'True', reason: 'ResolvedRefs' });
  });

  it('lists the attachments routing needs, with the effective hostnames', () => {
    expect(st.attachments).toEqual([
      {
        gateway: 'istio-system/gateway',
        listener: 'default',
        port: 80,
        protocol: 'HTTP',
        routeKind: 'HTTPRoute',
        route: 'default/http',
        hostnames: ['*.aliyun.com'],
      },
      {
        gateway: 'istio-system/gateway-https',
        listener: 'https',
        port: 443,
        protocol: 'HTTPS',
        routeKind: 'HTTPRoute',
        route: 'default/httpbin-https',
        hostnames: ['*.aliyun.com'],
      },
    ]);
    expect(st.backends.HTTPRoute['default/http']?.[0]?.backends[0]).toMatchObject({
      service: 'default/httpbin',
      port: 8000,
      weight: 1,
      valid: true,
      endpoints: 1,
    });
  });
});

describe('seed scenarios with a piece missing', () => {
  it('without the ingress gateway Service, the Gateways are not programmed and the message names it', () => {
    const s = seed();
    s.services = s.services.filter((x) => x.metadata.name !== 'istio-ingressgateway');
    const gw = run(s).gateways['istio-system/gateway'];
    expect(cond(gw?.conditions, 'Programmed')).toEqual({ status: 'False', reason: 'AddressNotUsable' });
    expect(findCondition(gw?.conditions, 'Programmed')?.message).toContain('istio-system/istio-ingressgateway');
  });

  it('without the certificate Secret, the HTTPS listener has InvalidCertificateRef and is not programmed', () => {
    const s = seed();
    s.secrets = [];
    const l = run(s).gateways['istio-system/gateway-https']?.listeners?.[0];
    expect(cond(l?.conditions, 'ResolvedRefs')).toEqual({ status: 'False', reason: 'InvalidCertificateRef' });
    expect(findCondition(l?.conditions, 'ResolvedRefs')?.message).toContain('istio-system/myexample-credential');
    expect(cond(l?.conditions, 'Programmed')?.status).toBe('False');
  });

  it('when the ingress gateway does not expose 443, the HTTPS listener says to open the port first', () => {
    const s = seed();
    const svc = s.services.find((x) => x.metadata.name === 'istio-ingressgateway');
    if (svc) svc.spec.ports = svc.spec.ports?.filter((p) => p.port !== 443);
    const st = run(s);
    const l = st.gateways['istio-system/gateway-https']?.listeners?.[0];
    expect(cond(l?.conditions, 'Programmed')).toEqual({ status: 'False', reason: 'Pending' });
    expect(findCondition(l?.conditions, 'Programmed')?.message).toMatch(/open port 443 on the ingress gateway first/);
    expect(cond(st.gateways['istio-system/gateway']?.conditions, 'Programmed')?.status).toBe('True');
  });

  it('without httpbin, the routes report BackendNotFound but stay Accepted', () => {
    const s = seed();
    s.services = s.services.filter((x) => x.metadata.name !== 'httpbin');
    const parent = run(s).httpRoutes['default/http']?.parents[0];
    expect(cond(parent?.conditions, 'Accepted')?.status).toBe('True');
    expect(cond(parent?.conditions, 'ResolvedRefs')).toEqual({ status: 'False', reason: 'BackendNotFound' });
  });

  it('without the GatewayClass nothing is handled', () => {
    const s = seed();
    s.gatewayClasses = [];
    const st = run(s);
    expect(st.gateways).toEqual({});
    expect(st.attachments).toEqual([]);
  });

  it('a listener hostname of "*" alone is reported, not crashed on', () => {
    const s = seed();
    const gw = s.gateways[0];
    if (gw?.spec.listeners[0]) gw.spec.listeners[0].hostname = '*';
    const st = run(s);
    const l = st.gateways['istio-system/gateway']?.listeners?.[0];
    expect(cond(l?.conditions, 'Accepted')).toEqual({ status: 'False', reason: 'UnsupportedValue' });
    expect(cond(st.gateways['istio-system/gateway']?.conditions, 'Accepted')).toEqual({
      status: 'False',
      reason: 'ListenersNotValid',
    });
    expect(cond(st.httpRoutes['default/http']?.parents[0]?.conditions, 'Accepted')).toEqual({
      status: 'False',
      reason: 'NoMatchingParent',
    });
  });
});

describe('API versions', () => {
  it('v1 objects (Gateway API v1.1+, ASM 1.22+) give the same status as v1beta1 (v0.6, ASM 1.18)', () => {
    const v1 = (t: string) => t.replaceAll('gateway.networking.k8s.io/v1beta1', 'gateway.networking.k8s.io/v1');
    const a = run(seed());
    const b = run(
      snapshotFromYaml(v1(fixture('seed-cluster.yaml')), v1(fixture('seed-http.yaml')), v1(fixture('seed-https.yaml'))),
    );
    expect(b).toEqual(a);
    expect(Object.keys(b.gateways)).toHaveLength(2);
  });
});
