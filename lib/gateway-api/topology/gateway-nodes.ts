/**
 * Entry points, Gateways and listeners of the topology.
 * Entry points are the Gateway's status addresses × listener ports: what a
 * client dials. Gateways sharing an ASM ingress gateway share entry points.
 */
import { findCondition } from '../conditions';
import type { Condition, Gateway, GatewayStatus, ListenerStatus } from '../types';
import { objectKey } from '../types';
import type { GraphSink } from './graph-builder';
import type { Health } from './model';

/** Node id helpers, shared by every topology module. */
export const ids = {
  entry: (address: string, port: number) => `entry:${address}:${port}`,
  gateway: (key: string) => `gateway:${key}`,
  listener: (gwKey: string, name: string) => `listener:${gwKey}#${name}`,
  route: (kind: string, key: string) => `route:${kind}:${key}`,
  rule: (kind: string, key: string, i: number) => `rule:${kind}:${key}#${i}`,
  service: (key: string) => `service:${key}`,
  missing: (kind: string, key: string) => `missing:${kind}:${key}`,
};

/** Health from a set of conditions that should all be True (Conflicted should be False). */
export function conditionHealth(
  conds: readonly Condition[] | undefined,
  errorTypes: readonly string[],
  warningTypes: readonly string[] = [],
): { health: Health; reason?: string } {
  for (const t of errorTypes) {
    const c = findCondition(conds, t);
    const bad = t === 'Conflicted' ? c?.status === 'True' : c?.status !== 'True';
    if (bad) return { health: 'error', reason: c ? `${t}: ${c.reason}: ${c.message}` : `${t} unknown` };
  }
  for (const t of warningTypes) {
    const c = findCondition(conds, t);
    if (c && c.status !== 'True') return { health: 'warning', reason: `${t}: ${c.reason}: ${c.message}` };
  }
  return { health: 'ok' };
}

/** Adds a Gateway, its listeners and their entry points. */
export function addGateway(g: GraphSink, gw: Gateway, status: GatewayStatus): void {
  const key = objectKey(gw);
  const gh = conditionHealth(status.conditions, ['Programmed'], ['Accepted']);
  g.node({
    id: ids.gateway(key),
    kind: 'gateway',
    label: key,
    objectKey: key,
    ...gh,
    detail: { class: gw.spec.gatewayClassName, addresses: (status.addresses ?? []).map((a) => a.value).join(', ') },
  });
  for (const l of gw.spec.listeners ?? []) {
    const ls: ListenerStatus | undefined = status.listeners?.find((x) => x.name === l.name);
    const lh = conditionHealth(ls?.conditions, ['Accepted', 'Conflicted', 'Programmed'], ['ResolvedRefs']);
    const lid = ids.listener(key, l.name);
    g.node({
      id: lid,
      kind: 'listener',
      label: `${l.name} ${l.protocol}/${l.port}${l.hostname ? ` ${l.hostname}` : ''}`,
      objectKey: key,
      ...lh,
      detail: { protocol: l.protocol, port: l.port, hostname: l.hostname ?? '*', attachedRoutes: ls?.attachedRoutes ?? 0 },
    });
    g.edge({ source: ids.gateway(key), target: lid, kind: 'contains', health: 'ok' });
    for (const a of status.addresses ?? []) {
      const scheme =
        l.protocol === 'HTTPS' || l.protocol === 'TLS' ? 'https' : l.protocol === 'HTTP' ? 'http' : l.protocol.toLowerCase();
      const eid = ids.entry(a.value, l.port);
      g.node({
        id: eid,
        kind: 'entry',
        label: `${scheme}://${a.value}:${l.port}`,
        health: 'ok',
        detail: { address: a.value, port: l.port, scheme },
      });
      g.edge({ source: eid, target: lid, kind: 'entry', health: lh.health, ...(lh.reason ? { reason: lh.reason } : {}) });
    }
  }
}
