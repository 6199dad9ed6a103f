/**
 * Ports through the real runtime: a listener whose port another process holds (EADDRINUSE)
 * stays unprogrammed with its reason logged and annotated while the Gateway's other listeners
 * serve, and is served once the port frees up; `portico.dev/local-ports` is cleared when the
 * Gateway stops being served, so no stale mapping points at a port that is not its own.
 */
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '@/lib/local/controller/test-support';
import { LOCAL_PORTS_ANNOTATION, UNPROGRAMMED_ANNOTATION } from './gateway-annotations';
import { provisionedAddressFor } from './provisioned-address';
import { send } from './testing/client';
import { startGatewayTestEnv, type GatewayTestEnv } from './testing/env';

const NS = 'ports';
const HOST = 'ports.example.com';

interface Gw {
  metadata: { annotations?: Record<string, string> };
}

function gateway(name: string, listeners: Array<{ name: string; port: number }>): string {
  return JSON.stringify({
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'Gateway',
    metadata: { name, namespace: NS },
    spec: {
      gatewayClassName: 'istio',
      listeners: listeners.map((l) => ({ ...l, protocol: 'HTTP', allowedRoutes: { namespaces: { from: 'Same' } } })),
    },
  });
}

function route(gw: string): string {
  return JSON.stringify({
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'HTTPRoute',
    metadata: { name: `${gw}-route`, namespace: NS },
    spec: { parentRefs: [{ name: gw }], hostnames: [HOST], rules: [{ backendRefs: [{ name: 'web', port: 8000 }] }] },
  });
}

/** Holds `address:port` as another process would. */
function occupy(address: string, port: number): Promise<net.Server> {
  return new Promise((resolve, reject) => {
    const s = net.createServer((c) => c.destroy());
    s.once('error', reject);
    s.listen({ host: address, port, exclusive: true }, () => resolve(s));
  });
}

describe('local gateway ports', () => {
  let env: GatewayTestEnv;
  const annotations = async (name: string): Promise<Record<string, string>> =>
    (await env.getJson<Gw>(['get', 'gtw', name, '-n', NS])).metadata.annotations ?? {};
  const status = (address: string, port: number): Promise<number> =>
    send({ address, port, host: HOST, path: '/get' }).then(
      (r) => r.status,
      () => 0,
    );

  beforeAll(async () => {
    env = await startGatewayTestEnv();
    await env.apply(JSON.stringify({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: NS } }));
    await env.addHttpbinService(NS, 'web');
    await env.enableGatewayApi();
  }, 60_000);

  afterAll(async () => {
    await env?.dispose();
  });

  it('leaves a listener whose port is taken unprogrammed, says why, keeps the others serving, and recovers', async () => {
    const address = provisionedAddressFor(`${NS}/busy`);
    // Port 80 is remapped to 10080 for tests; another process holds that one.
    const holder = await occupy(address, 10080);
    let released = false;
    try {
      await env.apply(
        gateway('busy', [
          { name: 'http', port: 80 },
          { name: 'alt', port: 18080 },
        ]),
      );
      await env.apply(route('busy'));
      await waitFor(async () => ((await status(address, 18080)) === 200 ? true : undefined), 10_000);
      const noted = await waitFor(async () => {
        const a = await annotations('busy');
        return a[UNPROGRAMMED_ANNOTATION]?.includes('EADDRINUSE') ? a : undefined;
      }, 10_000);
      expect(noted[UNPROGRAMMED_ANNOTATION]).toMatch(
        /^http: bind 127\.0\.\d+\.\d+:10080: port in use by another process \(EADDRINUSE\)$/,
      );
      // 18080 is bound as is; 80 is not bound at all, so there is no mapping to report for it.
      expect(noted[LOCAL_PORTS_ANNOTATION]).toBe('');
      expect(env.logs.some((l) => l.includes(`${address}:80`) && l.includes('EADDRINUSE'))).toBe(true);
      expect(env.gateway.addresses()[`${NS}/busy`]).toBe(address);

      await new Promise<void>((r) => holder.close(() => r()));
      released = true;
      // Bind failures are retried every 2 s.
      await waitFor(async () => ((await status(address, 10080)) === 200 ? true : undefined), 10_000);
      const healed = await waitFor(async () => {
        const a = await annotations('busy');
        return a[UNPROGRAMMED_ANNOTATION] === undefined && a[LOCAL_PORTS_ANNOTATION] === '80=10080' ? a : undefined;
      }, 10_000);
      expect(healed[LOCAL_PORTS_ANNOTATION]).toBe('80=10080');
    } finally {
      if (!released) holder.close();
    }
  });

  it('clears portico.dev/local-ports when nothing is remapped any more, and when the Gateway is no longer served', async () => {
    const address = provisionedAddressFor(`${NS}/moving`);
    await env.apply(gateway('moving', [{ name: 'http', port: 80 }]));
    await env.apply(route('moving'));
    await waitFor(async () => ((await annotations('moving'))[LOCAL_PORTS_ANNOTATION] === '80=10080' ? true : undefined), 10_000);

    // The listener moves to an unprivileged port: served as is, nothing remapped.
    await env.apply(gateway('moving', [{ name: 'http', port: 18081 }]));
    await waitFor(async () => ((await status(address, 18081)) === 200 ? true : undefined), 10_000);
    await waitFor(async () => ((await annotations('moving'))[LOCAL_PORTS_ANNOTATION] === '' ? true : undefined), 10_000);

    // Back on 80, then Gateway API is switched off: nothing is served, so no mapping may remain.
    await env.apply(gateway('moving', [{ name: 'http', port: 80 }]));
    await waitFor(async () => ((await annotations('moving'))[LOCAL_PORTS_ANNOTATION] === '80=10080' ? true : undefined), 10_000);
    await env.enableGatewayApi(false);
    await waitFor(async () => ((await status(address, 10080)) === 0 ? true : undefined), 10_000);
    const cleared = await waitFor(async () => {
      const a = await annotations('moving');
      return a[LOCAL_PORTS_ANNOTATION] === '' ? a : undefined;
    }, 10_000);
    expect(cleared[LOCAL_PORTS_ANNOTATION]).toBe('');
    await env.enableGatewayApi(true);
  });
});
