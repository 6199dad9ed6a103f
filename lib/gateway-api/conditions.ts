/**
 * Condition types and reasons of the Gateway API spec, and the helpers that
 * build condition lists while keeping `lastTransitionTime` stable.
 * @see https://gateway-api.sigs.k8s.io/reference/spec/#gatewayconditiontype
 * @see https://gateway-api.sigs.k8s.io/reference/spec/#listenerconditiontype
 * @see https://gateway-api.sigs.k8s.io/reference/spec/#routeconditiontype
 */
import type { Condition } from './types';

/** `GatewayClassConditionReason` values the engine emits. */
export const GatewayClassReason = { Accepted: 'Accepted', InvalidParameters: 'InvalidParameters' } as const;

/** `GatewayConditionReason` (Accepted / Programmed). */
export const GatewayReason = {
  Accepted: 'Accepted',
  ListenersNotValid: 'ListenersNotValid',
  UnsupportedAddress: 'UnsupportedAddress',
  Programmed: 'Programmed',
  Invalid: 'Invalid',
  AddressNotAssigned: 'AddressNotAssigned',
  AddressNotUsable: 'AddressNotUsable',
  Pending: 'Pending',
} as const;

/** `ListenerConditionReason` (Accepted / Programmed / ResolvedRefs / Conflicted). */
export const ListenerReason = {
  Accepted: 'Accepted',
  PortUnavailable: 'PortUnavailable',
  UnsupportedProtocol: 'UnsupportedProtocol',
  UnsupportedValue: 'UnsupportedValue',
  Programmed: 'Programmed',
  Invalid: 'Invalid',
  Pending: 'Pending',
  ResolvedRefs: 'ResolvedRefs',
  InvalidCertificateRef: 'InvalidCertificateRef',
  InvalidRouteKinds: 'InvalidRouteKinds',
  RefNotPermitted: 'RefNotPermitted',
  NoConflicts: 'NoConflicts',
  HostnameConflict: 'HostnameConflict',
  ProtocolConflict: 'ProtocolConflict',
} as const;

/** `RouteConditionReason` (Accepted / ResolvedRefs). */
export const RouteReason = {
  Accepted: 'Accepted',
  NotAllowedByListeners: 'NotAllowedByListeners',
  NoMatchingListenerHostname: 'NoMatchingListenerHostname',
  NoMatchingParent: 'NoMatchingParent',
  UnsupportedValue: 'UnsupportedValue',
  ResolvedRefs: 'ResolvedRefs',
  RefNotPermitted: 'RefNotPermitted',
  InvalidKind: 'InvalidKind',
  BackendNotFound: 'BackendNotFound',
  UnsupportedProtocol: 'UnsupportedProtocol',
} as const;

/** A condition before `lastTransitionTime` is decided. */
export type ConditionDraft = Omit<Condition, 'lastTransitionTime' | 'observedGeneration'>;

/** Shorthand for a draft condition. */
export function cond(type: string, ok: boolean, reason: string, message: string): ConditionDraft {
  return { type, status: ok ? 'True' : 'False', reason, message };
}

/**
 * Finalises drafts: sets `observedGeneration` and keeps the previous
 * `lastTransitionTime` when the status of that type did not change, as
 * `metav1.Condition` requires ("the last time the condition transitioned").
 * Output is sorted by type so it does not depend on evaluation order.
 */
export function finalizeConditions(
  drafts: readonly ConditionDraft[],
  generation: number | undefined,
  now: string,
  previous: readonly Condition[] | undefined,
): Condition[] {
  const sorted = isSortedByType(drafts) ? drafts : [...drafts].sort((a, b) => (a.type < b.type ? -1 : a.type > b.type ? 1 : 0));
  return sorted.map((d) => {
    // Linear search: a status holds at most a handful of conditions.
    const prev = previous?.find((c) => c.type === d.type);
    const lastTransitionTime = prev && prev.status === d.status ? prev.lastTransitionTime : now;
    // Explicit fields, no spread: this runs for every condition of every object.
    const out: Condition = { type: d.type, status: d.status, reason: d.reason, message: d.message, lastTransitionTime };
    if (generation !== undefined) out.observedGeneration = generation;
    return out;
  });
}

function isSortedByType(drafts: readonly ConditionDraft[]): boolean {
  for (let i = 1; i < drafts.length; i++)
    if ((drafts[i - 1] as ConditionDraft).type > (drafts[i] as ConditionDraft).type) return false;
  return true;
}

/** Finds a condition by type. */
export function findCondition(conditions: readonly Condition[] | undefined, type: string): Condition | undefined {
  return conditions?.find((c) => c.type === type);
}
