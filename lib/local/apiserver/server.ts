/**
 * The HTTPS listener of the local API server: TLS material and token from the data dir, the
 * SQLite-backed store, and clean shutdown (open watches ended, connections closed, DB closed).
 */
import { mkdirSync } from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { loadOrCreateToken } from './auth';
import type { ServerState } from './context';
import { Registry } from './registry';
import { route } from './router';
import { Store } from './store';
import { loadOrCreateTls } from './tls';
import { WatchHub } from './watch-hub';

/** Options of {@link startApiServer}. */
export interface ApiServerOptions {
  dataDir: string;
  /** 0 or undefined = a free port. */
  port?: number;
  host?: '127.0.0.1';
  /** How often bookmark-enabled watches get a BOOKMARK (default 10 s). */
  bookmarkIntervalMs?: number;
  /** Changes kept for watch resumption (default 10,000); older resourceVersions get 410 Gone. */
  eventLogSize?: number;
}

/** A running API server. */
export interface ApiServer {
  url: string;
  port: number;
  token: string;
  caPem: string;
  /** The store (for seeding in-process; other components use the HTTP API). */
  store: Store;
  /** The served-resource registry (refresh after writing CRDs directly to the store). */
  registry: Registry;
  stop(): Promise<void>;
}

/** Starts the HTTPS API server over `<dataDir>/cluster.db`. */
export async function startApiServer(opts: ApiServerOptions): Promise<ApiServer> {
  mkdirSync(opts.dataDir, { recursive: true });
  const tls = loadOrCreateTls(opts.dataDir);
  const token = loadOrCreateToken(opts.dataDir);
  const store = new Store(path.join(opts.dataDir, 'cluster.db'), opts.eventLogSize);
  const state: ServerState = {
    store,
    registry: new Registry(store),
    watches: new WatchHub(),
    bookmarkIntervalMs: opts.bookmarkIntervalMs ?? 10_000,
  };
  const host = opts.host ?? '127.0.0.1';
  let hostPort = `${host}:${opts.port ?? 0}`;
  const server = https.createServer({ cert: tls.certPem, key: tls.keyPem }, (req, res) => {
    void route({ state, token, hostPort: () => hostPort }, req, res);
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  hostPort = `${host}:${port}`;
  let stopped = false;
  return {
    url: `https://${hostPort}`,
    port,
    token,
    caPem: tls.caPem,
    store,
    registry: state.registry,
    async stop() {
      if (stopped) return;
      stopped = true;
      state.watches.closeAll();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      store.close();
    },
  };
}
