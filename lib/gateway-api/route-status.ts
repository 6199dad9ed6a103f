/**
 * Per-route evaluation and its `status.parents` entries.
 * @see https://gateway-api.sigs.k8s.io/reference/spec/#routeparentstatus
 */
import { resolvedRefsCondition, resolveRules } from './backends';
import { cond, finalizeConditions, RouteReason } from './conditions';
import type { GatewayState } from './gateways';
import { evaluateParentRef, type ParentResult } from './parent-refs';
import { routeValueProblem } from './route-validation';
import type { SnapshotIndex } from './snapshot-index';
import type { AnyRoute, Attachment, ResolvedRule, RouteKind, RouteParentStatus, RouteStatus } from './types';

/** Everything the engine knows about one route. */
export interface RouteEval {
  kind: RouteKind;
  key: string;
  route: AnyRoute;
  parents: ParentResult[];
  /** Backend resolution; computed only when some parent is ours. */
  rules: ResolvedRule[];
  attachments: Attachment[];
}

/**
 * Evaluates a route against the handled Gateways. Parents that belong to
 * another controller are kept out of the status (spec: each controller only
 * writes the `parents` entries it owns).
 */
export function evaluateRoute(
  route: AnyRoute,
  kind: RouteKind,
  key: string,
  gateways: ReadonlyMap<string, GatewayState>,
  index: SnapshotIndex,
  fallbackController: string | undefined,
): RouteEval {
  const parents: ParentResult[] = [];
  for (const ref of route.spec.parentRefs ?? []) {
    const p = evaluateParentRef(route, kind, ref, gateways, index, fallbackController, key);
    if (p.controllerName !== undefined) parents.push(p);
  }
  if (parents.length === 0) return { kind, key, route, parents, rules: [], attachments: [] };
  const invalid = routeValueProblem(route, kind);
  if (invalid) {
    for (const p of parents) {
      p.accepted = cond('Accepted', false, RouteReason.UnsupportedValue, invalid);
      p.attachments = [];
    }
  }
  const rules = resolveRules(route, kind, index);
  let attachments: Attachment[];
  if (parents.length === 1) {
    // One parent: its attachments are already one per listener (shared, not copied: neither
    // list is modified after this point except by the sort below, whose order both may keep).
    attachments = (parents[0] as ParentResult).attachments;
  } else {
    // Several parentRefs may select the same listener; a route counts once per listener.
    const seen = new Set<string>();
    attachments = [];
    for (const p of parents) {
      for (const a of p.attachments) {
        const id = `${a.gateway}|${a.listener}`;
        if (seen.has(id)) continue;
        seen.add(id);
        attachments.push(a);
      }
    }
  }
  if (attachments.length > 1) attachments.sort(compareAttachments);
  return { kind, key, route, parents, rules, attachments };
}

/** Builds `status` for a route from its evaluation, keeping transition times from `previous`. */
export function routeStatus(ev: RouteEval, now: string, previous: RouteStatus | undefined): RouteStatus {
  const refs = resolvedRefsCondition(ev.rules);
  const generation = ev.route.metadata.generation;
  const parents: RouteParentStatus[] = ev.parents.map((p) => {
    const prev = previous?.parents.find((q) => q.controllerName === p.controllerName && sameParentRef(q.parentRef, p.parentRef));
    return {
      parentRef: p.parentRef,
      controllerName: p.controllerName ?? '',
      conditions: finalizeConditions([p.accepted, refs], generation, now, prev?.conditions),
    };
  });
  return { parents };
}

/** ParentReference equality with spec defaults applied. */
export function sameParentRef(a: RouteParentStatus['parentRef'], b: RouteParentStatus['parentRef']): boolean {
  return (
    (a.group ?? 'gateway.networking.k8s.io') === (b.group ?? 'gateway.networking.k8s.io') &&
    (a.kind ?? 'Gateway') === (b.kind ?? 'Gateway') &&
    (a.namespace ?? '') === (b.namespace ?? '') &&
    a.name === b.name &&
    (a.sectionName ?? '') === (b.sectionName ?? '') &&
    (a.port ?? 0) === (b.port ?? 0)
  );
}

/** Attachment order: gateway, listener, route kind, route. */
export function compareAttachments(a: Attachment, b: Attachment): number {
  return cmp(a.gateway, b.gateway) || cmp(a.listener, b.listener) || cmp(a.routeKind, b.routeKind) || cmp(a.route, b.route);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
