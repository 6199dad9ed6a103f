/**
 * GatewayClass and Gateway status from their evaluation.
 * @see https://gateway-api.sigs.k8s.io/reference/spec/#gatewaystatus
 * @see https://gateway-api.sigs.k8s.io/reference/spec/#listenerstatus
 * @see https://gateway-api.sigs.k8s.io/reference/spec/#gatewayclassstatus
 */
import { cond, finalizeConditions, GatewayClassReason, GatewayReason, ListenerReason, type ConditionDraft } from './conditions';
import type { GatewayState } from './gateways';
import { listenerUsable, type ListenerState } from './listeners';
import type { GatewayClass, GatewayClassStatus, GatewayStatus, ListenerStatus } from './types';

/** GatewayClass status: Accepted=True for every class whose controller we are. */
export function gatewayClassStatus(cls: GatewayClass, now: string, previous: GatewayClassStatus | undefined): GatewayClassStatus {
  const draft = cls.spec.parametersRef
    ? cond(
        'Accepted',
        false,
        GatewayClassReason.InvalidParameters,
        `parametersRef ${cls.spec.parametersRef.kind}/${cls.spec.parametersRef.name} is not supported by this controller`,
      )
    : cond('Accepted', true, GatewayClassReason.Accepted, 'Handled by this controller');
  return { conditions: finalizeConditions([draft], cls.metadata.generation, now, previous?.conditions) };
}

/** Whether a listener is programmed, and why not. */
export function listenerProgrammed(l: ListenerState, gw: GatewayState): ConditionDraft {
  const p = l.notAccepted ?? l.conflict;
  if (p) return cond('Programmed', false, ListenerReason.Invalid, p.message);
  if (l.refs && l.refs.reason !== ListenerReason.InvalidRouteKinds)
    return cond('Programmed', false, ListenerReason.Invalid, l.refs.message);
  if (l.supportedKinds.length === 0) return cond('Programmed', false, ListenerReason.Invalid, 'no supported route kinds');
  const addr = gw.binding.unsupported ?? gw.binding.problem;
  if (addr) return cond('Programmed', false, ListenerReason.Pending, `Gateway address not ready: ${addr.message}`);
  if (l.notProgrammed) return cond('Programmed', false, l.notProgrammed.reason, l.notProgrammed.message);
  return cond('Programmed', true, ListenerReason.Programmed, 'Listener is programmed');
}

function listenerStatus(
  l: ListenerState,
  gw: GatewayState,
  attached: number,
  now: string,
  previous: ListenerStatus | undefined,
): ListenerStatus {
  const drafts: ConditionDraft[] = [
    l.notAccepted
      ? cond('Accepted', false, l.notAccepted.reason, l.notAccepted.message)
      : l.conflict
        ? cond('Accepted', false, l.conflict.reason, l.conflict.message)
        : cond('Accepted', true, ListenerReason.Accepted, 'Listener is accepted'),
    l.conflict
      ? { type: 'Conflicted', status: 'True', reason: l.conflict.reason, message: l.conflict.message }
      : cond('Conflicted', false, ListenerReason.NoConflicts, 'No conflicts'),
    // Alphabetical by type, the order finalizeConditions emits, so it need not sort.
    listenerProgrammed(l, gw),
    l.refs
      ? cond('ResolvedRefs', false, l.refs.reason, l.refs.message)
      : cond('ResolvedRefs', true, ListenerReason.ResolvedRefs, 'All references resolved'),
  ];
  return {
    name: l.name,
    supportedKinds: l.supportedKinds.map((k) => ({ ...k })),
    attachedRoutes: attached,
    conditions: finalizeConditions(drafts, gw.gateway.metadata.generation, now, previous?.conditions),
  };
}

/**
 * Gateway status. Accepted: False/UnsupportedAddress for an address type we
 * cannot bind, ListenersNotValid (True when some listeners remain, False when
 * none) when listeners are invalid. Programmed: False with the address
 * problem (AddressNotAssigned / AddressNotUsable), False/Invalid when no
 * listener is programmed, True otherwise.
 */
export function gatewayStatus(
  gw: GatewayState,
  attached: ReadonlyMap<string, number>,
  now: string,
  previous: GatewayStatus | undefined,
): GatewayStatus {
  const listeners = gw.listeners.map((l) =>
    listenerStatus(
      l,
      gw,
      attached.get(l.name) ?? 0,
      now,
      previous?.listeners?.find((p) => p.name === l.name),
    ),
  );
  const invalid = gw.listeners.filter((l) => !listenerUsable(l));
  let accepted: ConditionDraft;
  if (gw.binding.unsupported)
    accepted = cond('Accepted', false, GatewayReason.UnsupportedAddress, gw.binding.unsupported.message);
  else if (invalid.length > 0) {
    const msg = `invalid listeners: ${invalid.map((l) => `"${l.name}" (${(l.conflict ?? l.notAccepted)?.reason ?? ''})`).join(', ')}`;
    accepted = cond('Accepted', invalid.length < gw.listeners.length, GatewayReason.ListenersNotValid, msg);
  } else if (gw.listeners.length === 0)
    accepted = cond('Accepted', false, GatewayReason.ListenersNotValid, 'Gateway has no listeners');
  else accepted = cond('Accepted', true, GatewayReason.Accepted, 'Gateway is accepted');
  let programmed: ConditionDraft;
  const addr = gw.binding.unsupported ?? gw.binding.problem;
  if (addr) programmed = cond('Programmed', false, gw.binding.problem?.reason ?? GatewayReason.Invalid, addr.message);
  else {
    const ok = listeners.filter((l) => l.conditions.some((c) => c.type === 'Programmed' && c.status === 'True'));
    programmed =
      ok.length > 0
        ? cond('Programmed', true, GatewayReason.Programmed, programmedMessage(gw, ok.length))
        : cond('Programmed', false, GatewayReason.Invalid, 'no listener is programmed');
  }
  return {
    addresses: gw.binding.statusAddresses.map((a) => ({ ...a })),
    conditions: finalizeConditions([accepted, programmed], gw.gateway.metadata.generation, now, previous?.conditions),
    listeners,
  };
}

function programmedMessage(gw: GatewayState, ok: number): string {
  const on = gw.binding.service ? ` on ingress gateway ${gw.binding.service}` : '';
  return ok === gw.listeners.length ? `Gateway is programmed${on}` : `${ok} of ${gw.listeners.length} listeners programmed${on}`;
}
