/**
 * The embedded local cluster: the Kubernetes-compatible API server over `<dataDir>/cluster.db`,
 * seeded with the ASM Gateway API scenario on first start, plus the kubeconfig that reaches it.
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { oidcOptionsFromEnv, type OidcAuthOptions } from './apiserver/authn/oidc-claims';
import { startApiServer } from './apiserver/server';
import { writeKubeconfig } from './kubeconfig';
import { seedCluster, syncHttpbinEndpoints } from './seed/index';

/** Options of {@link startLocalCluster}. */
export interface LocalClusterOptions {
  dataDir: string;
  /** API server port (default: a free port). */
  port?: number;
  host?: '127.0.0.1';
  /** Wipe the stored objects first (TLS material and token are kept, so kubeconfigs stay valid). */
  reset?: boolean;
  /** Gateway API bundle to seed: v1.1.0 (default), v0.6.0 or v1.6.1. */
  gatewayApiVersion?: string;
  /** Seed Istio's networking CRDs too (default: env PORTICO_ISTIO_CRDS=1), for migrating Istio objects. */
  istioCrds?: boolean;
  /** Port of the local httpbin, for the `default/httpbin` EndpointSlice. */
  httpbinPort?: number;
  /** Interval of watch BOOKMARK events (default 10 s). */
  bookmarkIntervalMs?: number;
  /** Changes kept for watch resumption (default 10,000). */
  eventLogSize?: number;
  /** Accept OIDC id-tokens of this issuer (default: the console's PORTICO_OIDC_* settings, see oidcOptionsFromEnv). */
  oidc?: OidcAuthOptions;
}

/** A running local cluster. */
export interface LocalCluster {
  url: string;
  kubeconfigPath: string;
  token: string;
  caPem: string;
  stop(): Promise<void>;
}

/** Removes the database files of a data dir. */
function wipeStore(dataDir: string): void {
  for (const f of ['cluster.db', 'cluster.db-wal', 'cluster.db-shm']) rmSync(path.join(dataDir, f), { force: true });
}

/** Starts the API server, seeds an empty store, and writes `<dataDir>/kubeconfig`. */
export async function startLocalCluster(opts: LocalClusterOptions): Promise<LocalCluster> {
  mkdirSync(opts.dataDir, { recursive: true });
  if (opts.reset) wipeStore(opts.dataDir);
  const fresh = !existsSync(path.join(opts.dataDir, 'cluster.db'));
  const oidc = opts.oidc ?? oidcOptionsFromEnv(process.env);
  const server = await startApiServer({
    dataDir: opts.dataDir,
    ...(opts.port ? { port: opts.port } : {}),
    host: opts.host ?? '127.0.0.1',
    ...(opts.bookmarkIntervalMs ? { bookmarkIntervalMs: opts.bookmarkIntervalMs } : {}),
    ...(opts.eventLogSize ? { eventLogSize: opts.eventLogSize } : {}),
    ...(oidc ? { oidc } : {}),
  });
  try {
    const api = { url: server.url, token: server.token, caPem: server.caPem };
    const gatewayApiVersion = opts.gatewayApiVersion ?? process.env.PORTICO_GATEWAY_API_VERSION ?? undefined;
    if (fresh || server.wasEmpty) {
      const istioCrds = opts.istioCrds ?? process.env.PORTICO_ISTIO_CRDS === '1';
      await seedCluster(api, { gatewayApiVersion, httpbinPort: opts.httpbinPort, istioCrds });
    } else if (opts.httpbinPort) {
      await syncHttpbinEndpoints(api, opts.httpbinPort);
    }
    const kubeconfigPath = path.join(opts.dataDir, 'kubeconfig');
    writeKubeconfig(kubeconfigPath, api);
    return { url: server.url, kubeconfigPath, token: server.token, caPem: server.caPem, stop: () => server.stop() };
  } catch (e) {
    await server.stop();
    throw e;
  }
}
