/**
 * The embedded default, assembled: local API server, httpbin behind the seeded `default/httpbin`
 * Service, the controller that writes Gateway API status, and the gateway that routes real
 * traffic. `npm start` and `npm run cluster` both start exactly this.
 */
import { startLocalCluster } from './cluster';
import { startController } from './controller';
import { provisionedAddressFor, startLocalGateway } from './gateway/runtime';
import { startHttpbin } from './httpbin';

/** Options of {@link startLocalStack}. */
export interface LocalStackOptions {
  dataDir: string;
  /** API server port; 0 or unset picks a free port. */
  port?: number;
  reset?: boolean;
  gatewayApiVersion?: string;
  /** Where the controller's and gateway's messages go (default: stdout, prefixed `controller:` / `gateway:`). */
  log?: (msg: string) => void;
}

/** A running embedded stack. */
export interface LocalStack {
  apiUrl: string;
  kubeconfigPath: string;
  httpbinUrl: string;
  stop(): Promise<void>;
}

/** Starts every process of the embedded cluster; `stop` ends them in reverse order (gateway first). */
export async function startLocalStack(opts: LocalStackOptions): Promise<LocalStack> {
  const stops: Array<() => Promise<void>> = [];
  try {
    const httpbin = await startHttpbin({ host: '127.0.0.1', port: 0 });
    stops.push(httpbin.stop);
    const cluster = await startLocalCluster({
      dataDir: opts.dataDir,
      host: '127.0.0.1',
      ...(opts.port ? { port: opts.port } : {}),
      ...(opts.reset ? { reset: true } : {}),
      gatewayApiVersion: opts.gatewayApiVersion ?? process.env.PORTICO_GATEWAY_API_VERSION ?? 'v1.1.0',
      httpbinPort: httpbin.port,
    });
    stops.push(cluster.stop);
    // After the API server (it watches it), before anything that expects status to be written.
    const controller = await startController({
      kubeconfigPath: cluster.kubeconfigPath,
      // The same pure function as the gateway's, so status.addresses names what it binds.
      provisionedAddresses: provisionedAddressFor,
      log: opts.log ?? ((msg) => console.log(`controller: ${msg}`)),
    });
    stops.push(controller.stop);
    const gateway = await startLocalGateway({
      kubeconfigPath: cluster.kubeconfigPath,
      log: opts.log ?? ((msg) => console.log(`gateway: ${msg}`)),
    });
    stops.push(gateway.stop);
    return {
      apiUrl: cluster.url,
      kubeconfigPath: cluster.kubeconfigPath,
      httpbinUrl: httpbin.url,
      stop: () => stopAll(stops),
    };
  } catch (err) {
    await stopAll(stops);
    throw err;
  }
}

async function stopAll(stops: Array<() => Promise<void>>): Promise<void> {
  for (const stop of stops.reverse()) {
    await stop().catch((err: unknown) => console.error('While stopping the local stack:', err));
  }
}
