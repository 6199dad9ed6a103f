import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PassThrough } from 'node:stream';
import { KubeConfig, PortForward } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INGRESS_GATEWAY_POD } from '../../seed';
import { startTestCluster, type TestCluster } from '../test-cluster';

// A backend standing in for the process that serves a Service locally; it names itself and the
// Host it was asked for, so each test sees which one the bytes reached.
let tc: TestCluster;
let kc: KubeConfig;
let backend: Server;
let backendPort = 0;

beforeAll(async () => {
  tc = await startTestCluster();
  kc = new KubeConfig();
  kc.loadFromFile(tc.cluster.kubeconfigPath);
  backend = createServer((req, res) => res.end(`hello from backend, host ${req.headers.host}, path ${req.url}`));
  await new Promise<void>((r) => backend.listen(0, '127.0.0.1', r));
  backendPort = (backend.address() as AddressInfo).port;
  // A Service on a loopback LoadBalancer address whose port is the backend's, targeting pod port 8080.
  const manifest = `
apiVersion: v1
kind: Namespace
metadata: { name: pf }
---
apiVersion: v1
kind: Service
metadata: { name: web, namespace: pf }
spec:
  type: LoadBalancer
  selector: { app: web }
  ports: [{ name: http, port: ${backendPort}, targetPort: 8080 }]
---
apiVersion: v1
kind: Pod
metadata: { name: web-1, namespace: pf, labels: { app: web } }
spec: { containers: [{ name: web, image: web, ports: [{ name: http, containerPort: 8080 }] }] }
---
apiVersion: v1
kind: Pod
metadata: { name: web-pending, namespace: pf, labels: { app: web } }
spec: { containers: [{ name: web, image: web }] }
`;
  const applied = await tc.kubectl(['apply', '-f', '-'], { input: manifest });
  expect(applied.stderr).toBe('');
  const lb = '{"status":{"loadBalancer":{"ingress":[{"ip":"127.0.0.1"}]}}}';
  await tc.kubectl(['patch', 'service', 'web', '-n', 'pf', '--subresource=status', '--type=merge', '-p', lb]);
  await tc.kubectl([
    'patch',
    'pod',
    'web-1',
    '-n',
    'pf',
    '--subresource=status',
    '--type=merge',
    '-p',
    '{"status":{"phase":"Running"}}',
  ]);
}, 60_000);

afterAll(async () => {
  await new Promise<void>((r) => backend.close(() => r()));
  await tc?.dispose();
});

/** One HTTP/1.1 exchange through client-node's PortForward; resolves with what came back on each channel. */
async function exchange(namespace: string, pod: string, port: number, host = 'web.local'): Promise<{ out: string; err: string }> {
  const output = new PassThrough();
  const error = new PassThrough();
  const input = new PassThrough();
  const chunks: Buffer[] = [];
  const errors: Buffer[] = [];
  output.on('data', (c: Buffer) => chunks.push(c));
  error.on('data', (c: Buffer) => errors.push(c));
  const ws = (await new PortForward(kc, true).portForward(namespace, pod, [port], output, error, input)) as unknown as {
    on(e: 'close', fn: () => void): void;
  };
  const closed = new Promise<void>((r) => ws.on('close', r));
  input.write(`GET /status HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);
  await closed;
  return { out: Buffer.concat(chunks).toString('utf8'), err: Buffer.concat(errors).toString('utf8') };
}

describe('pods/{name}/portforward over WebSocket (v4.channel.k8s.io)', () => {
  it('carries real bytes to the process serving the pod, through the Service that selects it', async () => {
    const { out, err } = await exchange('pf', 'web-1', 8080);
    expect(out).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(out).toContain('hello from backend, host web.local, path /status');
    expect(err).toBe('');
  });

  it('sends the port as uint16 little-endian first on the data and the error channel', async () => {
    const frames: Buffer[] = [];
    const handler = new PortForward(kc, true);
    // Look under client-node's stream handling at the raw frames: [channel, ...payload].
    const ws = (await (
      handler as unknown as {
        handler: { connect(p: string, t: null, b: (n: number, d: Buffer) => boolean): Promise<{ close(): void }> };
      }
    ).handler.connect('/api/v1/namespaces/pf/pods/web-1/portforward?ports=8080', null, (n, d) => {
      frames.push(Buffer.concat([Buffer.from([n]), d]));
      return true;
    })) as { close(): void };
    await expect.poll(() => frames.length).toBeGreaterThanOrEqual(2);
    ws.close();
    const port = Buffer.alloc(2);
    port.writeUInt16LE(8080, 0);
    expect(frames.slice(0, 2)).toEqual([Buffer.concat([Buffer.from([0]), port]), Buffer.concat([Buffer.from([1]), port])]);
  });

  it('forwards the seeded ingress gateway pod to the local gateway address, remapped by portico.dev/local-ports', async () => {
    const pod = await tc.kubectl(['get', 'pod', INGRESS_GATEWAY_POD, '-n', 'istio-system', '-o', 'jsonpath={.status.phase}']);
    expect(pod.stdout).toBe('Running');
    // The local gateway serves listener port 80 of every Gateway on 127.0.0.1 at another port (here: the backend's).
    const gw = `
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata:
  name: pf-gateway
  namespace: istio-system
  annotations: { portico.dev/local-ports: "80=${backendPort}" }
spec:
  gatewayClassName: istio
  listeners: [{ name: http, port: 80, protocol: HTTP }]
`;
    await tc.kubectl(['apply', '-f', '-'], { input: gw });
    const status = '{"status":{"addresses":[{"type":"IPAddress","value":"127.0.0.1"}]}}';
    await tc.kubectl([
      'patch',
      'gateway',
      'pf-gateway',
      '-n',
      'istio-system',
      '--subresource=status',
      '--type=merge',
      '-p',
      status,
    ]);
    const { out } = await exchange('istio-system', INGRESS_GATEWAY_POD, 80, 'httpbin.aliyun.com');
    expect(out).toContain('hello from backend, host httpbin.aliyun.com');
  });

  it('reports a refused connection on the error channel', async () => {
    // pf/web's port is the backend's; a Service port nothing listens on makes the dial fail.
    const closedPort = await new Promise<number>((resolve) => {
      const s = createServer();
      s.listen(0, '127.0.0.1', () => {
        const p = (s.address() as AddressInfo).port;
        s.close(() => resolve(p));
      });
    });
    await tc.kubectl([
      'patch',
      'service',
      'web',
      '-n',
      'pf',
      '--type=json',
      '-p',
      `[{"op":"replace","path":"/spec/ports/0/port","value":${closedPort}}]`,
    ]);
    try {
      const { err } = await exchange('pf', 'web-1', 8080);
      expect(err).toContain(`error forwarding port 8080 to 127.0.0.1:${closedPort}`);
    } finally {
      await tc.kubectl([
        'patch',
        'service',
        'web',
        '-n',
        'pf',
        '--type=json',
        '-p',
        `[{"op":"replace","path":"/spec/ports/0/port","value":${backendPort}}]`,
      ]);
    }
  });

  it('refuses before upgrading: a missing pod is 404, a pod not running 400, a port no Service targets 400', async () => {
    const pf = new PortForward(kc, true);
    const io = () => [new PassThrough(), new PassThrough(), new PassThrough()] as const;
    await expect(pf.portForward('pf', 'nope', [8080], ...io())).rejects.toBeDefined();
    await expect(pf.portForward('pf', 'web-pending', [8080], ...io())).rejects.toBeDefined();
    await expect(pf.portForward('pf', 'web-1', [9999], ...io())).rejects.toBeDefined();
    // The same, as a plain HTTPS request shows the Status the server answers with.
    const res = await fetchUpgrade('/api/v1/namespaces/pf/pods/web-pending/portforward?ports=8080');
    expect(res).toMatch(/^HTTP\/1\.1 400 BadRequest/);
    expect(res).toContain('pod web-pending is not running');
    expect(await fetchUpgrade('/api/v1/namespaces/pf/pods/nope/portforward?ports=8080')).toMatch(/^HTTP\/1\.1 404 NotFound/);
    expect(await fetchUpgrade('/api/v1/namespaces/pf/pods/web-1/portforward?ports=8080', 'wrong')).toMatch(/^HTTP\/1\.1 401/);
  });
});

/** Sends a WebSocket upgrade request by hand and returns the raw answer head and body. */
async function fetchUpgrade(path: string, token = tc.cluster.token): Promise<string> {
  const tls = await import('node:tls');
  const url = new URL(tc.cluster.url);
  return new Promise((resolve, reject) => {
    const s = tls.connect({ host: url.hostname, port: Number(url.port), ca: tc.cluster.caPem, servername: 'localhost' }, () => {
      s.write(
        `GET ${path} HTTP/1.1\r\nHost: ${url.host}\r\nAuthorization: Bearer ${token}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
          'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: v4.channel.k8s.io\r\n\r\n',
      );
    });
    let text = '';
    s.on('data', (d: Buffer) => (text += d.toString('utf8')));
    s.on('end', () => resolve(text));
    s.on('error', reject);
  });
}
