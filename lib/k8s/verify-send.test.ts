import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshotFromYaml } from '@/lib/gateway-api/test-support';
import { fixture } from '@/lib/verify/test-support';
import { LOCAL_PORTS_ANNOTATION } from '@/lib/verify';
import { planForRule } from './verify-plan';
import { parseOverride, verifyRequest } from './verify-send';
import { guardPolicyFor, worldFromSnapshot } from './verify-targets';

// Stands in for the local gateway + httpbin: echoes like httpbin, or answers 503 as Envoy does
// when the backend has no ready endpoint (Host "down.aliyun.com").
let server: Server;
let port = 0;
beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.headers.host === 'down.aliyun.com') {
      res.writeHead(503, { 'content-type': 'text/plain' });
      res.end('no healthy upstream');
      return;
    }
    const url = new URL(req.url ?? '/', 'http://x');
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        args: {},
        headers: { Host: req.headers.host },
        method: req.method,
        url: `http://${req.headers.host}${req.url}`,
        path: url.pathname,
      }),
    );
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

function embeddedWorld() {
  const snapshot = snapshotFromYaml(fixture('seed-cluster.yaml'), fixture('seed-http.yaml'));
  for (const g of snapshot.gateways) {
    g.status = { addresses: [{ type: 'IPAddress', value: '127.0.0.1' }] };
    g.metadata.annotations = { [LOCAL_PORTS_ANNOTATION]: `80=${port}` };
  }
  return worldFromSnapshot('test', snapshot, { embedded: true, inCluster: false, consolePorts: [3999] });
}

describe('parseOverride', () => {
  it('reads addresses with and without a port, IPv6 in brackets', () => {
    expect(parseOverride('10.0.0.1')).toEqual({ address: '10.0.0.1' });
    expect(parseOverride(' gw.example.com:8080 ')).toEqual({ address: 'gw.example.com', port: 8080 });
    expect(parseOverride('[::1]:80')).toEqual({ address: '::1', port: 80 });
    expect(parseOverride('::1')).toEqual({ address: '::1' });
    expect(parseOverride('http://x/')).toBeUndefined();
  });
});

describe('verifyRequest', () => {
  it('sends the seed request to the discovered, port-mapped local address and passes', async () => {
    const w = embeddedWorld();
    const [req] = planForRule(w, 'HTTPRoute', 'default/http', 0).requests;
    const out = await verifyRequest(w, await guardPolicyFor(w), req!);
    expect(out.target).toMatchObject({ kind: 'gateway-address', source: 'Gateway status address' });
    expect(out.report.target).toEqual({ address: '127.0.0.1', port });
    expect(out.report.result.status).toBe(200);
    expect(out.report.comparison).toEqual({ pass: true, differences: [], recognized: 'httpbin-echo' });
    expect(out.expectation).toMatchObject({ route: 'default/http', ruleIndex: 0, outcome: 'forward' });
    expect(out.report.curl).toBe(`curl -i -H 'Host: httpbin.aliyun.com' 'http://127.0.0.1:${port}/get'`);
  });

  it('fails with the difference when the gateway cannot reach the backend', async () => {
    const w = embeddedWorld();
    const [req] = planForRule(w, 'HTTPRoute', 'default/http', 0).requests;
    const out = await verifyRequest(w, await guardPolicyFor(w), { ...req!, host: 'down.aliyun.com' });
    expect(out.report.result.status).toBe(503);
    expect(out.report.comparison.pass).toBe(false);
    expect(out.report.comparison.differences[0]).toMatchObject({ field: 'status', actual: expect.stringContaining('503') });
  });

  it('refuses overrides outside the allowed set: metadata, unknown addresses, the console port', async () => {
    const w = embeddedWorld();
    const policy = await guardPolicyFor(w);
    const [req] = planForRule(w, 'HTTPRoute', 'default/http', 0).requests;
    for (const [override, reason] of [
      ['169.254.169.254', 'metadata'],
      ['100.100.100.200', 'metadata'],
      ['198.51.100.4:80', 'not an address of a Gateway'],
      ['127.0.0.1:3999', 'console itself'],
      ['[fd00:ec2::254]:80', 'metadata'],
    ] as const) {
      const out = await verifyRequest(w, policy, req!, { override });
      expect(out.target.kind).toBe('override');
      expect(out.report.result.errorCode).toBe('guard');
      expect(out.report.result.error).toContain(reason);
      expect(out.report.comparison.pass).toBe(false);
    }
  });

  it('resolves an override name once and sends to that address only', async () => {
    const w = embeddedWorld();
    const policy = await guardPolicyFor(w);
    const [req] = planForRule(w, 'HTTPRoute', 'default/http', 0).requests;
    let calls = 0;
    const out = await verifyRequest(w, policy, req!, {
      override: `gw.local.test:${port}`,
      lookup: async () => (calls++, { address: '127.0.0.1', family: 4 }),
    });
    expect(calls).toBe(1);
    expect(out.report.result.status).toBe(200);
    const evil = await verifyRequest(w, policy, req!, {
      override: 'evil.test',
      lookup: async () => ({ address: '169.254.169.254', family: 4 }),
    });
    expect(evil.report.result.error).toContain('metadata');
  });

  it('reports a Gateway without any address instead of guessing one', async () => {
    const snapshot = snapshotFromYaml(fixture('seed-http.yaml'));
    const w = worldFromSnapshot('test', snapshot, { embedded: false, inCluster: false, consolePorts: [] });
    const req = { ...planForRule(embeddedWorld(), 'HTTPRoute', 'default/http', 0).requests[0]! };
    const out = await verifyRequest(w, await guardPolicyFor(w), req);
    expect(out.report.result.error).toContain('has no address yet');
  });
});
