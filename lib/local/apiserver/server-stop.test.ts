/**
 * Shutdown with clients attached: `stop()` must end open watches, drop idle keep-alive and
 * half-open connections, refuse clients that reconnect meanwhile, and resolve promptly, so a
 * restart (or a test's cleanup) never waits on a client.
 */
import type { ChildProcess } from 'node:child_process';
import net from 'node:net';
import tls from 'node:tls';
import { CoreV1Api, KubeConfig, makeInformer, type V1Namespace } from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findKubectl, startTestCluster, type TestCluster } from './test-cluster';

const hasKubectl = findKubectl() !== undefined;
if (!hasKubectl) console.warn('server-stop.test.ts: no kubectl binary on PATH, skipping the kubectl watches');

const waitFor = async (cond: () => boolean, ms = 15_000): Promise<void> => {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
};

describe('server stop with connected clients', () => {
  let t: TestCluster;
  const children: ChildProcess[] = [];
  const sockets: net.Socket[] = [];
  let running = true;

  beforeAll(async () => {
    t = await startTestCluster({ bookmarkIntervalMs: 200 });
  });
  afterAll(async () => {
    running = false;
    for (const c of children) c.kill('SIGKILL');
    for (const s of sockets) s.destroy();
    await t?.dispose();
  });

  it('resolves within 2 s with watches, an informer, reconnecting and half-open clients', async () => {
    // kubectl get -w streams (as many as a busy terminal session has).
    const outputs: string[] = [];
    if (hasKubectl) {
      for (const args of [
        ['get', 'namespaces', '-w'],
        ['get', 'gatewayclasses', '-w'],
        ['get', 'services', '-A', '-w', '-o', 'name'],
      ]) {
        const c = t.spawnKubectl(args);
        const i = outputs.push('') - 1;
        c.stdout?.on('data', (d: Buffer) => {
          outputs[i] += d.toString();
        });
        children.push(c);
      }
    }
    // A client-node informer that restarts itself on error, i.e. keeps reconnecting during shutdown.
    const kc = new KubeConfig();
    kc.loadFromFile(t.cluster.kubeconfigPath);
    const core = kc.makeApiClient(CoreV1Api);
    const informer = makeInformer<V1Namespace>(kc, '/api/v1/namespaces', () => core.listNamespace());
    let added = 0;
    informer.on('add', () => {
      added++;
    });
    informer.on('error', () => {
      if (running) setTimeout(() => void informer.start().catch(() => undefined), 20);
    });
    await informer.start();
    // A TCP connection that never starts TLS, and a TLS one stuck halfway through its request headers.
    const port = Number(new URL(t.cluster.url).port);
    sockets.push(net.connect(port, '127.0.0.1'));
    const half = tls.connect({ port, host: '127.0.0.1', ca: t.cluster.caPem, servername: 'localhost' });
    half.on('error', () => undefined);
    await new Promise<void>((r) => half.once('secureConnect', () => r()));
    half.write('GET /api/v1/namespaces HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    sockets.push(half);
    await waitFor(() => added > 0 && (!hasKubectl || outputs.every((o) => o.length > 0)));

    const started = Date.now();
    await t.cluster.stop();
    const took = Date.now() - started;
    running = false;
    informer.stop();
    expect(took).toBeLessThan(2_000);
    // The server is really gone: nothing listens on its port any more.
    const refused = await new Promise<boolean>((resolve) => {
      const s = net.connect(port, '127.0.0.1');
      s.once('connect', () => {
        s.destroy();
        resolve(false);
      });
      s.once('error', () => resolve(true));
    });
    expect(refused).toBe(true);
    await t.restart();
  });
});
