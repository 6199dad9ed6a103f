/**
 * Where Istio sends a request at an ingress gateway, for the traffic comparison: the
 * VirtualService whose hosts match the Host (exact before wildcard), then its first `http`
 * entry, in order, with a match that matches (no match = everything).
 * @see https://istio.io/latest/docs/reference/config/networking/virtual-service/#VirtualService (http: "the first rule matching")
 */
import { dnsLabel } from './context';
import { resolveHost } from './services';
import type { DestinationRule, HttpMatch, ServiceInfo, StringMatch, VirtualService } from './types';

/** A request of the comparison. */
export interface SampleRequest {
  host: string;
  path: string;
  method: string;
  headers: Record<string, string>;
}

/** What a gateway does with a request, in terms both sides share. */
export interface Outcome {
  /** `forward` to weighted Services, `redirect`, or `none` (404 / not routed). */
  kind: 'forward' | 'redirect' | 'none';
  /** `namespace/name` of each Service → share of traffic (0..1), for forwards. */
  backends?: Record<string, number>;
  redirect?: { status: number };
  /** Which entry decided, for display (`http[1]` of a VirtualService, or a route rule). */
  by?: string;
}

function strMatch(m: StringMatch, value: string | undefined): boolean {
  if (value === undefined) return false;
  if (m.exact !== undefined) return value === m.exact;
  if (m.prefix !== undefined) return value.startsWith(m.prefix);
  if (m.regex !== undefined) {
    try {
      return new RegExp(`^(?:${m.regex})$`).test(value);
    } catch {
      return false;
    }
  }
  return true;
}

function matches(m: HttpMatch, req: SampleRequest, query: URLSearchParams): boolean {
  const path = req.path.split('?')[0] ?? '/';
  if (m.uri && !strMatch(m.uri, path)) return false;
  if (m.method && !strMatch(m.method, req.method)) return false;
  for (const [name, sm] of Object.entries(m.headers ?? {})) if (!strMatch(sm, req.headers[name.toLowerCase()])) return false;
  for (const [name, sm] of Object.entries(m.queryParams ?? {})) if (!strMatch(sm, query.get(name) ?? undefined)) return false;
  return true;
}

function hostScore(pattern: string, host: string): number {
  const p = pattern.toLowerCase();
  if (p === host) return 3;
  if (p.startsWith('*.') && host.endsWith(p.slice(1))) return 2;
  return p === '*' ? 1 : 0;
}

/** The backend key a destination maps to (a subset's proposed Service when its DestinationRule defines it). */
function destinationKey(
  dest: { host: string; subset?: string },
  ns: string,
  rules: readonly DestinationRule[],
  known: readonly ServiceInfo[],
): string {
  const r = resolveHost(dest.host, ns, known);
  if ('external' in r) return dest.host;
  const subset = dest.subset
    ? rules.some((dr) => {
        const h = resolveHost(dr.spec.host, dr.metadata.namespace ?? ns, known);
        return (
          !('external' in h) &&
          h.name === r.name &&
          h.namespace === r.namespace &&
          dr.spec.subsets?.some((s) => s.name === dest.subset)
        );
      })
    : false;
  const name = subset ? dnsLabel(`${r.name}-${dest.subset ?? ''}`) : r.name;
  return `${r.namespace}/${name}`;
}

/** Istio's decision for `req` among the VirtualServices bound to one gateway. */
export function istioOutcome(
  services: readonly VirtualService[],
  rules: readonly DestinationRule[],
  known: readonly ServiceInfo[],
  req: SampleRequest,
): Outcome {
  const host = req.host.toLowerCase();
  let best: VirtualService | undefined;
  let score = 0;
  for (const vs of services) {
    for (const h of vs.spec.hosts ?? []) {
      const s = hostScore(h, host);
      if (s > score) [best, score] = [vs, s];
    }
  }
  if (!best) return { kind: 'none' };
  const query = new URLSearchParams(req.path.split('?')[1] ?? '');
  const ns = best.metadata.namespace ?? 'default';
  const http = best.spec.http ?? [];
  for (let i = 0; i < http.length; i++) {
    const h = http[i] as (typeof http)[number];
    if (h.match && h.match.length > 0 && !h.match.some((m) => matches(m, req, query))) continue;
    const by = `${ns}/${best.metadata.name} http[${i}]`;
    if (h.redirect) return { kind: 'redirect', redirect: { status: h.redirect.redirectCode ?? 301 }, by };
    const dests = h.route ?? [];
    if (dests.length === 0) return { kind: 'none', by };
    const weights = dests.map((d) => (dests.length === 1 ? 1 : (d.weight ?? 0)));
    const total = weights.reduce((a, b) => a + b, 0) || 1;
    const backends: Record<string, number> = {};
    dests.forEach((d, j) => {
      const key = destinationKey(d.destination, ns, rules, known);
      backends[key] = (backends[key] ?? 0) + (weights[j] as number) / total;
    });
    return { kind: 'forward', backends, by };
  }
  return { kind: 'none' };
}
