/**
 * Per-listener validation inside one Gateway: protocol, hostname, route
 * kinds, TLS certificate references and conflicts between the Gateway's own
 * listeners.
 * @see https://gateway-api.sigs.k8s.io/reference/spec/#listener
 * @see https://gateway-api.sigs.k8s.io/reference/spec/#listenerconditionreason
 */
import { ListenerReason } from './conditions';
import { listenerHostnameProblem } from './hostnames';
import { labelSelectorProblem } from './label-selector';
import { checkCertificateRefs } from './certificates';
import type { SnapshotIndex } from './snapshot-index';
import type { Gateway, Listener, RouteGroupKind } from './types';
import { GATEWAY_GROUP } from './types';

/** A reason and message pair for a condition that is not in its happy state. */
export interface Problem {
  reason: string;
  message: string;
}

/** Evaluation of one listener; conditions are derived from it in gateway-status. */
export interface ListenerState {
  listener: Listener;
  name: string;
  port: number;
  protocol: string;
  hostname?: string;
  supportedKinds: RouteGroupKind[];
  /** Accepted=False cause (unsupported protocol, invalid hostname or selector). */
  notAccepted?: Problem;
  /** Conflicted=True cause, within the Gateway or with another Gateway on the same address. */
  conflict?: Problem;
  /** ResolvedRefs=False cause. */
  refs?: Problem;
  /** Programmed=False cause beyond the ones above (address, port not exposed). */
  notProgrammed?: Problem;
}

/** Route kinds each protocol serves (spec: Listener.allowedRoutes.kinds defaults). */
const KINDS_BY_PROTOCOL: Readonly<Record<string, readonly string[]>> = {
  HTTP: ['HTTPRoute', 'GRPCRoute'],
  HTTPS: ['HTTPRoute', 'GRPCRoute'],
  TLS: ['TLSRoute'],
  TCP: ['TCPRoute'],
};

/** True when routes can attach: accepted and not conflicted. */
export function listenerUsable(l: ListenerState): boolean {
  return !l.notAccepted && !l.conflict;
}

/** Evaluates every listener of a Gateway, including intra-Gateway conflicts. */
export function evaluateListeners(gw: Gateway, index: SnapshotIndex): ListenerState[] {
  const states = (gw.spec.listeners ?? []).map((l) => evaluateListener(gw, l, index));
  markInternalConflicts(states);
  return states;
}

function evaluateListener(gw: Gateway, l: Listener, index: SnapshotIndex): ListenerState {
  const state: ListenerState = { listener: l, name: l.name, port: l.port, protocol: l.protocol, supportedKinds: [] };
  if (l.hostname) state.hostname = l.hostname;
  const byProtocol = KINDS_BY_PROTOCOL[l.protocol];
  // Spec: supportedKinds lists the kinds this listener can serve; a kind whose CRD the cluster
  // does not serve (GRPCRoute on v0.6) cannot be, so it is neither listed nor allowed.
  const served = byProtocol?.filter((k) => index.serves(k));
  if (!served) {
    state.notAccepted = { reason: ListenerReason.UnsupportedProtocol, message: `protocol "${l.protocol}" is not supported` };
    return state;
  }
  const hostProblem = listenerHostnameProblem(l.hostname);
  if (hostProblem) state.notAccepted = { reason: ListenerReason.UnsupportedValue, message: hostProblem };
  const selector = l.allowedRoutes?.namespaces?.from === 'Selector' ? l.allowedRoutes.namespaces.selector : undefined;
  const selProblem = selector ? labelSelectorProblem(selector) : undefined;
  if (selProblem && !state.notAccepted) {
    state.notAccepted = {
      reason: ListenerReason.UnsupportedValue,
      message: `allowedRoutes.namespaces.selector is invalid: ${selProblem}`,
    };
  }
  if (l.protocol === 'HTTPS' && l.tls?.mode === 'Passthrough' && !state.notAccepted) {
    state.notAccepted = { reason: ListenerReason.UnsupportedValue, message: 'tls.mode must be Terminate for protocol HTTPS' };
  }
  resolveKinds(state, l, served);
  if (l.protocol === 'HTTPS' || (l.protocol === 'TLS' && l.tls?.mode === 'Terminate')) {
    const certProblem = checkCertificateRefs(gw, l, index);
    if (certProblem && !state.refs) state.refs = certProblem;
  }
  return state;
}

/**
 * `allowedRoutes.kinds`: kinds the protocol cannot serve are dropped from
 * supportedKinds and reported as ResolvedRefs=False InvalidRouteKinds.
 */
function resolveKinds(state: ListenerState, l: Listener, served: readonly string[]): void {
  const requested = l.allowedRoutes?.kinds;
  if (!requested || requested.length === 0) {
    state.supportedKinds = served.map((kind) => ({ group: GATEWAY_GROUP, kind }));
    return;
  }
  const invalid: string[] = [];
  for (const k of requested) {
    const group = k.group ?? GATEWAY_GROUP;
    if (group === GATEWAY_GROUP && served.includes(k.kind)) {
      if (!state.supportedKinds.some((s) => s.kind === k.kind)) state.supportedKinds.push({ group, kind: k.kind });
    } else {
      invalid.push(group ? `${group}/${k.kind}` : k.kind);
    }
  }
  if (invalid.length > 0) {
    state.refs = {
      reason: ListenerReason.InvalidRouteKinds,
      message: `route kinds not supported on protocol ${l.protocol}: ${invalid.join(', ')}`,
    };
  }
}

/** Protocols sharing a port need to be told apart by the same means (Host/SNI). */
export function protocolFamily(protocol: string): string {
  return protocol === 'HTTPS' || protocol === 'TLS' ? 'tls' : protocol.toLowerCase();
}

/** Why two listeners on the same port are indistinct, or undefined when distinct. */
export function listenerClash(a: ListenerState, b: ListenerState): 'ProtocolConflict' | 'HostnameConflict' | undefined {
  if (a.port !== b.port) return undefined;
  const fa = protocolFamily(a.protocol);
  const fb = protocolFamily(b.protocol);
  // UDP and TCP-based listeners are different transports and may share a port number.
  if ((fa === 'udp') !== (fb === 'udp')) return undefined;
  if (fa !== fb) return 'ProtocolConflict';
  if (fa === 'tcp' || fa === 'udp') return 'HostnameConflict';
  return (a.hostname ?? '') === (b.hostname ?? '') ? 'HostnameConflict' : undefined;
}

/**
 * Spec "Handling indistinct Listeners": within one Gateway no listener wins;
 * every indistinct listener is Conflicted and not accepted.
 */
function markInternalConflicts(states: ListenerState[]): void {
  const byPort = new Map<number, ListenerState[]>();
  for (const s of states) {
    if (s.notAccepted?.reason === ListenerReason.UnsupportedProtocol) continue;
    const list = byPort.get(s.port) ?? [];
    list.push(s);
    byPort.set(s.port, list);
  }
  for (const group of byPort.values()) {
    for (const a of group) {
      for (const b of group) {
        if (a === b) continue;
        const clash = listenerClash(a, b);
        if (!clash || (a.conflict && a.conflict.reason === ListenerReason.ProtocolConflict)) continue;
        const what =
          clash === 'ProtocolConflict' ? `protocol ${b.protocol}` : `hostname ${b.hostname ? `"${b.hostname}"` : '(any)'}`;
        a.conflict = {
          reason: clash,
          message: `port ${a.port} is also used by listener "${b.name}" with ${what} on this Gateway`,
        };
      }
    }
  }
}
