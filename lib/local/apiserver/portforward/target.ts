/**
 * Where a port-forward to a pod's port really goes. The local cluster has no pod network: the
 * process serving a pod is the one serving its Service. So a pod port maps, through each
 * Service selecting the pod (the Service port whose targetPort is that pod port), to the
 * Service's loopback address (its LoadBalancer ingress IP, else its clusterIP) and the Service
 * port there, remapped by the `portico.dev/local-ports` annotation of the Gateways served on that
 * address (the local gateway serves port 80 on 10080 when it may not bind 80).
 */
import type { Store } from '../store';
import { ApiError, type JsonObject } from '../types';

/** The local address a pod port is forwarded to. */
export interface ForwardTarget {
  host: string;
  port: number;
  /** `namespace/name` of the Service the mapping went through. */
  service: string;
}

/** The annotation the local gateway writes: `80=10080,443=10443`. */
const LOCAL_PORTS = 'portico.dev/local-ports';

interface ServiceLike {
  metadata?: { name?: string; namespace?: string };
  spec?: {
    selector?: Record<string, string>;
    clusterIP?: string;
    ports?: Array<{ port?: number; targetPort?: number | string; name?: string }>;
  };
  status?: { loadBalancer?: { ingress?: Array<{ ip?: string }> } };
}

interface PodLike {
  metadata?: { name?: string; labels?: Record<string, string> };
  spec?: { containers?: Array<{ ports?: Array<{ name?: string; containerPort?: number }> }> };
  status?: { phase?: string };
}

const isLoopback = (ip: string | undefined): ip is string => typeof ip === 'string' && /^127\.\d+\.\d+\.\d+$/.test(ip);

/** Parses `80=10080,443=10443` into a map (malformed pairs are ignored). */
export function parseLocalPorts(value: string | undefined): Map<number, number> {
  const out = new Map<number, number>();
  for (const pair of (value ?? '').split(',')) {
    const m = /^\s*(\d+)\s*=\s*(\d+)\s*$/.exec(pair);
    if (m) out.set(Number(m[1]), Number(m[2]));
  }
  return out;
}

/** The pod, checked to be one a port-forward may reach (kubelet refuses pods not running). */
export function runningPod(store: Store, namespace: string, name: string): JsonObject {
  const entry = store.get('/pods', namespace, name);
  if (!entry) throw new ApiError(404, 'NotFound', `pods "${name}" not found`, { name, kind: 'pods' });
  const phase = (entry.obj as PodLike).status?.phase;
  if (phase !== 'Running') {
    throw new ApiError(
      400,
      'BadRequest',
      `unable to upgrade connection: pod ${name} is not running (phase ${phase ?? 'unknown'})`,
    );
  }
  return entry.obj;
}

function selects(selector: Record<string, string> | undefined, labels: Record<string, string>): boolean {
  // A Service without a selector has manually managed endpoints: it selects no pod.
  if (!selector || Object.keys(selector).length === 0) return false;
  return Object.entries(selector).every(([k, v]) => labels[k] === v);
}

/** Whether a Service port's targetPort (number, name, or absent = same as port) is `podPort` of `pod`. */
function targets(p: { port?: number; targetPort?: number | string }, podPort: number, pod: PodLike): boolean {
  const t = p.targetPort ?? p.port;
  if (typeof t === 'number') return t === podPort;
  if (typeof t === 'string' && /^\d+$/.test(t)) return Number(t) === podPort;
  const named = (pod.spec?.containers ?? []).flatMap((c) => c.ports ?? []).find((cp) => cp.name === t);
  return named?.containerPort === podPort;
}

/** Remapping of listener ports on `host`, from every Gateway whose status lists that address. */
function remapOn(store: Store, host: string): Map<number, number> {
  const out = new Map<number, number>();
  for (const e of store.list('gateway.networking.k8s.io/gateways')) {
    const gw = e.obj as {
      metadata?: { annotations?: Record<string, string> };
      status?: { addresses?: Array<{ value?: string }> };
    };
    if (!(gw.status?.addresses ?? []).some((a) => a.value === host)) continue;
    for (const [from, to] of parseLocalPorts(gw.metadata?.annotations?.[LOCAL_PORTS])) out.set(from, to);
  }
  return out;
}

/**
 * The local address and port serving `podPort` of the pod `namespace/name` (which must exist
 * and be Running). Throws an ApiError naming what is missing when nothing serves it.
 */
export function forwardTarget(store: Store, namespace: string, name: string, podPort: number): ForwardTarget {
  const pod = runningPod(store, namespace, name) as PodLike;
  const labels = pod.metadata?.labels ?? {};
  for (const e of store.list('/services', namespace)) {
    const svc = e.obj as ServiceLike;
    if (!selects(svc.spec?.selector, labels)) continue;
    const sp = (svc.spec?.ports ?? []).find((p) => targets(p, podPort, pod));
    if (!sp?.port) continue;
    const host =
      (svc.status?.loadBalancer?.ingress ?? []).map((i) => i.ip).find(isLoopback) ??
      (isLoopback(svc.spec?.clusterIP) ? svc.spec?.clusterIP : undefined);
    if (!host) continue;
    return { host, port: remapOn(store, host).get(sp.port) ?? sp.port, service: `${namespace}/${svc.metadata?.name ?? ''}` };
  }
  throw new ApiError(
    400,
    'BadRequest',
    `pod ${namespace}/${name} has no port ${podPort} served locally: no Service with a loopback address selects it with that targetPort`,
  );
}
