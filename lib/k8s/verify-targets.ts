/**
 * Where verification may send requests: the engine's view of the connected cluster, the
 * targets discovered per Gateway, and the outbound guard's allowed set, which holds only
 * addresses this console itself found for Gateways (plus loopback for the embedded cluster).
 */
import 'server-only';
import { computeStatus } from '@/lib/gateway-api/compute-status';
import { compileRoutes, type RouteTable } from '@/lib/gateway-api/routing';
import type { EngineStatus, Gateway, Snapshot } from '@/lib/gateway-api/types';
import {
  boundServiceKey,
  discoverTargets,
  resolveOnce,
  type GuardPolicy,
  type IngressService,
  type LookupFn,
} from '@/lib/verify';
import type { Target } from '@/lib/verify/types';
import { getClusterCache } from './cache/registry';
import { snapshotOf } from './snapshot';

/** How the console runs, as far as verification cares. */
export interface VerifyEnvironment {
  /** Connected to the embedded local cluster (its gateway listens on loopback). */
  embedded: boolean;
  /** Running inside the cluster (cluster IPs reachable). */
  inCluster: boolean;
  /** Ports the console listens on: never a target on loopback. */
  consolePorts: number[];
}

/** Reads {@link VerifyEnvironment} from the process environment (PORTICO_EMBEDDED, PORT, PORTICO_PORT). */
export function verifyEnvironment(env: Readonly<Record<string, string | undefined>> = process.env): VerifyEnvironment {
  const ports = [env.PORT, env.PORTICO_PORT].map(Number).filter((p) => Number.isInteger(p) && p > 0 && p < 65536);
  return {
    embedded: env.PORTICO_EMBEDDED === '1',
    // The embedded cluster is reached from outside even if the console itself runs in a pod.
    inCluster: env.PORTICO_EMBEDDED !== '1' && Boolean(env.KUBERNETES_SERVICE_HOST),
    consolePorts: [...new Set(ports)],
  };
}

/** The engine's view of one cluster, computed once per verification (or per verify-all run). */
export interface VerifyWorld {
  context: string;
  snapshot: Snapshot;
  status: EngineStatus;
  table: RouteTable;
  env: VerifyEnvironment;
}

/** Builds a {@link VerifyWorld} from a snapshot: status as the Gateways' own controllers would compute it. */
export function worldFromSnapshot(context: string, snapshot: Snapshot, env: VerifyEnvironment): VerifyWorld {
  const controllerNames = [...new Set(snapshot.gatewayClasses.map((c) => c.spec.controllerName).filter(Boolean))];
  const status = computeStatus(snapshot, { controllerNames, now: new Date().toISOString() });
  return { context, snapshot, status, table: compileRoutes(snapshot, status), env };
}

/** The {@link VerifyWorld} of a kubeconfig context (current by default), from the live cache. */
export async function loadVerifyWorld(context?: string, env: VerifyEnvironment = verifyEnvironment()): Promise<VerifyWorld> {
  const cache = await getClusterCache(context);
  return worldFromSnapshot(cache.context, snapshotOf(cache), env);
}

const keyOf = (o: { metadata: { namespace?: string; name: string } }): string =>
  `${o.metadata.namespace ?? 'default'}/${o.metadata.name}`;

/** The Gateway `namespace/name`, if it exists. */
export function findGateway(world: VerifyWorld, key: string): Gateway | undefined {
  return world.snapshot.gateways.find((g) => keyOf(g) === key);
}

/** Discovered targets of a Gateway, in discovery order (see discoverTargets); [] for an unknown Gateway. */
export function gatewayTargets(world: VerifyWorld, gatewayKey: string): Target[] {
  const gw = findGateway(world, gatewayKey);
  if (!gw) return [];
  const svcKey = boundServiceKey(gw);
  const svc = svcKey ? (world.snapshot.services.find((s) => keyOf(s) === svcKey) as IngressService | undefined) : undefined;
  return discoverTargets(gw, svc, { inCluster: world.env.inCluster });
}

/** Names resolved for the allowed set, kept briefly so a verify-all does not look them up per request. */
const resolved = new Map<string, { at: number; ips: string[] }>();
const RESOLVE_TTL_MS = 30_000;

async function resolveCached(name: string, lookup?: LookupFn): Promise<string[]> {
  const hit = resolved.get(name);
  if (hit && Date.now() - hit.at < RESOLVE_TTL_MS) return hit.ips;
  const ips = await resolveOnce(name, lookup).then(
    (r) => [r.address],
    () => [] as string[],
  );
  resolved.set(name, { at: Date.now(), ips });
  return ips;
}

/**
 * The guard's policy for this cluster: every address discovered for any of its Gateways
 * (names resolved once), loopback only for the embedded cluster, and the console's own
 * ports (`extraPorts`: e.g. the port the browser reached the console on) always refused.
 */
export async function guardPolicyFor(world: VerifyWorld, extraPorts: number[] = [], lookup?: LookupFn): Promise<GuardPolicy> {
  const addresses = new Set<string>();
  const names = new Set<string>();
  for (const gw of world.snapshot.gateways) {
    for (const t of gatewayTargets(world, keyOf(gw))) {
      if (t.addressType === 'IP') addresses.add(t.address);
      else if (t.addressType === 'Hostname') names.add(t.address);
    }
  }
  for (const ips of await Promise.all([...names].map((n) => resolveCached(n, lookup)))) for (const ip of ips) addresses.add(ip);
  const consolePorts = [...new Set([...world.env.consolePorts, ...extraPorts.filter((p) => Number.isInteger(p) && p > 0)])];
  return { addresses, allowLoopback: world.env.embedded, consolePorts };
}

/** Forgets resolved names (tests). */
export function clearResolvedNames(): void {
  resolved.clear();
}
