/**
 * Change impact: what a reviewer needs before applying a change: which
 * routes attach or detach, which hostnames start or stop being served on
 * which entry point, and which status conditions change.
 */
import { applyChange, type ProposedChange } from './apply-change';
import { computeStatus } from './compute-status';
import type { Attachment, Condition, EngineStatus, Snapshot } from './types';

/** A hostname served by a listener, gained or lost. */
export interface HostnameImpact {
  gateway: string;
  listener: string;
  port: number;
  /** `*` when the listener and route leave the host unrestricted. */
  hostname: string;
  routes: string[];
}

/** One condition whose status or reason changes. */
export interface ConditionChange {
  kind: 'GatewayClass' | 'Gateway' | 'Listener' | 'HTTPRoute' | 'GRPCRoute';
  /** Object key; listeners are `namespace/gateway#listener`; route parents add `→ parent`. */
  object: string;
  type: string;
  before?: { status: string; reason: string };
  after?: { status: string; reason: string; message: string };
}

/** Everything {@link changeImpact} reports. */
export interface ImpactReport {
  attached: Attachment[];
  detached: Attachment[];
  hostnamesGained: HostnameImpact[];
  hostnamesLost: HostnameImpact[];
  conditions: ConditionChange[];
  /** The status before and after, for deeper views (e.g. per-path routing differences). */
  before: EngineStatus;
  after: EngineStatus;
  /** The snapshot after the change. */
  snapshot: Snapshot;
}

/** Options: by default every GatewayClass's controller is analysed. */
export interface ImpactOptions {
  controllerNames?: string[];
  provisionedAddresses?: Record<string, string>;
}

/** Computes the impact of `change` on `snapshot` (nothing is modified). */
export function changeImpact(snapshot: Snapshot, change: ProposedChange, opts: ImpactOptions = {}): ImpactReport {
  const next = applyChange(snapshot, change);
  const controllerNames =
    opts.controllerNames ??
    [...new Set([...snapshot.gatewayClasses, ...next.gatewayClasses].map((c) => c.spec.controllerName))].sort();
  const o = {
    controllerNames,
    now: '1970-01-01T00:00:00Z',
    ...(opts.provisionedAddresses ? { provisionedAddresses: opts.provisionedAddresses } : {}),
  };
  const before = computeStatus(snapshot, o);
  const after = computeStatus(next, o);
  const id = (a: Attachment) => `${a.gateway}|${a.listener}|${a.routeKind}|${a.route}|${a.hostnames.join(',')}`;
  const beforeIds = new Set(before.attachments.map(id));
  const afterIds = new Set(after.attachments.map(id));
  const hb = servedHostnames(before.attachments);
  const ha = servedHostnames(after.attachments);
  return {
    attached: after.attachments.filter((a) => !beforeIds.has(id(a))),
    detached: before.attachments.filter((a) => !afterIds.has(id(a))),
    hostnamesGained: [...ha.entries()].filter(([k]) => !hb.has(k)).map(([, v]) => v),
    hostnamesLost: [...hb.entries()].filter(([k]) => !ha.has(k)).map(([, v]) => v),
    conditions: conditionChanges(before, after),
    before,
    after,
    snapshot: next,
  };
}

function servedHostnames(attachments: readonly Attachment[]): Map<string, HostnameImpact> {
  const out = new Map<string, HostnameImpact>();
  for (const a of attachments) {
    for (const h of a.hostnames.length > 0 ? a.hostnames : ['*']) {
      const k = `${a.gateway}|${a.listener}|${h}`;
      const cur = out.get(k) ?? { gateway: a.gateway, listener: a.listener, port: a.port, hostname: h, routes: [] };
      cur.routes.push(`${a.routeKind} ${a.route}`);
      out.set(k, cur);
    }
  }
  return new Map([...out.entries()].sort((x, y) => (x[0] < y[0] ? -1 : 1)));
}

type CondSet = Map<string, { kind: ConditionChange['kind']; object: string; c: Condition }>;

function flatten(st: EngineStatus): CondSet {
  const out: CondSet = new Map();
  const put = (kind: ConditionChange['kind'], object: string, conds: readonly Condition[] | undefined) => {
    for (const c of conds ?? []) out.set(`${kind}|${object}|${c.type}`, { kind, object, c });
  };
  for (const [k, s] of Object.entries(st.gatewayClasses)) put('GatewayClass', k, s.conditions);
  for (const [k, s] of Object.entries(st.gateways)) {
    put('Gateway', k, s.conditions);
    for (const l of s.listeners ?? []) put('Listener', `${k}#${l.name}`, l.conditions);
  }
  for (const [kind, map] of [
    ['HTTPRoute', st.httpRoutes],
    ['GRPCRoute', st.grpcRoutes],
  ] as const) {
    for (const [k, s] of Object.entries(map)) {
      for (const p of s.parents)
        put(
          kind,
          `${k} → ${p.parentRef.namespace ? `${p.parentRef.namespace}/` : ''}${p.parentRef.name}${p.parentRef.sectionName ? `#${p.parentRef.sectionName}` : ''}`,
          p.conditions,
        );
    }
  }
  return out;
}

function conditionChanges(before: EngineStatus, after: EngineStatus): ConditionChange[] {
  const b = flatten(before);
  const a = flatten(after);
  const out: ConditionChange[] = [];
  for (const key of [...new Set([...b.keys(), ...a.keys()])].sort()) {
    const x = b.get(key);
    const y = a.get(key);
    if (x && y && x.c.status === y.c.status && x.c.reason === y.c.reason) continue;
    const ref = (y ?? x) as NonNullable<typeof x>;
    const change: ConditionChange = { kind: ref.kind, object: ref.object, type: ref.c.type };
    if (x) change.before = { status: x.c.status, reason: x.c.reason };
    if (y) change.after = { status: y.c.status, reason: y.c.reason, message: y.c.message };
    out.push(change);
  }
  return out;
}
