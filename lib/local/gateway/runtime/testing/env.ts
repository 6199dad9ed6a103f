/**
 * Test support: the whole embedded stack for one test file, in a temporary data dir: httpbin
 * (registered as `default/httpbin`), the local cluster, the controller and the gateway runtime
 * with privileged ports remapped (80 → 10080, 443 → 10443), plus the real kubectl.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { startLocalCluster, type LocalCluster } from '@/lib/local/cluster';
import { startController, type Controller } from '@/lib/local/controller';
import type { ControllerTestCluster, KubectlResult } from '@/lib/local/controller/test-support';
import { startHttpbin, type HttpbinServer } from '@/lib/local/httpbin';
import { startLocalGateway, type LocalGateway } from '../runtime';
import { provisionedAddressFor } from '../provisioned-address';

/** A running stack for one test file; compatible with the controller's test helpers. */
export interface GatewayTestEnv extends ControllerTestCluster {
  httpbin: HttpbinServer;
  controller: Controller;
  gateway: LocalGateway;
  logs: string[];
  /** Runs kubectl and fails the test on a non-zero exit. */
  kubectlOk(args: string[], input?: string): Promise<string>;
  /** Applies manifests given as YAML text. */
  apply(yaml: string): Promise<void>;
  /** Sets ASMMeshConfig default `spec.enableGatewayAPI`. */
  enableGatewayApi(on?: boolean): Promise<void>;
  /**
   * Starts an extra httpbin `instance` and registers it as Service `namespace/name` port 8000
   * with an EndpointSlice (ready per `ready`), as a cluster would for a Deployment.
   */
  addHttpbinService(
    namespace: string,
    name: string,
    opts?: { instance?: string; ready?: boolean; appProtocol?: string },
  ): Promise<HttpbinServer>;
  /** Registers an arbitrary local server port as Service `namespace/name` port 8000. */
  registerService(namespace: string, name: string, port: number, opts?: { ready?: boolean; appProtocol?: string }): Promise<void>;
}

/** Options of {@link startGatewayTestEnv}. */
export interface GatewayTestEnvOptions {
  /** The gateway's upstream response-head timeout when a route sets none (default 15 s). */
  upstreamTimeoutMs?: number;
}

/** Starts the stack (Gateway API bundle v1.1.0 unless given). */
export async function startGatewayTestEnv(gatewayApiVersion?: string, opts: GatewayTestEnvOptions = {}): Promise<GatewayTestEnv> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'portico-gateway-'));
  const extra: HttpbinServer[] = [];
  const logs: string[] = [];
  const httpbin = await startHttpbin({ host: '127.0.0.1', port: 0 });
  let cluster: LocalCluster | undefined;
  let controller: Controller | undefined;
  let gateway: LocalGateway | undefined;
  const dispose = async (): Promise<void> => {
    await gateway?.stop();
    await controller?.stop();
    await cluster?.stop();
    for (const s of [httpbin, ...extra]) await s.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    cluster = await startLocalCluster({
      dataDir: path.join(dir, 'data'),
      httpbinPort: httpbin.port,
      ...(gatewayApiVersion ? { gatewayApiVersion } : {}),
    });
    controller = await startController({ kubeconfigPath: cluster.kubeconfigPath, provisionedAddresses: provisionedAddressFor });
    gateway = await startLocalGateway({
      kubeconfigPath: cluster.kubeconfigPath,
      privilegedPorts: 'remap',
      log: (m) => logs.push(m),
      ...(opts.upstreamTimeoutMs ? { upstreamTimeoutMs: opts.upstreamTimeoutMs } : {}),
    });
  } catch (err) {
    await dispose();
    throw err;
  }
  const env = {
    PATH: process.env.PATH,
    HOME: dir,
    KUBECONFIG: cluster.kubeconfigPath,
    KUBECACHEDIR: path.join(dir, 'kube-cache'),
  };
  const kubectl = (args: string[], input?: string): Promise<KubectlResult> =>
    new Promise((resolve) => {
      const child = execFile(
        'kubectl',
        args,
        { env: env as unknown as NodeJS.ProcessEnv, timeout: 30_000 },
        (err, stdout, stderr) => {
          resolve({
            code: err ? (typeof err.code === 'number' ? err.code : 1) : 0,
            stdout: String(stdout),
            stderr: String(stderr),
          });
        },
      );
      if (input !== undefined) child.stdin?.end(input);
    });
  const kubectlOk = async (args: string[], input?: string): Promise<string> => {
    const r = await kubectl(args, input);
    if (r.code !== 0) throw new Error(`kubectl ${args.join(' ')}: ${r.stderr}`);
    return r.stdout;
  };
  const registerService: GatewayTestEnv['registerService'] = async (namespace, name, port, opts = {}) => {
    const manifest = [
      {
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name, namespace },
        spec: {
          selector: { app: name },
          ports: [
            {
              name: 'http',
              port: 8000,
              targetPort: 80,
              protocol: 'TCP',
              ...(opts.appProtocol ? { appProtocol: opts.appProtocol } : {}),
            },
          ],
        },
      },
      {
        apiVersion: 'discovery.k8s.io/v1',
        kind: 'EndpointSlice',
        metadata: { name: `${name}-local`, namespace, labels: { 'kubernetes.io/service-name': name } },
        addressType: 'IPv4',
        endpoints: [{ addresses: ['127.0.0.1'], conditions: { ready: opts.ready ?? true } }],
        ports: [{ name: 'http', port, protocol: 'TCP' }],
      },
    ];
    await kubectlOk(['apply', '-f', '-'], JSON.stringify({ apiVersion: 'v1', kind: 'List', items: manifest }));
  };
  const c = cluster;
  const g = gateway;
  const ctl = controller;
  return {
    dir,
    cluster: c,
    httpbin,
    controller: ctl,
    gateway: g,
    logs,
    kubectl,
    kubectlOk,
    async getJson<T>(args: string[]): Promise<T> {
      return JSON.parse(await kubectlOk([...args, '-o', 'json'])) as T;
    },
    async apply(yaml) {
      await kubectlOk(['apply', '-f', '-'], yaml);
    },
    async enableGatewayApi(on = true) {
      await kubectlOk([
        'patch',
        'asmmeshconfig',
        'default',
        '--type',
        'merge',
        '-p',
        JSON.stringify({ spec: { enableGatewayAPI: on } }),
      ]);
    },
    async addHttpbinService(namespace, name, opts = {}) {
      const server = await startHttpbin({ host: '127.0.0.1', port: 0, instance: opts.instance ?? name });
      extra.push(server);
      await registerService(namespace, name, server.port, opts);
      return server;
    },
    registerService,
    dispose,
  };
}

/** A tiny upstream that records the requests it receives (for mirror tests). */
export async function startRecorder(): Promise<{
  port: number;
  seen: Array<{ path: string; host: string }>;
  stop(): Promise<void>;
}> {
  const seen: Array<{ path: string; host: string }> = [];
  const server = http.createServer((req, res) => {
    seen.push({ path: req.url ?? '', host: req.headers.host ?? '' });
    req.resume();
    res.end('recorded');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const a = server.address();
  return {
    port: typeof a === 'object' && a ? a.port : 0,
    seen,
    stop: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
