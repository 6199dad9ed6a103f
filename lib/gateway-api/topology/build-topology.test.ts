/** The topology graph of the seed scenario, healthy and with pieces missing. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeStatus } from '../compute-status';
import { referenceGrant, service } from '../test-builders';
import { snapshotFromYaml } from '../test-support';
import type { Snapshot } from '../types';
import { buildTopology } from './build-topology';

const fixture = (n: string) => readFileSync(path.join(__dirname, '..', '__fixtures__', n), 'utf8');
const seed = (): Snapshot =>
  snapshotFromYaml(fixture('seed-cluster.yaml'), fixture('seed-http.yaml'), fixture('seed-https.yaml'));
const topo = (s: Snapshot) => buildTopology(s, computeStatus(s, { controllerNames: ['istio.io/gateway-controller'], now: 'T' }));

describe('buildTopology', () => {
  it('draws the seed: entry points → listeners → routes → rules → httpbin, all ok', () => {
    const t = topo(seed());
    const byKind = (k: string) => t.nodes.filter((n) => n.kind === k).map((n) => n.label);
    expect(byKind('entry')).toEqual(['https://47.95.0.10:443', 'http://47.95.0.10:80']);
    expect(byKind('gateway')).toEqual(['istio-system/gateway', 'istio-system/gateway-https']);
    expect(byKind('rule')).toEqual(['PathPrefix /get', 'PathPrefix /status | PathPrefix /delay']);
    expect(byKind('service')).toEqual(['Service default/httpbin']);
    expect(t.nodes.every((n) => n.health === 'ok')).toBe(true);
    expect(t.edges.filter((e) => e.kind === 'attachment').map((e) => `${e.source}->${e.target}`)).toEqual([
      'listener:istio-system/gateway#default->route:HTTPRoute:default/http',
      'listener:istio-system/gateway-https#https->route:HTTPRoute:default/httpbin-https',
    ]);
    expect(t.edges.find((e) => e.kind === 'backend')).toMatchObject({
      port: 8000,
      weight: 1,
      health: 'ok',
      crossNamespace: false,
    });
  });

  it('shows a missing backend as an error node and the rule as answering 500', () => {
    const s = seed();
    s.services = s.services.filter((x) => x.metadata.name !== 'httpbin');
    const t = topo(s);
    expect(t.nodes.find((n) => n.id === 'missing:Service:default/httpbin')).toMatchObject({
      health: 'error',
      reason: 'Service default/httpbin not found',
    });
    expect(t.nodes.find((n) => n.kind === 'rule')?.reason).toContain('HTTP 500');
    expect(t.nodes.find((n) => n.id === 'route:HTTPRoute:default/http')?.health).toBe('warning');
  });

  it('draws a rejected attachment with its reason', () => {
    const s = seed();
    const r = s.httpRoutes.find((x) => x.metadata.name === 'http');
    if (r) r.spec.hostnames = ['example.org'];
    const e = topo(s).edges.find((x) => x.kind === 'rejected');
    expect(e).toMatchObject({ source: 'gateway:istio-system/gateway', target: 'route:HTTPRoute:default/http', health: 'error' });
    expect(e?.reason).toMatch(/^NoMatchingListenerHostname/);
  });

  it('names the ReferenceGrant on a cross-namespace backend edge, and errors without it', () => {
    const s = seed();
    s.services.push(service('data', 'store', [8000]));
    const r = s.httpRoutes.find((x) => x.metadata.name === 'http');
    if (r?.spec.rules?.[0]) r.spec.rules[0].backendRefs = [{ name: 'store', namespace: 'data', port: 8000 }];
    expect(topo(s).edges.find((e) => e.kind === 'backend')).toMatchObject({ health: 'error', crossNamespace: true });
    s.referenceGrants.push(referenceGrant('data', 'default', 'HTTPRoute', 'Service'));
    expect(topo(s).edges.find((e) => e.kind === 'backend')).toMatchObject({
      health: 'warning',
      referenceGrant: 'data/allow-default-httproute',
      reason: 'Service has no ready endpoints',
    });
  });

  it('is identical for any input order', () => {
    const s = seed();
    const rev: Snapshot = {
      ...s,
      gateways: [...s.gateways].reverse(),
      httpRoutes: [...s.httpRoutes].reverse(),
      services: [...s.services].reverse(),
    };
    expect(JSON.stringify(topo(rev))).toBe(JSON.stringify(topo(s)));
  });
});
