/**
 * `Listener.allowedRoutes`: which namespaces and kinds may attach.
 * @see https://gateway-api.sigs.k8s.io/reference/spec/#allowedroutes
 * @see https://gateway-api.sigs.k8s.io/reference/spec/#routenamespaces
 */
import { matchesLabelSelector } from './label-selector';
import type { ListenerState } from './listeners';
import type { SnapshotIndex } from './snapshot-index';
import type { RouteKind } from './types';

/**
 * Why a listener does not allow a route, or undefined when it does.
 * `from` defaults to `Same`: only routes in the Gateway's namespace.
 */
export function allowedRoutesProblem(
  l: ListenerState,
  gatewayNamespace: string,
  routeKind: RouteKind,
  routeNamespace: string,
  index: SnapshotIndex,
): string | undefined {
  if (!l.supportedKinds.some((k) => k.kind === routeKind)) {
    return `listener "${l.name}" (${l.protocol}) does not allow ${routeKind} (allowed kinds: ${l.supportedKinds.map((k) => k.kind).join(', ') || 'none'})`;
  }
  const ns = l.listener.allowedRoutes?.namespaces;
  const from = ns?.from ?? 'Same';
  switch (from) {
    case 'All':
      return undefined;
    case 'Same':
      return routeNamespace === gatewayNamespace
        ? undefined
        : `listener "${l.name}" only allows routes from namespace ${gatewayNamespace} (allowedRoutes.namespaces.from: Same)`;
    case 'Selector': {
      const labels = index.namespaceLabels(routeNamespace);
      return ns?.selector && matchesLabelSelector(ns.selector, labels)
        ? undefined
        : `namespace ${routeNamespace} does not match the namespace selector of listener "${l.name}"`;
    }
    default:
      return `listener "${l.name}" allows routes from no namespace (allowedRoutes.namespaces.from: ${from})`;
  }
}
