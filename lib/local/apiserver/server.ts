/**
 * The HTTPS listener of the local API server: TLS material and token from the data dir, the
 * SQLite-backed store, and clean shutdown (open watches ended, connections closed, DB closed).
 */
import { mkdirSync } from 'node:fs';
import https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import path from 'node:path';
import { loadOrCreateToken } from './auth';
import type { OidcAuthOptions } from './authn/oidc-claims';
import { createAccess } from './authz/access';
import { sendError } from './http-io';
import type { ServerState } from './context';
import { Registry } from './registry';
import { route } from './router';
import { Store } from './store';
import { handlePortForwardUpgrade } from './portforward';
import { loadOrCreateTls } from './tls';
import { ApiError } from './types';
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
  /** How long stop() lets requests in flight finish before it cuts every connection (default 1 s). */
  stopGraceMs?: number;
  /** Accept OIDC id-tokens of this issuer (kube-apiserver's --oidc-* flags). */
  oidc?: OidcAuthOptions;
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
  /** True when the store held nothing before this start (the default RBAC policy is written at every start). */
  wasEmpty: boolean;
  stop(): Promise<void>;
}

/** Starts the HTTPS API server over `<dataDir>/cluster.db`. */
export async function startApiServer(opts: ApiServerOptions): Promise<ApiServer> {
  mkdirSync(opts.dataDir, { recursive: true });
  const tls = loadOrCreateTls(opts.dataDir);
  const token = loadOrCreateToken(opts.dataDir);
  const store = new Store(path.join(opts.dataDir, 'cluster.db'), opts.eventLogSize);
  const wasEmpty = store.empty;
  const state: ServerState = {
    store,
    registry: new Registry(store),
    watches: new WatchHub(),
    bookmarkIntervalMs: opts.bookmarkIntervalMs ?? 10_000,
    access: createAccess(opts.dataDir, token, store, opts.oidc),
  };
  const host = opts.host ?? '127.0.0.1';
  let hostPort = `${host}:${opts.port ?? 0}`;
  let stopping = false;
  const server = https.createServer({ cert: tls.certPem, key: tls.keyPem }, (req, res) => {
    if (stopping) {
      // A client reconnecting while we shut down (an informer's retry) must not open a new watch.
      res.shouldKeepAlive = false;
      sendError(req, res, new ApiError(503, 'ServiceUnavailable', 'apiserver is shutting down'));
      return;
    }
    void route({ state, token, hostPort: () => hostPort }, req, res);
  });
  server.keepAliveTimeout = 30_000;
  // WebSocket upgrades: only pods/{name}/portforward (the local cluster has no exec or attach).
  server.on('upgrade', (req, socket, head: Buffer) => {
    if (stopping) return void socket.destroy();
    const upgrade = () => handlePortForwardUpgrade({ store, access: state.access }, req, socket, head);
    // An OIDC id-token is verified first (the issuer's keys); verify() never rejects, its verdict is cached.
    const pending = state.access.authenticator.preverify(req);
    if (pending) void pending.then(upgrade);
    else upgrade();
  });
  // Every TCP connection, including ones still in (or stuck before) the TLS handshake, which
  // the HTTP layer's closeAllConnections() does not know about and server.close() waits for.
  const sockets = new Set<Socket>();
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.once('close', () => sockets.delete(s));
  });
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
    wasEmpty,
    async stop() {
      if (stopped) return;
      stopped = stopping = true;
      // Stop accepting, end every watch stream cleanly (clients see the end and reconnect
      // elsewhere or later), drop idle keep-alive connections, and give requests in flight a
      // short grace before every remaining socket is cut.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      state.watches.closeAll();
      server.closeIdleConnections();
      const grace = setTimeout(() => {
        server.closeAllConnections();
        for (const s of sockets) s.destroy();
      }, opts.stopGraceMs ?? 1_000);
      grace.unref();
      if (sockets.size === 0) clearTimeout(grace);
      await closed;
      clearTimeout(grace);
      store.close();
    },
  };
}
