import { describe, expect, it } from 'vitest';
import { snapshotFromYaml } from '@/lib/gateway-api/test-support';
import { fixture } from '@/lib/verify/test-support';
import { guardTarget } from '@/lib/verify';
import { gatewayTargets, guardPolicyFor, verifyEnvironment, worldFromSnapshot, type VerifyEnvironment } from './verify-targets';
import { listRuleOptions, planForRule, planForUrl, requestsInScope } from './verify-plan';

const outside: VerifyEnvironment = { embedded: false, inCluster: false, consolePorts: [3000] };

function seedWorld(env: VerifyEnvironment = outside, statusAddress?: string) {
  const snapshot = snapshotFromYaml(fixture('seed-cluster.yaml'), fixture('seed-http.yaml'), fixture('seed-https.yaml'));
  if (statusAddress) {
    for (const g of snapshot.gateways) g.status = { ...g.status, addresses: [{ type: 'IPAddress', value: statusAddress }] };
  }
  return worldFromSnapshot('test', snapshot, env);
}

describe('verifyEnvironment', () => {
  it('reads the embedded flag and every console port, and counts in-cluster only for a real cluster', () => {
    expect(
      verifyEnvironment({ PORTICO_EMBEDDED: '1', PORT: '3217', PORTICO_PORT: '3000', KUBERNETES_SERVICE_HOST: '10.0.0.1' }),
    ).toEqual({
      embedded: true,
      inCluster: false,
      consolePorts: [3217, 3000],
    });
    expect(verifyEnvironment({ KUBERNETES_SERVICE_HOST: '10.0.0.1', PORT: 'x' })).toEqual({
      embedded: false,
      inCluster: true,
      consolePorts: [],
    });
  });
});

describe('gatewayTargets', () => {
  it('follows discovery order: status address, then the bound Service LoadBalancer, then a port-forward outside the cluster', () => {
    const w = seedWorld(outside, '47.95.0.99');
    expect(gatewayTargets(w, 'istio-system/gateway').map((t) => [t.kind, t.address])).toEqual([
      ['gateway-address', '47.95.0.99'],
      ['load-balancer', '47.95.0.10'],
      ['port-forward', ''],
    ]);
    expect(gatewayTargets(w, 'istio-system/missing')).toEqual([]);
  });

  it('adds the cluster IP (and no port-forward) when the console runs in the cluster', () => {
    const w = seedWorld({ ...outside, inCluster: true });
    expect(gatewayTargets(w, 'istio-system/gateway').map((t) => t.kind)).toEqual(['load-balancer', 'cluster-ip']);
  });
});

describe('guardPolicyFor', () => {
  it('allows exactly the addresses found for Gateways, resolving names once', async () => {
    const w = seedWorld(outside);
    w.snapshot.gateways[0]!.status = { addresses: [{ type: 'Hostname', value: 'gw.example.net' }] };
    const lookups: string[] = [];
    const policy = await guardPolicyFor(w, [4000], async (h) => (lookups.push(h), { address: '203.0.113.7', family: 4 }));
    expect([...policy.addresses].sort()).toEqual(['203.0.113.7', '47.95.0.10']);
    expect(lookups).toEqual(['gw.example.net']);
    expect(policy.allowLoopback).toBe(false);
    expect(policy.consolePorts).toEqual([3000, 4000]);
    expect(guardTarget('47.95.0.10', 80, policy)).toEqual({ ok: true });
    expect(guardTarget('198.51.100.1', 80, policy).ok).toBe(false);
    expect(guardTarget('127.0.0.1', 80, policy).ok).toBe(false);
    expect(guardTarget('169.254.169.254', 80, policy).ok).toBe(false);
  });

  it('allows loopback for the embedded cluster, except the console port', async () => {
    const policy = await guardPolicyFor(seedWorld({ ...outside, embedded: true }, '127.0.0.1'));
    expect(guardTarget('127.0.0.1', 80, policy)).toEqual({ ok: true });
    expect(guardTarget('127.0.0.1', 3000, policy)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('console itself'),
    });
  });
});

describe('plans', () => {
  const w = seedWorld(outside, '127.0.0.1');

  it('lists every rule of every route for the picker', () => {
    expect(listRuleOptions(w).map((o) => `${o.route}#${o.ruleIndex}`)).toEqual(['default/http#0', 'default/httpbin-https#0']);
  });

  it('builds the seed HTTP request: *.aliyun.com → httpbin.aliyun.com, port 80, /get, with the Gateway targets', () => {
    const plan = planForRule(w, 'HTTPRoute', 'default/http', 0);
    expect(plan.problems).toEqual([]);
    expect(plan.requests).toHaveLength(1);
    expect(plan.requests[0]).toMatchObject({
      scheme: 'http',
      host: 'httpbin.aliyun.com',
      port: 80,
      path: '/get',
      method: 'GET',
      gateway: 'istio-system/gateway',
    });
    expect(plan.targets['istio-system/gateway']?.[0]).toMatchObject({ kind: 'gateway-address', address: '127.0.0.1' });
  });

  it('uses the label the user chose for the wildcard', () => {
    expect(
      planForRule(w, 'HTTPRoute', 'default/httpbin-https', 0, 'a').requests.map(
        (r) => `${r.scheme}://${r.host}:${r.port}${r.path}`,
      ),
    ).toEqual(['https://a.aliyun.com:443/status/418', 'https://a.aliyun.com:443/delay/1']);
  });

  it('names the missing route or rule', () => {
    expect(planForRule(w, 'HTTPRoute', 'default/nope', 0).problems[0]).toContain('default/nope was not found');
    expect(planForRule(w, 'HTTPRoute', 'default/http', 3).problems[0]).toContain('has no rule 3');
  });

  it('builds a request from a URL and finds the rule the engine routes it to', () => {
    const plan = planForUrl(w, 'https://a.aliyun.com/status/418');
    expect(plan.rule).toEqual({ routeKind: 'HTTPRoute', route: 'default/httpbin-https', ruleIndex: 0 });
    expect(plan.requests[0]).toMatchObject({ gateway: 'istio-system/gateway-https', port: 443, sni: 'a.aliyun.com' });
    expect(planForUrl(w, 'ftp://x/').problems[0]).toContain('cannot be verified');
    expect(planForUrl(w, 'http://x:81/').problems[0]).toContain('port 81');
  });

  it('collects every request of a scope', () => {
    expect(requestsInScope(w, { kind: 'cluster' })).toHaveLength(3);
    expect(requestsInScope(w, { kind: 'gateway', gateway: 'istio-system/gateway-https' })).toHaveLength(2);
    expect(requestsInScope(w, { kind: 'route', routeKind: 'HTTPRoute', route: 'default/http' })).toHaveLength(1);
  });
});
