/**
 * The local gateway runtime: makes real traffic flow through the Gateways of the embedded
 * cluster. Every reconcile pass computes status with the engine (same inputs as the local
 * controller), compiles the route table, loads the certificates of resolved HTTPS listeners,
 * swaps the table in, reconciles the bound ports, and records port remapping in the
 * `portico.dev/local-ports` annotation. Status itself is written by the controller only.
 */
import type { Writable } from 'node:stream';
import { KubeConfig } from '@kubernetes/client-node';
import { computeStatus, gatewayApiEnabled, objectKey, type Snapshot } from '@/lib/gateway-api';
import { compileRoutes, type RouteTable } from '@/lib/gateway-api/routing';
import { DEFAULT_CONTROLLER_NAMES } from '@/lib/local/controller';
import { releaseAgent } from '@/lib/local/controller/kube-request';
import { buildSnapshot } from '@/lib/local/controller/snapshot';
import { jsonLinesSink } from '../access-log';
import type { PrivilegedPortPolicy } from '../bind';
import { createListenerSet, type ListenerStatus } from '../listener-set';
import { createProxy } from '../proxy';
import { clearAccessLog, rememberAccessLog } from './access-log-buffer';
import { startClusterWatch, type WatchView } from './cluster-watch';
import { createBackendResolver } from './endpoints';
import { loadListenerCertificates } from './listener-certificates';
import { annotationPatches } from './gateway-annotations';
import { writeGatewayAnnotations } from './local-ports';
import { createRuntimePlanner, type RoutingState } from './planner';
import { provisionedAddressFor } from './provisioned-address';
import { createSecretStore } from './secrets';
import { buildServePlan, gatewayAddresses, tlsNeeds, withoutListeners } from './serve-plan';

/** Options of {@link startLocalGateway}. */
export interface LocalGatewayOptions {
  kubeconfigPath: string;
  log?: (msg: string) => void;
  /** Receives the access log as JSON lines. */
  accessLog?: Writable;
  /** `auto` (default): bind privileged ports when allowed, else port+10000; `remap`: always port+10000. */
  privilegedPorts?: PrivilegedPortPolicy;
  /** GatewayClass controllerNames to serve (default: the controller's defaults). */
  controllerNames?: string[];
  /** Upstream response-head timeout when a route sets none (default 15 s → 504). */
  upstreamTimeoutMs?: number;
}

/** A running local gateway. */
export interface LocalGateway {
  /** Stops watching, closes every port (letting in-flight requests finish) and upstream pools. */
  stop(): Promise<void>;
  /** Resolves once the cluster is listed and the latest change is applied to the ports. */
  idle(): Promise<void>;
  /** Gateway key (`namespace/name`) → the local address it is served on. */
  addresses(): Record<string, string>;
}

const EMPTY_TABLE: RouteTable = { byAddressPort: new Map(), byPort: new Map(), inactive: [] };
const EMPTY_STATE: RoutingState = {
  table: EMPTY_TABLE,
  resolve: (t) => ({ name: `${t.namespace}/${t.service}:${t.port ?? ''}`, endpoints: [], protocol: 'http/1.1' }),
};
/** Retry of ports that failed to bind (address in use, address not local): they may free up. */
const BIND_RETRY_MS = 2000;
/** How long a removed port (or a stopping gateway) lets in-flight requests finish. */
const DRAIN_MS = 10_000;
/** The engine's `now` only stamps lastTransitionTime, which routing never reads. */
const FIXED_NOW = '1970-01-01T00:00:00Z';

function provisioned(snapshot: Snapshot): Record<string, string> {
  return Object.fromEntries(snapshot.gateways.map((g) => [objectKey(g), provisionedAddressFor(objectKey(g))]));
}

/** Starts the gateway; watching begins at once and retries until the API answers. */
export async function startLocalGateway(opts: LocalGatewayOptions): Promise<LocalGateway> {
  const kc = new KubeConfig();
  kc.loadFromFile(opts.kubeconfigPath);
  const log = opts.log ?? ((): void => undefined);
  const controllerNames = opts.controllerNames ?? [...DEFAULT_CONTROLLER_NAMES];
  const sink = opts.accessLog ? jsonLinesSink(opts.accessLog) : undefined;
  clearAccessLog();
  let state = EMPTY_STATE;
  let served: Record<string, string> = {};
  let lastProblems = '';
  let enabledLogged: boolean | undefined;
  let retryTimer: NodeJS.Timeout | undefined;

  const proxy = createProxy({
    planner: createRuntimePlanner(() => state),
    accessLog: (e) => {
      rememberAccessLog(e);
      sink?.(e);
    },
    ...(opts.upstreamTimeoutMs ? { upstreamTimeoutMs: opts.upstreamTimeoutMs } : {}),
  });
  const ports = createListenerSet({
    onRequest: proxy.onRequest,
    onUpgrade: proxy.onUpgrade,
    privilegedPorts: opts.privilegedPorts ?? 'auto',
    drainMs: DRAIN_MS,
  });
  const secrets = createSecretStore(kc);

  const report = (problems: string[]): void => {
    const text = problems.join('\n');
    if (text !== lastProblems && text) log(text);
    lastProblems = text;
  };

  const pass = async (view: WatchView): Promise<void> => {
    const { discovered, informers } = view;
    const snapshot = buildSnapshot(informers);
    // Same switch as the controller: ASM serves Gateway API only once ASMMeshConfig enables it.
    const enabled = discovered.meshConfig === undefined || gatewayApiEnabled(snapshot.meshConfig);
    if (enabled !== enabledLogged)
      log(
        enabled ? 'Gateway API enabled: serving Gateways' : 'ASMMeshConfig default does not enable Gateway API: serving nothing',
      );
    enabledLogged = enabled;
    if (!enabled) {
      state = EMPTY_STATE;
      served = {};
      await ports.apply([]);
      // Nothing is served: mappings written while it was must not outlive it.
      await annotate(view, [], new Map(), new Map());
      return;
    }
    const status = computeStatus(snapshot, { controllerNames, now: FIXED_NOW, provisionedAddresses: provisioned(snapshot) });
    const compiled = compileRoutes(snapshot, status);
    const certs = await loadListenerCertificates(tlsNeeds(snapshot, status, compiled), snapshot, secrets);
    const table = withoutListeners(compiled, certs.failed);
    const { addresses, unreachable } = gatewayAddresses(status, table);
    const plan = buildServePlan(table, addresses, certs.certificates);
    // New routes first, then ports: a port that opens already routes by the new table.
    state = { table, resolve: createBackendResolver(snapshot) };
    const statuses = await ports.apply(plan.specs);
    served = Object.fromEntries(
      Object.entries(addresses).filter(([gw]) =>
        statuses.some((s) => s.ready && plan.gatewaysByPort.get(`${s.address}:${s.port}`)?.has(gw)),
      ),
    );
    report([
      ...[...certs.failed].map(([id, why]) => `listener ${id} not programmed: ${why}`),
      ...unreachable.map((gw) => `Gateway ${gw} has no local (127.0.0.0/8) address to serve on`),
      ...plan.problems,
      ...statuses.flatMap((s) => s.errors.map((e) => `${s.protocol} ${s.address}:${s.port}: ${e}`)),
    ]);
    scheduleBindRetry(statuses);
    await annotate(view, statuses, plan.listenersByPort, certs.failed);
  };

  /** Brings every Gateway's local-ports / local-unprogrammed annotations up to date. */
  const annotate = async (
    { discovered, informers }: WatchView,
    statuses: readonly ListenerStatus[],
    listenersByPort: ReadonlyMap<string, ReadonlySet<string>>,
    failedListeners: ReadonlyMap<string, string>,
  ): Promise<void> => {
    const gatewayDef = discovered.defs.find((d) => d.slot === 'gateways');
    const gatewayInformer = informers.find((i) => i.def.slot === 'gateways');
    if (!gatewayDef || !gatewayInformer) return;
    const current = new Map(
      gatewayInformer
        .list()
        .map((g) => [`${g.metadata?.namespace ?? 'default'}/${g.metadata?.name ?? ''}`, g.metadata?.annotations ?? {}] as const),
    );
    const patches = annotationPatches({ statuses, listenersByPort, failedListeners, current });
    await writeGatewayAnnotations(kc, gatewayDef, patches, log);
  };

  /** Ports that could not bind are retried outside the reconcile loop, so idle() still settles. */
  const scheduleBindRetry = (statuses: readonly ListenerStatus[]): void => {
    clearTimeout(retryTimer);
    if (!statuses.some((s) => s.boundPort === 0 && s.errors.some((e) => e.startsWith('bind ')))) return;
    retryTimer = setTimeout(() => watch.trigger(), BIND_RETRY_MS);
    retryTimer.unref();
  };

  const watch = startClusterWatch(kc, pass, log);

  return {
    async stop() {
      clearTimeout(retryTimer);
      await watch.stop();
      await ports.close();
      proxy.close();
      releaseAgent(kc);
    },
    idle: () => watch.idle(),
    addresses: () => ({ ...served }),
  };
}
