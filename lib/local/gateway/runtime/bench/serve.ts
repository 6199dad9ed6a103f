/**
 * Child-process entry of the gateway benchmark, so load generator, backend and gateway each
 * have their own event loop (as they would as separate deployments):
 *   `httpbin`           starts httpbin and prints `{"port":N}`;
 *   `stack <httpbinPort>` starts a local cluster (temp dir), controller and gateway (ports
 *                       remapped), applies a Gateway with a provisioned address and an
 *                       HTTPRoute to httpbin, waits until it answers, and prints
 *                       `{"address":"127.0.X.Y","port":10080,"host":"bench.example.com"}`.
 * Both run until stdin closes (the parent exits or ends them).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { startLocalCluster } from '@/lib/local/cluster';
import { startController } from '@/lib/local/controller';
import { startHttpbin } from '@/lib/local/httpbin';
import { provisionedAddressFor, startLocalGateway } from '..';

/** Host name the bench route serves. */
export const BENCH_HOST = 'bench.example.com';

/**
 * The bench Gateway's name, one per run: its provisioned loopback address derives from it, so a
 * stack left running (or another developer's run on the same machine) never answers, and is
 * never measured, in this run's place.
 */
const GATEWAY = `bench-gw-${process.pid}`;

const MANIFEST = `apiVersion: v1
kind: Namespace
metadata: { name: bench }
---
apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: { name: ${GATEWAY}, namespace: bench }
spec:
  gatewayClassName: istio
  listeners:
  - { name: http, port: 80, protocol: HTTP, allowedRoutes: { namespaces: { from: All } } }
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: { name: bench, namespace: default }
spec:
  parentRefs: [{ name: ${GATEWAY}, namespace: bench }]
  hostnames: [${BENCH_HOST}]
  rules:
  - matches: [{ path: { type: PathPrefix, value: / } }]
    backendRefs: [{ name: httpbin, port: 8000 }]
`;

function kubectl(kubeconfig: string, args: string[], input?: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = execFile('kubectl', args, { env: { ...process.env, KUBECONFIG: kubeconfig } }, (err, _out, stderr) =>
      err ? reject(new Error(stderr)) : resolve(),
    );
    if (input !== undefined) child.stdin?.end(input);
  });
}

function status(address: string, port: number): Promise<number> {
  return new Promise((resolve) => {
    const req = http.get({ host: address, port, path: '/get', headers: { host: BENCH_HOST }, agent: false }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', () => resolve(0));
  });
}

async function stack(httpbinPort: number): Promise<() => Promise<void>> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'portico-bench-gateway-'));
  const cluster = await startLocalCluster({ dataDir: path.join(dir, 'data'), httpbinPort });
  const controller = await startController({
    kubeconfigPath: cluster.kubeconfigPath,
    provisionedAddresses: provisionedAddressFor,
  });
  const gateway = await startLocalGateway({ kubeconfigPath: cluster.kubeconfigPath, privilegedPorts: 'remap' });
  await kubectl(cluster.kubeconfigPath, ['apply', '-f', '-'], MANIFEST);
  await kubectl(cluster.kubeconfigPath, [
    'patch',
    'asmmeshconfig',
    'default',
    '--type',
    'merge',
    '-p',
    '{"spec":{"enableGatewayAPI":true}}',
  ]);
  const address = provisionedAddressFor(`bench/${GATEWAY}`);
  for (let i = 0; i < 100 && (await status(address, 10080)) !== 200; i++) await new Promise((r) => setTimeout(r, 100));
  process.stdout.write(`${JSON.stringify({ address, port: 10080, host: BENCH_HOST })}\n`);
  return async () => {
    await gateway.stop();
    await controller.stop();
    await cluster.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}

async function main(): Promise<void> {
  const [mode, arg] = process.argv.slice(2);
  let stop: () => Promise<void>;
  if (mode === 'httpbin') {
    const h = await startHttpbin({ host: '127.0.0.1', port: 0 });
    process.stdout.write(`${JSON.stringify({ port: h.port })}\n`);
    stop = h.stop;
  } else if (mode === 'stack') stop = await stack(Number(arg));
  else throw new Error('usage: serve.ts httpbin | stack <httpbinPort>');
  const end = (): void => void stop().finally(() => process.exit(0));
  process.stdin.on('end', end);
  process.stdin.resume();
  process.on('SIGTERM', end);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
