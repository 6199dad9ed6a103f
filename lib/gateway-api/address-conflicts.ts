/**
 * Conflicts between listeners of different Gateways bound to one address.
 *
 * ASM lets several Gateways bind the same pre-deployed ingress gateway; their
 * listeners then share its ports. The spec's distinctness rules apply to such
 * merged sets too ("implementations MAY merge configuration from multiple
 * Gateways onto a single data plane, and these rules also apply"). Unlike
 * conflicts inside one Gateway, here the older Gateway keeps its listener
 * (creationTimestamp, then namespace/name: the spec's usual tie-break) and
 * only the newer one is reported, naming the Gateway it lost to.
 * @see https://gateway-api.sigs.k8s.io/reference/spec/#gatewayspec (listeners)
 */
import { listenerClash, listenerUsable, type ListenerState } from './listeners';
import type { GatewayState } from './gateways';
import { compareAge } from './snapshot-index';

interface Owner {
  gw: GatewayState;
  l: ListenerState;
}

/** Marks losing listeners Conflicted; `states` may be in any order. */
export function markAddressConflicts(states: readonly GatewayState[]): void {
  const groups = new Map<string, GatewayState[]>();
  for (const s of states) {
    if (!s.binding.shareKey) continue;
    const list = groups.get(s.binding.shareKey) ?? [];
    list.push(s);
    groups.set(s.binding.shareKey, list);
  }
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    group.sort((a, b) => compareAge(a.gateway, b.gateway));
    resolveGroup(group);
  }
}

function resolveGroup(group: readonly GatewayState[]): void {
  // Per port: the first owner of each protocol family, and of each hostname within a family.
  const families = new Map<number, Map<string, Owner>>();
  const hosts = new Map<string, Owner>();
  for (const gw of group) {
    for (const l of gw.listeners) {
      if (!listenerUsable(l)) continue;
      const loser = findWinner(gw, l, families, hosts);
      if (loser) {
        const clash = listenerClash(l, loser.l) ?? 'HostnameConflict';
        const what =
          clash === 'ProtocolConflict'
            ? `protocol ${loser.l.protocol}`
            : `the same hostname ${l.hostname ? `"${l.hostname}"` : '(any)'}`;
        l.conflict = {
          reason: clash,
          message: `port ${l.port} on ${gw.binding.service ? `ingress gateway ${gw.binding.service}` : 'this address'} is already used with ${what} by listener "${loser.l.name}" of Gateway ${loser.gw.key}, which is older and keeps it`,
        };
        continue;
      }
      const fams = families.get(l.port) ?? new Map<string, Owner>();
      families.set(l.port, fams);
      const fam = familyOf(l);
      if (!fams.has(fam)) fams.set(fam, { gw, l });
      hosts.set(hostKey(l), { gw, l });
    }
  }
}

/** The earlier listener (of another Gateway) this one clashes with, if any. */
function findWinner(
  gw: GatewayState,
  l: ListenerState,
  families: Map<number, Map<string, Owner>>,
  hosts: Map<string, Owner>,
): Owner | undefined {
  const fams = families.get(l.port);
  if (!fams) return undefined;
  for (const [fam, owner] of [...fams.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    if (owner.gw !== gw && fam !== familyOf(l) && listenerClash(l, owner.l) === 'ProtocolConflict') return owner;
  }
  const same = hosts.get(hostKey(l));
  if (same && same.gw !== gw && listenerClash(l, same.l)) return same;
  return undefined;
}

function familyOf(l: ListenerState): string {
  return l.protocol === 'HTTPS' || l.protocol === 'TLS' ? 'tls' : l.protocol.toLowerCase();
}

/** TCP/UDP listeners have no hostname, so any two on a port collide. */
function hostKey(l: ListenerState): string {
  const fam = familyOf(l);
  const host = fam === 'tcp' || fam === 'udp' ? '' : (l.hostname ?? '');
  return `${l.port}|${fam}|${host}`;
}
