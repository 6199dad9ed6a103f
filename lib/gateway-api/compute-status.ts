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

/** Evaluates gateways and routes without building statuses. */
export function evaluate(snapshot: Snapshot, opts: StatusOptions): Evaluation {
  const index = indexSnapshot(snapshot);
  const gateways = evaluateGateways(snapshot.gateways, index, opts);
  const routes = new Map<string, RouteEval>();
  const fallback = opts.controllerNames[0];
  const add = (kind: RouteKind, list: readonly AnyRoute[]): void => {
    for (const r of list) {
      const key = objectKey(r);
      routes.set(routeEvalKey(kind, key), evaluateRoute(r, kind, key, gateways, index, fallback));
    }
  };
  add('HTTPRoute', snapshot.httpRoutes);
  add('GRPCRoute', snapshot.grpcRoutes);
  return { index, gateways, routes };
}

/** Attached route counts per Gateway key, then listener name. */
export function countAttachments(routes: Iterable<RouteEval>): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  for (const r of routes) {
    for (const a of r.attachments) {
      const m = out.get(a.gateway) ?? new Map<string, number>();
      m.set(a.listener, (m.get(a.listener) ?? 0) + 1);
      out.set(a.gateway, m);
    }
  }
  return out;
}

/**
 * Computes every status this controller owns.
 * @see https://gateway-api.sigs.k8s.io/reference/spec/ (GatewayStatus, ListenerStatus, RouteParentStatus)
 */
export function computeStatus(snapshot: Snapshot, opts: ComputeStatusOptions): EngineStatus {
  return assembleStatus(evaluate(snapshot, opts), snapshot, opts);
}

/** Builds {@link EngineStatus} from an evaluation. */
export function assembleStatus(ev: Evaluation, snapshot: Snapshot, opts: ComputeStatusOptions): EngineStatus {
  const out: EngineStatus = { gatewayClasses: {}, gateways: {}, httpRoutes: {}, grpcRoutes: {}, attachments: [], backends: { HTTPRoute: {}, GRPCRoute: {} } };
  for (const cls of sortByKey(snapshot.gatewayClasses)) {
    if (!opts.controllerNames.includes(cls.spec.controllerName)) continue;
    const key = objectKey(cls);
    out.gatewayClasses[key] = gatewayClassStatus(cls, opts.now, opts.previous?.gatewayClasses[key] ?? cls.status);
  }
  const counts = countAttachments(ev.routes.values());
  for (const key of [...ev.gateways.keys()].sort()) {
    const gw = ev.gateways.get(key) as GatewayState;
    out.gateways[key] = gatewayStatus(gw, counts.get(key) ?? new Map(), opts.now, opts.previous?.gateways[key] ?? gw.gateway.status);
  }
  for (const id of [...ev.routes.keys()].sort()) {
    const r = ev.routes.get(id) as RouteEval;
    if (r.parents.length === 0) continue;
    const target = r.kind === 'HTTPRoute' ? out.httpRoutes : out.grpcRoutes;
    const prev = (r.kind === 'HTTPRoute' ? opts.previous?.httpRoutes : opts.previous?.grpcRoutes)?.[r.key] ?? r.route.status;
    target[r.key] = routeStatus(r, opts.now, prev);
    out.backends[r.kind][r.key] = r.rules;
    out.attachments.push(...r.attachments);
  }
  out.attachments.sort(compareAttachments);
  return out;
}

function sortByKey<T extends { metadata: { name: string; namespace?: string } }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => (objectKey(a) < objectKey(b) ? -1 : objectKey(a) > objectKey(b) ? 1 : 0));
}
