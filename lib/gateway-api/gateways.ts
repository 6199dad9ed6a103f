/**
 * Evaluation of every Gateway this controller handles: class lookup,
 * address binding, listener validation, ports the bound ingress gateway
 * exposes, and conflicts across Gateways sharing one address.
 * @see https://gateway-api.sigs.k8s.io/reference/spec/#gateway
 */
import { bindAddress, type AddressBinding } from './addresses';
import { markAddressConflicts } from './address-conflicts';
import { ListenerReason } from './conditions';
import { evaluateListeners, type ListenerState } from './listeners';
import { compareAge, type SnapshotIndex } from './snapshot-index';
import type { Gateway } from './types';
import { objectKey } from './types';

/** Options shared by every part of the status computation. */
export interface StatusOptions {
  /** GatewayClass `spec.controllerName` values this controller handles. */
  controllerNames: string[];
  /** RFC 3339 time written into `lastTransitionTime` of changed conditions. */
  now: string;
  /** Addresses assigned to Gateways without `spec.addresses`, by Gateway key. */
  provisionedAddresses?: Record<string, string>;
}

/** Evaluation of one handled Gateway. */
export interface GatewayState {
  key: string;
  gateway: Gateway;
  controllerName: string;
  binding: AddressBinding;
  listeners: ListenerState[];
  listenerByName: ReadonlyMap<string, ListenerState>;
}

/** The controllerName handling a Gateway, or undefined when it is not ours. */
export function handlingController(
  gw: Gateway,
  index: SnapshotIndex,
  opts: Pick<StatusOptions, 'controllerNames'>,
): string | undefined {
  const cls = index.classes.get(gw.spec.gatewayClassName);
  const name = cls?.spec.controllerName;
  return name !== undefined && opts.controllerNames.includes(name) ? name : undefined;
}

/** Evaluates one Gateway in isolation (no cross-Gateway conflicts yet). */
export function evaluateGateway(gw: Gateway, controllerName: string, index: SnapshotIndex, opts: StatusOptions): GatewayState {
  const key = objectKey(gw);
  const binding = bindAddress(gw, index, opts.provisionedAddresses?.[key]);
  const listeners = evaluateListeners(gw, index);
  for (const l of listeners) checkPortExposed(l, binding);
  return { key, gateway: gw, controllerName, binding, listeners, listenerByName: new Map(listeners.map((l) => [l.name, l])) };
}

/**
 * ASM requires a listener's port to be opened on the ingress gateway first:
 * a port the bound Service does not expose cannot carry traffic yet.
 */
function checkPortExposed(l: ListenerState, binding: AddressBinding): void {
  if (!binding.exposedPorts || binding.exposedPorts.has(l.port)) return;
  l.notProgrammed = {
    reason: ListenerReason.Pending,
    message: `port ${l.port} is not exposed by ingress gateway Service ${binding.service ?? ''} (ports: ${binding.portsText ?? 'none'}): open port ${l.port} on the ingress gateway first`,
  };
}

/** Evaluates every handled Gateway, then the conflicts between Gateways sharing an address. */
export function evaluateGateways(
  gateways: readonly Gateway[],
  index: SnapshotIndex,
  opts: StatusOptions,
): Map<string, GatewayState> {
  const out = new Map<string, GatewayState>();
  const sorted = [...gateways].sort(compareAge);
  for (const gw of sorted) {
    const controller = handlingController(gw, index, opts);
    if (controller) out.set(objectKey(gw), evaluateGateway(gw, controller, index, opts));
  }
  markAddressConflicts([...out.values()]);
  return out;
}
