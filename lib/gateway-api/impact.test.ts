/** Change impact on the seed scenario. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { changeImpact } from './impact';
import { snapshotFromYaml } from './test-support';

const fixture = (n: string) => readFileSync(path.join(__dirname, '__fixtures__', n), 'utf8');
const seed = () => snapshotFromYaml(fixture('seed-cluster.yaml'), fixture('seed-http.yaml'), fixture('seed-https.yaml'));

describe('changeImpact', () => {
  it('deleting the HTTP route detaches it and loses its hostname on port 80', () => {
    const r = changeImpact(seed(), { apply: [], delete: [{ kind: 'HTTPRoute', namespace: 'default', name: 'http' }] });
    expect(r.attached).toEqual([]);
    expect(r.detached.map((a) => a.route)).toEqual(['default/http']);
    expect(r.hostnamesLost).toEqual([
      {
        gateway: 'istio-system/gateway',
        listener: 'default',
        port: 80,
        hostname: '*.aliyun.com',
        routes: ['HTTPRoute default/http'],
      },
    ]);
    expect(r.conditions.map((c) => `${c.kind} ${c.object} ${c.type} → ${c.after?.status ?? 'gone'}`)).toEqual([
      'HTTPRoute default/http → istio-system/gateway Accepted → gone',
      'HTTPRoute default/http → istio-system/gateway ResolvedRefs → gone',
    ]);
  });

  it('narrowing a route hostname swaps the served hostname', () => {
    const s = seed();
    const route = {
      ...s.httpRoutes[0],
      kind: 'HTTPRoute',
      spec: { ...s.httpRoutes[0]?.spec, hostnames: ['httpbin.aliyun.com'] },
    };
    const r = changeImpact(s, { apply: [route], delete: [] });
    expect(r.hostnamesGained.map((h) => h.hostname)).toEqual(['httpbin.aliyun.com']);
    expect(r.hostnamesLost.map((h) => h.hostname)).toEqual(['*.aliyun.com']);
    expect(r.conditions).toEqual([]);
  });

  it('deleting the certificate Secret flags the HTTPS listener and its Gateway (its only listener), not the routes', () => {
    const r = changeImpact(seed(), {
      apply: [],
      delete: [{ kind: 'Secret', namespace: 'istio-system', name: 'myexample-credential' }],
    });
    expect(r.detached).toEqual([]);
    expect(r.conditions.map((c) => `${c.object} ${c.type} ${c.before?.reason}→${c.after?.reason}`)).toEqual([
      'istio-system/gateway-https Programmed Programmed→Invalid',
      'istio-system/gateway-https#https Programmed Programmed→Invalid',
      'istio-system/gateway-https#https ResolvedRefs ResolvedRefs→InvalidCertificateRef',
    ]);
  });

  it('does not modify the input snapshot', () => {
    const s = seed();
    const before = JSON.stringify(s);
    changeImpact(s, {
      apply: [{ kind: 'Service', metadata: { name: 'x', namespace: 'default' }, spec: {} }],
      delete: [{ kind: 'Gateway', namespace: 'istio-system', name: 'gateway' }],
    });
    expect(JSON.stringify(s)).toBe(before);
  });
});
