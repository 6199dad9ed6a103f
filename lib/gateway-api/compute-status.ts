/**
 * The full status computation: snapshot in, every status this controller
 * owns out, plus the attachments and resolved backends routing needs.
 * Pure and deterministic: objects are evaluated in a canonical order and
 * every list in the output is sorted, so input order never matters.
 */
import { evaluateGateways, type GatewayState, type StatusOptions } from './gateways';
import { gatewayClassStatus, gatewayStatus } from './gateway-status';
import { compareAttachments, evaluateRoute, routeStatus, type RouteEval } from './route-status';
import { indexSnapshot, type SnapshotIndex } from './snapshot-index';
import type { AnyRoute, EngineStatus, RouteKind, Snapshot } from './types';
import { objectKey } from './types';

/** Options of {@link computeStatus}. */
export interface ComputeStatusOptions extends StatusOptions {
  /** The last computed status; its `lastTransitionTime`s win over the objects' own status. */
  previous?: EngineStatus;
}

/** Intermediate results, reused by the incremental engine and topology. */
export interface Evaluation {
  index: SnapshotIndex;
  gateways: Map<string, GatewayState>;
  routes: Map<string, RouteEval>;
}

/** Key of a route in {@link Evaluation.routes}: kind, then `namespace/name`. */
export function routeEvalKey(kind: RouteKind, key: string): string {
  return `${kind}:${key}`;
}

const ROUTE_KINDS = [
  ['HTTPRoute', 'httpRoutes'],
  ['GRPCRoute', 'grpcRoutes'],
] as const;

/** Routes of one kind sorted by key, so evaluation order never depends on input order. */
function sortedRoutes(list: readonly AnyRoute[]): Array<readonly [string, AnyRoute]> {
  return list.map((r) => [objectKey(r), r] as const).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/**
 * Evaluates gateways and routes. `onRoute` sees every route evaluation as it
 * is made; `keep` decides whether it stays in the returned map (the
 * incremental engine keeps them, a one-shot computation does not, which
 * keeps garbage collection cheap on large clusters).
 */
export function evaluate(snapshot: Snapshot, opts: StatusOptions, onRoute?: (ev: RouteEval) => void, keep = true): Evaluation {
  const index = indexSnapshot(snapshot);
  const gateways = evaluateGateways(snapshot.gateways, index, opts);
  const routes = new Map<string, RouteEval>();
  const fallback = opts.controllerNames[0];
  for (const [kind, field] of ROUTE_KINDS) {
    for (const [key, r] of sortedRoutes(snapshot[field])) {
      const ev = evaluateRoute(r, kind, key, gateways, index, fallback);
      onRoute?.(ev);
      if (keep) routes.set(routeEvalKey(kind, key), ev);
    }
  }
  return { index, gateways, routes };
}

/** Attached route counts per Gateway key, then listener name. */
export function countAttachments(routes: Iterable<RouteEval>): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  for (const r of routes) addCounts(out, r);
  return out;
}

function addCounts(out: Map<string, Map<string, number>>, r: RouteEval): void {
  for (const a of r.attachments) {
    let m = out.get(a.gateway);
    if (!m) out.set(a.gateway, (m = new Map<string, number>()));
    m.set(a.listener, (m.get(a.listener) ?? 0) + 1);
  }
}

function emptyStatus(): EngineStatus {
  return {
    gatewayClasses: {},
    gateways: {},
    httpRoutes: {},
    grpcRoutes: {},
    attachments: [],
    backends: { HTTPRoute: {}, GRPCRoute: {} },
  };
}

/** Adds one route's status, backends and attachments to `out`. */
function addRouteStatus(out: EngineStatus, r: RouteEval, opts: ComputeStatusOptions): void {
  if (r.parents.length === 0) return;
  const field = r.kind === 'HTTPRoute' ? 'httpRoutes' : 'grpcRoutes';
  out[field][r.key] = routeStatus(r, opts.now, opts.previous?.[field][r.key] ?? r.route.status);
  out.backends[r.kind][r.key] = r.rules;
  for (const a of r.attachments) out.attachments.push(a);
}

/** Adds class and Gateway statuses (which need the attachment counts) and sorts attachments. */
function finish(
  out: EngineStatus,
  snapshot: Snapshot,
  gateways: Map<string, GatewayState>,
  counts: Map<string, Map<string, number>>,
  opts: ComputeStatusOptions,
): EngineStatus {
  for (const [key, cls] of sortedByKey(snapshot.gatewayClasses)) {
    if (!opts.controllerNames.includes(cls.spec.controllerName)) continue;
    out.gatewayClasses[key] = gatewayClassStatus(cls, opts.now, opts.previous?.gatewayClasses[key] ?? cls.status);
  }
  for (const key of [...gateways.keys()].sort()) {
    const gw = gateways.get(key) as GatewayState;
    out.gateways[key] = gatewayStatus(
      gw,
      counts.get(key) ?? new Map(),
      opts.now,
      opts.previous?.gateways[key] ?? gw.gateway.status,
    );
  }
  out.attachments.sort(compareAttachments);
  return out;
}

function sortedByKey<T extends { metadata: { name: string; namespace?: string } }>(
  items: readonly T[],
): Array<readonly [string, T]> {
  return items.map((r) => [objectKey(r), r] as const).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/**
 * Computes every status this controller owns.
 * @see https://gateway-api.sigs.k8s.io/reference/spec/ (GatewayStatus, ListenerStatus, RouteParentStatus)
 */
export function computeStatus(snapshot: Snapshot, opts: ComputeStatusOptions): EngineStatus {
  const out = emptyStatus();
  const counts = new Map<string, Map<string, number>>();
  const ev = evaluate(
    snapshot,
    opts,
    (r) => {
      addRouteStatus(out, r, opts);
      addCounts(counts, r);
    },
    false,
  );
  return finish(out, snapshot, ev.gateways, counts, opts);
}

/** Builds {@link EngineStatus} from a kept evaluation (see {@link evaluate}). */
export function assembleStatus(ev: Evaluation, snapshot: Snapshot, opts: ComputeStatusOptions): EngineStatus {
  const out = emptyStatus();
  for (const id of [...ev.routes.keys()].sort()) addRouteStatus(out, ev.routes.get(id) as RouteEval, opts);
  return finish(out, snapshot, ev.gateways, countAttachments(ev.routes.values()), opts);
}
