/**
 * Istio `VirtualService` → HTTPRoute (or GRPCRoute for gRPC servers), TCPRoute and TLSRoute.
 * One VirtualService covers every protocol; Gateway API has a route kind per protocol (the
 * seed's migration table), so one VirtualService may become several routes.
 * @see https://istio.io/latest/docs/reference/config/networking/virtual-service/
 */
import { ruleBackends, ruleFilters, ruleResilience } from './http-actions';
import { convertMatch, type RouteMatch } from './http-match';
import { backendFor } from './backends';
import { dnsLabel, emit, report, type MigrationContext, type Origin } from './context';
import { grpcRule } from './grpc';
import type { IstioHttpRoute, IstioL4Route, VirtualService } from './types';

type ParentRef = { name: string; namespace?: string; sectionName?: string };

/** Converts one VirtualService. */
export function convertVirtualService(ctx: MigrationContext, vs: VirtualService): void {
  const namespace = vs.metadata.namespace ?? 'default';
  const origin: Origin = { kind: 'VirtualService', namespace, name: vs.metadata.name };
  const parents = parentRefs(ctx, origin, vs);
  if (parents.refs.length === 0) return;
  const hostnames = routeHostnames(ctx, origin, vs.spec.hosts ?? []);
  const http = vs.spec.http ?? [];
  if (http.length > 0) {
    const grpc = parents.grpc && ctx.target.grpcRoute;
    if (parents.grpc && !ctx.target.grpcRoute) {
      report(
        ctx,
        origin,
        ['spec', 'http'],
        'warning',
        'the Gateway serves gRPC but this cluster has no GRPCRoute (Gateway API v0.6): converted to an HTTPRoute matching the gRPC paths',
      );
    }
    const kind = grpc ? 'GRPCRoute' : 'HTTPRoute';
    const rules = http.flatMap((h, i) => (grpc ? grpcRule(ctx, origin, h, ['spec', 'http', i]) : httpRules(ctx, origin, h, i)));
    emit(ctx, route(ctx.target.apiVersion, kind, vs.metadata.name, namespace, parents.refs, hostnames, rules), origin);
    if (http.length > 1) {
      report(
        ctx,
        origin,
        ['spec', 'http'],
        'note',
        'Istio applies the first http entry that matches, in order; Gateway API picks the most specific match (exact path, then longest prefix, method, headers, query). Check the traffic comparison for requests that several entries match.',
      );
    }
  }
  l4Routes(ctx, origin, vs, 'tcp', parents.refs);
  l4Routes(ctx, origin, vs, 'tls', parents.refs);
}

function route(
  apiVersion: string,
  kind: string,
  name: string,
  namespace: string,
  parentRefs: ParentRef[],
  hostnames: string[],
  rules: unknown[],
): { apiVersion: string; kind: string; metadata: { name: string; namespace: string }; spec: unknown } {
  return {
    apiVersion,
    kind,
    metadata: { name, namespace },
    spec: { parentRefs, ...(hostnames.length > 0 ? { hostnames } : {}), rules },
  };
}

/** The parentRefs for `spec.gateways`; `mesh` (sidecar routing) is outside a Gateway's scope. */
function parentRefs(ctx: MigrationContext, origin: Origin, vs: VirtualService): { refs: ParentRef[]; grpc: boolean } {
  const refs: ParentRef[] = [];
  let grpc = true;
  const gateways = vs.spec.gateways ?? ['mesh'];
  gateways.forEach((g, i) => {
    if (g === 'mesh') {
      const at = vs.spec.gateways ? ['spec', 'gateways', i] : ['spec'];
      report(
        ctx,
        origin,
        at,
        'warning',
        'mesh (sidecar) routing is not converted: Gateway API routes here attach to Gateways (GAMMA mesh routing is a separate step)',
      );
      return;
    }
    const [ns, name] = g.includes('/') ? (g.split('/') as [string, string]) : [origin.namespace, g];
    const conv = ctx.gateways.get(`${ns}/${name}`);
    const base: ParentRef = ns === origin.namespace ? { name } : { name, namespace: ns };
    if (!conv) {
      report(
        ctx,
        origin,
        ['spec', 'gateways', i],
        'note',
        `Gateway ${ns}/${name} is not in the input: the route refers to a Gateway API Gateway of that name, which must exist`,
      );
      grpc = false;
      refs.push(base);
      return;
    }
    const serving = conv.listeners.filter((l) => !l.redirectsToHttps);
    grpc &&= serving.length > 0 && serving.every((l) => l.grpc === true);
    if (serving.length === conv.listeners.length) refs.push(base);
    else for (const l of serving) refs.push({ ...base, sectionName: l.name });
  });
  return { refs, grpc: grpc && refs.length > 0 };
}

function routeHostnames(ctx: MigrationContext, origin: Origin, hosts: readonly string[]): string[] {
  const out: string[] = [];
  hosts.forEach((h, i) => {
    if (h === '*') {
      report(
        ctx,
        origin,
        ['spec', 'hosts', i],
        'note',
        'host * becomes a route without hostnames (it takes every host its listeners accept)',
      );
    } else if (!h.includes('.')) {
      report(
        ctx,
        origin,
        ['spec', 'hosts', i],
        'warning',
        `short host ${h} is a mesh-internal name; a Gateway hostname must be a domain name: dropped`,
      );
    } else out.push(h.toLowerCase());
  });
  return out;
}

/**
 * One Istio http entry → HTTPRoute rules. A prefix rewrite needs exactly one PathPrefix match
 * per rule in Gateway API, so such an entry with several matches becomes one rule per match.
 */
function httpRules(ctx: MigrationContext, origin: Origin, h: IstioHttpRoute, i: number): unknown[] {
  const path = ['spec', 'http', i];
  const matches = (h.match ?? []).map((m, j) => convertMatch(ctx, origin, m, [...path, 'match', j]));
  const prefixRewrite = h.rewrite?.uri !== undefined && !h.redirect && matches.length > 0 && matches.every(isPrefix);
  const groups: RouteMatch[][] = prefixRewrite && matches.length > 1 ? matches.map((m) => [m]) : [matches];
  const backends = h.redirect ? [] : ruleBackends(ctx, origin, h, path, 'HTTPRoute');
  if (h.redirect && h.route)
    report(ctx, origin, [...path, 'route'], 'note', 'Istio ignores route when redirect is set; so does the generated rule');
  const extra = ruleResilience(ctx, origin, h, path);
  return groups.map((group) => {
    const filters = ruleFilters(ctx, origin, h, path, prefixRewrite);
    const rule: Record<string, unknown> = {};
    if (group.length > 0) rule.matches = group;
    if (filters.length > 0) rule.filters = filters;
    if (backends.length > 0) rule.backendRefs = backends;
    return { ...rule, ...extra };
  });
}

function isPrefix(m: RouteMatch): boolean {
  return (m.path as { type?: string } | undefined)?.type === 'PathPrefix';
}

/** `tcp` and `tls` entries → TCPRoute / TLSRoute, where the cluster serves them. */
function l4Routes(ctx: MigrationContext, origin: Origin, vs: VirtualService, field: 'tcp' | 'tls', parents: ParentRef[]): void {
  const entries: IstioL4Route[] = vs.spec[field] ?? [];
  if (entries.length === 0) return;
  const kind = field === 'tcp' ? 'TCPRoute' : 'TLSRoute';
  const apiVersion = field === 'tcp' ? ctx.target.tcpRoute : ctx.target.tlsRoute;
  if (!apiVersion) {
    report(
      ctx,
      origin,
      ['spec', field],
      'warning',
      `${field} routes need ${kind}, which this cluster does not serve; not converted`,
    );
    return;
  }
  entries.forEach((e, i) => {
    const path = ['spec', field, i];
    const backendRefs = (e.route ?? []).flatMap((d, j) => {
      const ref = backendFor(ctx, origin, d.destination, [...path, 'route', j, 'destination'], kind);
      if (!ref) return [];
      if ((e.route ?? []).length > 1) ref.weight = d.weight ?? 0;
      return [ref];
    });
    const sni = (e.match ?? []).flatMap((m) => m.sniHosts ?? []);
    (e.match ?? []).forEach((m, j) => {
      const extra = Object.keys(m).filter((k) => k !== 'sniHosts' && k !== 'port');
      if (extra.length > 0)
        report(ctx, origin, [...path, 'match', j], 'warning', `${extra.join(', ')} cannot be expressed on a ${kind}; dropped`);
    });
    const spec: Record<string, unknown> = { parentRefs: parents, rules: [{ backendRefs }] };
    if (field === 'tls' && sni.length > 0) spec.hostnames = sni;
    const name = dnsLabel(`${vs.metadata.name}-${field}${entries.length > 1 ? `-${i + 1}` : ''}`);
    emit(ctx, { apiVersion, kind, metadata: { name, namespace: origin.namespace }, spec }, origin);
  });
}
