/**
 * Which addresses reach a Gateway, and whether a listener serves traffic,
 * read from the Gateway spec and the status engine's output.
 */
import type { Condition, Gateway, GatewayStatus, Service } from '../types';

const SVC_HOST = /^([a-z0-9-]+)\.([a-z0-9-]+)\.svc(?:\.cluster\.local)?$/;

/**
 * Every name a request may use to reach the Gateway: its `namespace/name`, its
 * spec and status addresses, and, for an address of type Hostname naming an
 * in-cluster Service (ASM binding to a pre-deployed ingress gateway), that
 * Service's clusterIP and load-balancer ingress.
 */
export function gatewayAddresses(
  gw: Gateway,
  key: string,
  status: GatewayStatus | undefined,
  serviceByKey: (key: string) => Service | undefined,
): string[] {
  const out = new Set<string>([key]);
  const values = [...(gw.spec.addresses ?? []), ...(status?.addresses ?? [])];
  for (const a of values) {
    out.add(a.value.toLowerCase());
    const m = SVC_HOST.exec(a.value.toLowerCase());
    if (!m) continue;
    const svc = serviceByKey(`${m[2]}/${m[1]}`);
    if (svc?.spec.clusterIP && svc.spec.clusterIP !== 'None') out.add(svc.spec.clusterIP);
    for (const ing of svc?.status?.loadBalancer?.ingress ?? []) {
      if (ing.ip) out.add(ing.ip);
      if (ing.hostname) out.add(ing.hostname.toLowerCase());
    }
  }
  return [...out];
}

function isFalse(conds: Condition[] | undefined, type: string): Condition | undefined {
  return conds?.find((c) => c.type === type && c.status === 'False');
}

/**
 * Why a listener does not serve, or undefined when it does. Spec (GatewayConditionType,
 * ListenerConditionType): a Gateway or listener not Accepted/Programmed, or a
 * Conflicted listener, receives no traffic.
 */
export function inactiveReason(status: GatewayStatus | undefined, listener: string): string | undefined {
  if (!status) return undefined;
  for (const t of ['Accepted', 'Programmed']) {
    const c = isFalse(status.conditions, t);
    if (c) return `Gateway ${t}=False (${c.reason}): ${c.message}`;
  }
  const ls = status.listeners?.find((l) => l.name === listener);
  if (!ls) return undefined;
  const conflicted = ls.conditions.find((c) => c.type === 'Conflicted' && c.status === 'True');
  if (conflicted) return `listener Conflicted (${conflicted.reason}): ${conflicted.message}`;
  for (const t of ['Accepted', 'Programmed']) {
    const c = isFalse(ls.conditions, t);
    if (c) return `listener ${t}=False (${c.reason}): ${c.message}`;
  }
  return undefined;
}
