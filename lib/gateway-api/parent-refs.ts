/**
 * Attachment of a route to its parents (parentRefs).
 * @see https://gateway-api.sigs.k8s.io/reference/spec/#parentreference
 * @see https://gateway-api.sigs.k8s.io/reference/spec/#routeconditionreason
 * @see https://gateway-api.sigs.k8s.io/concepts/api-overview/#attaching-routes-to-gateways
 */
import { allowedRoutesProblem } from './allowed-routes';
import { cond, RouteReason, type ConditionDraft } from './conditions';
import type { GatewayState } from './gateways';
import { intersectHostnames } from './hostnames';
import { listenerUsable, type ListenerState } from './listeners';
import type { SnapshotIndex } from './snapshot-index';
import type { AnyRoute, Attachment, ParentReference, RouteKind } from './types';
import { GATEWAY_GROUP, keyOf, objectKey } from './types';

const ACCEPTED = cond('Accepted', true, RouteReason.Accepted, 'Route is accepted');

/** Result of one parentRef. `controllerName` undefined = not ours to report. */
export interface ParentResult {
  parentRef: ParentReference;
  controllerName?: string;
  accepted: ConditionDraft;
  attachments: Attachment[];
}

/**
 * Evaluates one parentRef. The checks follow the spec's order: the parent
 * must be a Gateway we handle (group/kind/namespace/name), `sectionName` and
 * `port` must select at least one listener (else NoMatchingParent), a
 * selected listener must allow the route's namespace and kind (else
 * NotAllowedByListeners) and share a hostname with it (else
 * NoMatchingListenerHostname). The reported reason is the one reached by the
 * listener that got furthest.
 */
export function evaluateParentRef(
  route: AnyRoute,
  kind: RouteKind,
  ref: ParentReference,
  gateways: ReadonlyMap<string, GatewayState>,
  index: SnapshotIndex,
  fallbackController: string | undefined,
  routeKey: string = objectKey(route),
): ParentResult {
  const routeNs = route.metadata.namespace ?? '';
  const group = ref.group ?? GATEWAY_GROUP;
  const refKind = ref.kind ?? 'Gateway';
  if (group !== GATEWAY_GROUP || refKind !== 'Gateway') {
    return {
      parentRef: ref,
      attachments: [],
      controllerName: fallbackController,
      accepted: cond(
        'Accepted',
        false,
        RouteReason.UnsupportedValue,
        `parentRef kind ${group}/${refKind} is not supported; use a Gateway`,
      ),
    };
  }
  const gwKey = keyOf(ref.namespace ?? routeNs, ref.name);
  const gw = gateways.get(gwKey);
  if (!gw) {
    // Not ours, unless nobody handles it: then say it is missing, so the user learns why.
    const owner = index.gateways.has(gwKey) ? undefined : fallbackController;
    return {
      parentRef: ref,
      attachments: [],
      controllerName: owner,
      accepted: cond('Accepted', false, RouteReason.NoMatchingParent, `Gateway ${gwKey} not found`),
    };
  }
  const result: ParentResult = { parentRef: ref, attachments: [], controllerName: gw.controllerName, accepted: ACCEPTED };
  // One pass over the listeners, no intermediate arrays: this runs for every parentRef of every
  // route, and on large clusters the garbage of filtered copies dominated the status computation.
  // The failure messages are rebuilt only when nothing attached.
  let selected = 0;
  let usable = 0;
  let notAllowed: string[] | undefined;
  let noHost: string[] | undefined;
  const gatewayNs = gw.gateway.metadata.namespace ?? '';
  for (const l of gw.listeners) {
    if (!selects(ref, l)) continue;
    selected++;
    if (!listenerUsable(l)) continue;
    usable++;
    const why = allowedRoutesProblem(l, gatewayNs, kind, routeNs, index);
    if (why) {
      (notAllowed ??= []).push(why);
      continue;
    }
    const hostnames = intersectHostnames(l.hostname, route.spec.hostnames);
    if (!hostnames) {
      (noHost ??= []).push(`listener "${l.name}" hostname ${l.hostname ?? '(any)'}`);
      continue;
    }
    result.attachments.push({
      gateway: gwKey,
      listener: l.name,
      port: l.port,
      protocol: l.protocol,
      routeKind: kind,
      route: routeKey,
      hostnames,
    });
  }
  if (result.attachments.length > 0) return result;
  if (selected === 0) {
    result.accepted = cond('Accepted', false, RouteReason.NoMatchingParent, noListenerMessage(gwKey, ref));
    return result;
  }
  if (usable === 0) {
    const why = gw.listeners.filter((l) => selects(ref, l)).map(listenerSummary);
    result.accepted = cond(
      'Accepted',
      false,
      RouteReason.NoMatchingParent,
      `no usable listener on Gateway ${gwKey}: ${why.join('; ')}`,
    );
    return result;
  }
  result.accepted = noHost
    ? cond(
        'Accepted',
        false,
        RouteReason.NoMatchingListenerHostname,
        `route hostnames ${JSON.stringify(route.spec.hostnames ?? [])} match no listener hostname: ${noHost.join('; ')}`,
      )
    : cond('Accepted', false, RouteReason.NotAllowedByListeners, (notAllowed ?? []).join('; '));
  return result;
}

/** Whether the parentRef's `sectionName` and `port` (when set) select the listener. */
function selects(ref: ParentReference, l: ListenerState): boolean {
  return (ref.sectionName === undefined || l.name === ref.sectionName) && (ref.port === undefined || l.port === ref.port);
}

function noListenerMessage(gwKey: string, ref: ParentReference): string {
  const parts = [
    ref.sectionName !== undefined ? `sectionName "${ref.sectionName}"` : '',
    ref.port !== undefined ? `port ${ref.port}` : '',
  ].filter(Boolean);
  return parts.length > 0 ? `Gateway ${gwKey} has no listener with ${parts.join(' and ')}` : `Gateway ${gwKey} has no listeners`;
}

function listenerSummary(l: ListenerState): string {
  const p = l.conflict ?? l.notAccepted;
  return `listener "${l.name}" ${p ? `${p.reason}: ${p.message}` : 'is not usable'}`;
}
