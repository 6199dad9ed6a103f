import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { KubeConfig } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshotFromYaml } from '@/lib/gateway-api/test-support';
import { startTestCluster, type TestCluster } from '@/lib/local/apiserver/test-cluster';
import { INGRESS_GATEWAY_POD } from '@/lib/local/seed';
import { fixture } from '@/lib/verify/test-support';
import { planForRule } from './verify-plan';
import { verifyRequest } from './verify-send';
import { guardPolicyFor, worldFromSnapshot } from './verify-targets';
import { isReadyPod, openServicePortForward, podPortFor } from './verify-portforward';

// The console is outside the cluster and the Gateway has no reachable address: only a
// port-forward through the API server of the local cluster reaches the gateway (here an
// httpbin-like echo standing in for it, on the port the local gateway maps listener port 80 to).
let tc: TestCluster;
let kc: KubeConfig;
let gateway: Server;
let gatewayPort = 0;

beforeAll(async () => {
  tc = await startTestCluster();
  kc = new KubeConfig();
  kc.loadFromFile(tc.cluster.kubeconfigPath);
  gateway = createServer((req, res) => {
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
  await new Promise<void>((r) => gateway.listen(0, '127.0.0.1', r));
  gatewayPort = (gateway.address() as AddressInfo).port;
  const gw = `
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: { name: pf, namespace: istio-system, annotations: { portico.dev/local-ports: "80=${gatewayPort}" } }
spec: { gatewayClassName: istio, listeners: [{ name: http, port: 80, protocol: HTTP }] }
`;
  await tc.kubectl(['apply', '-f', '-'], { input: gw });
  const status = '{"status":{"addresses":[{"type":"IPAddress","value":"127.0.0.1"}]}}';
  await tc.kubectl(['patch', 'gateway', 'pf', '-n', 'istio-system', '--subresource=status', '--type=merge', '-p', status]);
}, 60_000);

afterAll(async () => {
  await new Promise<void>((r) => gateway.close(() => r()));
  await tc?.dispose();
});

/** The seed world as a console outside the cluster sees it when nothing has an address. */
function unreachableWorld() {
  const snapshot = snapshotFromYaml(fixture('seed-cluster.yaml'), fixture('seed-http.yaml'));
  for (const g of snapshot.gateways) g.status = {};
  for (const s of snapshot.services) delete (s as { status?: unknown }).status;
  return worldFromSnapshot('test', snapshot, { embedded: false, inCluster: false, consolePorts: [] });
}

describe('port-forward fallback', () => {
  it('picks a ready pod of the Service and the pod port its targetPort names', () => {
    const pod = {
      metadata: { name: 'p' },
      spec: { containers: [{ ports: [{ name: 'http2', containerPort: 8080 }] }] },
      status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] },
    };
    expect(isReadyPod(pod)).toBe(true);
    expect(isReadyPod({ ...pod, status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'False' }] } })).toBe(false);
    expect(isReadyPod({ ...pod, status: { phase: 'Pending' } })).toBe(false);
    expect(podPortFor({ port: 80, targetPort: 'http2' }, pod)).toBe(8080);
    expect(podPortFor({ port: 80, targetPort: 8443 }, pod)).toBe(8443);
    expect(podPortFor({ port: 80 }, pod)).toBe(80);
  });

  it('opens a forward to the seeded ingress gateway pod and carries HTTP through it', async () => {
    const fw = await openServicePortForward(kc, 'istio-system/istio-ingressgateway', 80);
    try {
      expect(fw).toMatchObject({ address: '127.0.0.1', pod: `istio-system/${INGRESS_GATEWAY_POD}`, podPort: 80 });
      const res = await get(fw.port, '/get', 'httpbin.aliyun.com');
      expect(res.status).toBe(200);
      expect(JSON.parse(res.body)).toMatchObject({ path: '/get', headers: { Host: 'httpbin.aliyun.com' } });
    } finally {
      await fw.close();
    }
  });

  it('verifies the seed HTTP route through it, saying which path was taken', async () => {
    const w = unreachableWorld();
    const [req] = planForRule(w, 'HTTPRoute', 'default/http', 0).requests;
    const out = await verifyRequest(w, await guardPolicyFor(w), req!, {
      portForward: (svc, port) => openServicePortForward(kc, svc, port),
    });
    expect(out.target.kind).toBe('port-forward');
    expect(out.target.source).toBe(
      `via port-forward to pod istio-system/${INGRESS_GATEWAY_POD} (port 80) through the Kubernetes API`,
    );
    expect(out.report.result.status).toBe(200);
    expect(out.report.comparison).toEqual({ pass: true, differences: [], recognized: 'httpbin-echo' });
    expect(out.report.curl).toMatch(
      new RegExp(`^kubectl port-forward -n istio-system pod/${INGRESS_GATEWAY_POD} \\d+:80 & sleep 2; curl `),
    );
  });

  it('a forward that cannot open fails the verification with the reason', async () => {
    const w = unreachableWorld();
    const [req] = planForRule(w, 'HTTPRoute', 'default/http', 0).requests;
    const out = await verifyRequest(w, await guardPolicyFor(w), req!, {
      portForward: (_svc, port) => openServicePortForward(kc, 'istio-system/missing', port),
    });
    expect(out.report.result.error).toMatch(/^port-forward to a pod of istio-system\/istio-ingressgateway failed: .*missing/);
    expect(out.report.comparison.pass).toBe(false);
  });
});

/** A GET with a chosen Host header (fetch may not set Host). */
function get(port: number, path: string, host: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const r = request({ host: '127.0.0.1', port, path, headers: { host } }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString('utf8')));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    r.on('error', reject);
    r.end();
  });
}
