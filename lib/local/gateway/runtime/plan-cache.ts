/**
 * Memoised plans: on a table whose decisions cannot depend on request headers, a request's plan
 * is a function of where it arrived and what it asks for (scheme, address, port, SNI, Host,
 * method, path with query), as long as the engine drew no random number for it (weighted
 * backends, mirror percentages). Those plans are kept per routing state, so a table or endpoint
 * change (a new state object) starts from an empty cache and takes effect at once.
 */
import type { CompiledListener, HostIndex, HttpCandidate, RouteTable } from '@/lib/gateway-api/routing/table';
import type { Plan, RequestInfo } from '../plan';

/** Entries kept before the cache starts over (bounds memory under a scan of random paths). */
export const PLAN_CACHE_LIMIT = 4096;

function candidatesOf(index: HostIndex<HttpCandidate>): HttpCandidate[][] {
  return [...index.exact.values(), ...index.wildcards.map((w) => w.candidates), index.any];
}

function readsHeaders(c: HttpCandidate): boolean {
  // HTTPHeaderMatch reads headers; so does the CORS filter (Origin, Access-Control-Request-*).
  if (c.match.headers.length > 0) return true;
  if (c.rule.filters.some((f) => f.filter.type === 'CORS')) return true;
  return c.rule.backends.some((b) => b.filters.some((f) => f.filter.type === 'CORS'));
}

/**
 * Whether no HTTP decision on `table` reads a request header: no HTTPHeaderMatch and no CORS
 * filter on any listener's HTTPRoutes. (GRPCRoute traffic is HTTP/2 and never cached.)
 */
export function headerBlind(table: RouteTable): boolean {
  const seen = new Set<CompiledListener>();
  for (const listeners of table.byAddressPort.values()) {
    for (const l of listeners) {
      if (seen.has(l)) continue;
      seen.add(l);
      for (const bucket of candidatesOf(l.http)) if (bucket.some(readsHeaders)) return false;
    }
  }
  for (const listeners of table.byPort.values()) {
    for (const l of listeners) {
      if (seen.has(l)) continue;
      seen.add(l);
      for (const bucket of candidatesOf(l.http)) if (bucket.some(readsHeaders)) return false;
    }
  }
  return true;
}

/** Everything a header-blind HTTP/1.x decision depends on. */
function keyOf(info: RequestInfo): string {
  return `${info.scheme} ${info.address} ${info.port} ${info.sni ?? ''} ${info.host} ${info.method} ${info.path}`;
}

/** Plans remembered for one routing state. */
export class PlanCache {
  private readonly plans: Map<string, Plan> | undefined;

  /** @param table the state's route table: nothing is cached when its decisions read headers. */
  constructor(table: RouteTable) {
    this.plans = headerBlind(table) ? new Map() : undefined;
  }

  /**
   * The cache key of a request, or undefined when its plan must be decided afresh (a table that
   * reads headers, or HTTP/2, where gRPC routing looks at `content-type`).
   */
  keyFor(info: RequestInfo): string | undefined {
    return this.plans && info.httpVersion !== '2.0' ? keyOf(info) : undefined;
  }

  /** The plan remembered for `key`. */
  get(key: string): Plan | undefined {
    return this.plans?.get(key);
  }

  /** Remembers a plan decided without randomness. */
  set(key: string, plan: Plan): void {
    if (!this.plans) return;
    if (this.plans.size >= PLAN_CACHE_LIMIT) this.plans.clear();
    this.plans.set(key, plan);
  }
}
