/**
 * Where to send verification requests for a Gateway, in the order a console should try
 * them. Pure: the caller passes the Gateway, its bound ingress Service and where it runs.
 */
import { serviceKeyFromHostname } from '@/lib/gateway-api/addresses';
import type { Gateway, Service } from '@/lib/gateway-api/types';
import type { Target } from './types';
import { isIP } from 'node:net';

/** Annotation the local gateway writes when it had to remap ports, e.g. `80=10080,443=10443`. */
export const LOCAL_PORTS_ANNOTATION = 'portico.dev/local-ports';

/** The ingress gateway Service as discovery reads it (`spec.externalIPs` included). */
export type IngressService = Service & { spec: Service['spec'] & { externalIPs?: string[] } };

/** Options of {@link discoverTargets}. */
export interface DiscoverOptions {
  /** True when the console runs inside the cluster (cluster IPs and `*.svc` names reachable). */
  inCluster: boolean;
  /** `80=10080,443=10443`; defaults to the {@link LOCAL_PORTS_ANNOTATION} of the Gateway, then of the Service. */
  localPorts?: string;
}

/** Parses `80=10080,443=10443` into a port map; malformed pairs are ignored. */
export function parseLocalPorts(value: string | undefined): Record<number, number> {
  const out: Record<number, number> = {};
  for (const pair of (value ?? '').split(',')) {
    const m = /^\s*(\d{1,5})\s*=\s*(\d{1,5})\s*$/.exec(pair);
    if (!m) continue;
    const from = Number(m[1]);
    const to = Number(m[2]);
    if (from > 0 && from < 65536 && to > 0 && to < 65536) out[from] = to;
  }
  return out;
}

/** The port to connect to for a listener port through `target`. */
export function targetPort(target: Pick<Target, 'portMap'>, listenerPort: number): number {
  return target.portMap[listenerPort] ?? listenerPort;
}

/** `namespace/name` of the ingress Service a Gateway binds to through a Hostname address (ASM). */
export function boundServiceKey(gateway: Gateway): string | undefined {
  for (const a of gateway.spec.addresses ?? []) {
    if ((a.type ?? 'IPAddress') !== 'Hostname') continue;
    const key = serviceKeyFromHostname(a.value.toLowerCase());
    if (key) return key;
  }
  return undefined;
}

const inClusterName = (h: string): boolean => /\.svc(\.cluster\.local)?\.?$/i.test(h);

/**
 * Candidate targets, in order: the Gateway's `status.addresses`, the bound Service's
 * `status.loadBalancer.ingress`, its `spec.externalIPs` and `clusterIP` (in-cluster only),
 * then a port-forward marker naming the Service (outside the cluster). Duplicates keep
 * their first source; `*.svc` names are skipped outside the cluster (nothing resolves them).
 */
export function discoverTargets(gateway: Gateway, ingressService: IngressService | undefined, opts: DiscoverOptions): Target[] {
  const annotations = { ...ingressService?.metadata.annotations, ...gateway.metadata.annotations };
  const portMap = parseLocalPorts(opts.localPorts ?? annotations[LOCAL_PORTS_ANNOTATION]);
  const service = ingressService
    ? `${ingressService.metadata.namespace ?? 'default'}/${ingressService.metadata.name}`
    : undefined;
  const out: Target[] = [];
  const seen = new Set<string>();
  const add = (kind: Target['kind'], address: string | undefined, source: string, withService: boolean): void => {
    const a = address?.trim().toLowerCase();
    if (!a || a === 'none' || seen.has(a)) return;
    if (!opts.inCluster && !isIP(a) && inClusterName(a)) return;
    seen.add(a);
    out.push({
      kind,
      address: a,
      addressType: isIP(a) ? 'IP' : 'Hostname',
      source,
      portMap,
      ...(withService && service ? { service } : {}),
    });
  };
  for (const a of gateway.status?.addresses ?? []) add('gateway-address', a.value, 'Gateway status address', false);
  for (const ing of ingressService?.status?.loadBalancer?.ingress ?? [])
    add('load-balancer', ing.ip ?? ing.hostname, 'LoadBalancer ingress of the ingress gateway Service', true);
  if (opts.inCluster && ingressService) {
    for (const ip of ingressService.spec.externalIPs ?? [])
      add('external-ip', ip, 'external IP of the ingress gateway Service', true);
    add('cluster-ip', ingressService.spec.clusterIP, 'cluster IP of the ingress gateway Service (console in-cluster)', true);
  }
  if (!opts.inCluster && service) {
    out.push({
      kind: 'port-forward',
      address: '',
      addressType: 'none',
      source: 'port-forward through the Kubernetes API to a ready ingress gateway pod',
      service,
      portMap: {},
    });
  }
  return out;
}
