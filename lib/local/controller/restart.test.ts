/**
 * Informers stop when their watch fails; the controller restarts them with backoff. A TCP proxy
 * in front of the API server cuts every connection and refuses new ones for a while (an API
 * server outage, as the controller sees it); objects created meanwhile still get status after.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { startLocalCluster, type LocalCluster } from '../cluster';
import { startController, type Controller } from './index';
import { kubeRequest, releaseAgent } from './kube-request';
import { SEED_FIXTURES, waitFor } from './test-support';
import { conditionOf, type KubeObject } from './test-objects';

const OURS = 'istio.io/gateway-controller';

/** A TCP proxy to `target` that can drop every connection and refuse new ones until resumed. */
async function startProxy(target: number): Promise<{ port: number; cut(): void; resume(): void; close(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  let down = false;
  const server = net.createServer((client) => {
    if (down) return client.destroy();
    const upstream = net.connect(target, '127.0.0.1');
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => undefined);
    }
    client.pipe(upstream).pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as net.AddressInfo).port;
  const cutAll = (): void => {
    for (const s of sockets) s.destroy();
  };
  return {
    port,
    cut() {
      down = true;
      cutAll();
    },
    resume() {
      down = false;
    },
    close: () => {
      cutAll();
      return new Promise((r) => server.close(() => r()));
    },
  };
}

/** Creates every object of a seed fixture through the API. */
async function createFixture(kc: KubeConfig, file: string): Promise<void> {
  for (const doc of parseAllDocuments(readFileSync(path.join(SEED_FIXTURES, file), 'utf8'))) {
    const o = doc.toJS() as KubeObject;
    const plural = o.kind === 'Gateway' ? 'gateways' : 'httproutes';
    await kubeRequest(
      kc,
      'POST',
      `/apis/gateway.networking.k8s.io/v1beta1/namespaces/${o.metadata.namespace ?? 'default'}/${plural}`,
      o,
    );
  }
}

describe('local controller across an API server outage', () => {
  let dir: string;
  let cluster: LocalCluster;
  let proxy: Awaited<ReturnType<typeof startProxy>>;
  let ctl: Controller;
  let kc: KubeConfig;
  const logs: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'portico-controller-outage-'));
    cluster = await startLocalCluster({ dataDir: path.join(dir, 'data') });
    kc = new KubeConfig();
    kc.loadFromFile(cluster.kubeconfigPath);
    proxy = await startProxy(Number(new URL(cluster.url).port));
    // The controller reaches the API server only through the proxy (same CA and token).
    const viaProxy = path.join(dir, 'kubeconfig-proxy');
    writeFileSync(viaProxy, readFileSync(cluster.kubeconfigPath, 'utf8').replace(cluster.url, `https://127.0.0.1:${proxy.port}`));
    await createFixture(kc, 'gateway-http.yaml');
    const cfg = (await kubeRequest(kc, 'GET', '/apis/istio.alibabacloud.com/v1beta1/asmmeshconfigs/default')) as KubeObject & {
      spec: Record<string, unknown>;
    };
    await kubeRequest(kc, 'PUT', '/apis/istio.alibabacloud.com/v1beta1/asmmeshconfigs/default', {
      ...cfg,
      spec: { ...cfg.spec, enableGatewayAPI: true },
    });
    ctl = await startController({ kubeconfigPath: viaProxy, log: (m) => logs.push(m) });
  }, 60_000);

  afterAll(async () => {
    await ctl?.stop();
    await proxy?.close();
    releaseAgent(kc);
    await cluster?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('restarts its watches after connections drop and writes status for objects created meanwhile', async () => {
    const accepted = async (name: string) => {
      const r = (await kubeRequest(
        kc,
        'GET',
        `/apis/gateway.networking.k8s.io/v1/namespaces/default/httproutes/${name}`,
      )) as KubeObject;
      return conditionOf(r.status?.parents?.find((p) => p.controllerName === OURS)?.conditions, 'Accepted');
    };
    expect((await waitFor(() => accepted('http'), 5000)).status).toBe('True');

    proxy.cut();
    await createFixture(kc, 'gateway-https.yaml');
    await waitFor(
      async () => (logs.some((l) => /^watch of \w+ stopped .*restarting in \d+ ms$/.test(l)) ? true : undefined),
      5000,
    );
    await new Promise((r) => setTimeout(r, 500));
    expect(await accepted('httpbin-https')).toBeUndefined();
    proxy.resume();

    // Level-triggered: while its watches resync the controller may write from a partial view first; what it must do
    // is converge on the route being accepted.
    const settled = await waitFor(
      async () => {
        const c = await accepted('httpbin-https');
        return c?.status === 'True' ? c : undefined;
      },
      15_000,
      50,
    );
    expect(settled.status).toBe('True');
  }, 40_000);
});
