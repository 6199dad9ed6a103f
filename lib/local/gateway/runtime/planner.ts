/**
 * The runtime's planner: every request is routed by the engine (routeHttp / routeGrpc) on the
 * route table of the latest reconcile, then turned into a proxy plan. The table is swapped
 * atomically, so a request is planned wholly on one version and in-flight requests are never
 * affected by a change.
 */
import { routeGrpc, routeHttp, type RouteTable, type RoutingDecision } from '@/lib/gateway-api/routing';
import { planFromDecision, type BackendResolver } from '../from-decision';
import type { Plan, Planner, RequestInfo } from '../plan';
import { PlanCache } from './plan-cache';

/** What the planner routes on; replaced as a whole on every reconcile. */
export interface RoutingState {
  table: RouteTable;
  resolve: BackendResolver;
}

/** Random numbers the engine drew for the decision under way (backend pick, mirror percentages). */
let draws = 0;

/** `Math.random`, counted (see {@link certain}). */
function drawRandom(): number {
  draws++;
  return Math.random();
}

/**
 * Whether chance played no part in a decision: at most one of the rule's backendRefs can be
 * picked (the engine draws for the pick even then), and no RequestMirror percentage was drawn
 * (any draw beyond the pick's one).
 */
function certain(d: RoutingDecision): boolean {
  let pickable = 0;
  for (const alt of d.alternatives) if (alt.probability > 0) pickable++;
  return pickable <= 1 && draws <= (d.alternatives.length > 0 ? 1 : 0);
}

/** The data plane never needs the engine's explanation of losing candidates. */
const NO_EXPLAIN = { explain: false, random: drawRandom } as const;

/** gRPC over HTTP/2: `content-type: application/grpc[+proto|…]` (gRPC over HTTP/2 protocol spec). */
function isGrpc(info: RequestInfo): boolean {
  const ct = info.headers['content-type'];
  return info.httpVersion === '2.0' && typeof ct === 'string' && ct.startsWith('application/grpc');
}

/** `/package.Service/Method` → service and method, or undefined for any other path. */
function grpcTarget(path: string): { service: string; method: string } | undefined {
  const m = /^\/([^/?]+)\/([^/?]+)$/.exec(path.split('?')[0] ?? '');
  return m ? { service: m[1] as string, method: m[2] as string } : undefined;
}

/**
 * Decides one request. A gRPC call goes to the GRPCRoutes first; when none matches
 * (UNIMPLEMENTED) an HTTPRoute may still carry it, as gRPC is plain HTTP/2 to an HTTPRoute.
 */
export function decide(table: RouteTable, info: RequestInfo): RoutingDecision {
  // RequestInfo is already an HttpRequestInput (scheme, host, port, method, path, headers, sni,
  // address): passed as is, with no per-request copy.
  const target = isGrpc(info) ? grpcTarget(info.path) : undefined;
  if (target) {
    const base = {
      scheme: info.scheme,
      host: info.host,
      port: info.port,
      headers: info.headers,
      address: info.address,
      ...(info.sni ? { sni: info.sni } : {}),
    };
    const g = routeGrpc(table, { ...base, ...target }, NO_EXPLAIN);
    if (g.outcome === 'forward' || g.grpcStatus !== 12) return g;
    const h = routeHttp(table, info, NO_EXPLAIN);
    return h.outcome === 'direct-response' && h.status === 404 ? g : h;
  }
  return routeHttp(table, info, NO_EXPLAIN);
}

/**
 * A planner reading the current state through `state()` at the start of each request. Plans that
 * depend only on the request line and where it arrived are remembered for that state (see
 * plan-cache.ts); a new state, from any change to routes, Gateways, Services or endpoints,
 * starts a new cache.
 */
export function createRuntimePlanner(state: () => RoutingState): Planner {
  let cachedFor: RoutingState | undefined;
  let cache: PlanCache | undefined;
  return (info): Plan => {
    const s = state();
    if (s !== cachedFor) {
      cachedFor = s;
      cache = new PlanCache(s.table);
    }
    const key = cache?.keyFor(info);
    const known = key === undefined ? undefined : cache?.get(key);
    if (known) return known;
    draws = 0;
    const d = decide(s.table, info);
    const plan = planFromDecision(d, s.resolve);
    // GRPCRoute backends speak gRPC, which needs HTTP/2 whatever the Service port declares.
    if (plan.kind === 'forward' && d.routeKind === 'GRPCRoute' && plan.target.protocol === 'http/1.1') {
      plan.target = { ...plan.target, protocol: 'h2c' };
    }
    if (key !== undefined && certain(d)) cache?.set(key, plan);
    return plan;
  };
}
