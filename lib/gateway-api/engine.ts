/**
 * Incremental engine: holds the cluster's objects and the last evaluation,
 * and after one route changes recomputes only what that route touches (its
 * own status, the attachedRoutes of the listeners it joins or leaves).
 * Any other kind changes Gateways, Services or grants that many routes
 * depend on, so it triggers a full recompute, done lazily on the next read.
 */
import { assembleStatus, evaluate, routeEvalKey, type ComputeStatusOptions, type Evaluation } from './compute-status';
import { gatewayStatus } from './gateway-status';
import { compareAttachments, evaluateRoute, routeStatus, type RouteEval } from './route-status';
import { addObject } from './snapshot-input';
import type { AnyRoute, Attachment, EngineStatus, RouteKind, Snapshot } from './types';
import { emptySnapshot, keyOf, objectKey } from './types';

/** Options of the {@link Engine}: `now` is read for every recompute. */
export type EngineOptions = Omit<ComputeStatusOptions, 'now' | 'previous'> & { now: () => string };

/** What one update changed, so a controller writes only those objects. */
export interface EngineChange {
  /** Gateway keys whose status changed. */
  gateways: string[];
  /** Route keys per kind whose status changed (or were removed). */
  routes: Array<{ kind: RouteKind; key: string }>;
  /** True when the update required a full recompute. */
  full: boolean;
}

/** Kinds the engine reads, with how they are stored in a {@link Snapshot}. */
const LISTS = {
  GatewayClass: 'gatewayClasses',
  Gateway: 'gateways',
  HTTPRoute: 'httpRoutes',
  GRPCRoute: 'grpcRoutes',
  ReferenceGrant: 'referenceGrants',
  Service: 'services',
  EndpointSlice: 'endpointSlices',
  Secret: 'secrets',
  Namespace: 'namespaces',
} as const satisfies Record<string, keyof Snapshot>;

type ListKind = keyof typeof LISTS;

/** Stateful, incremental wrapper around {@link evaluate} and {@link assembleStatus}. */
export class Engine {
  private objects = new Map<ListKind, Map<string, unknown>>();
  private meshConfig: Snapshot['meshConfig'];
  private ev: Evaluation | undefined;
  private current: EngineStatus | undefined;
  private dirty = true;

  constructor(
    private readonly opts: EngineOptions,
    initial?: Snapshot,
  ) {
    for (const kind of Object.keys(LISTS) as ListKind[]) this.objects.set(kind, new Map());
    if (initial) this.load(initial);
  }

  /** Replaces every object (e.g. after a relist). */
  load(snapshot: Snapshot): void {
    for (const [kind, list] of Object.entries(LISTS) as Array<[ListKind, keyof Snapshot]>) {
      const m = new Map<string, unknown>();
      for (const o of (snapshot[list] as Array<{ metadata: { name: string; namespace?: string } }> | undefined) ?? [])
        m.set(objectKey(o), o);
      this.objects.set(kind, m);
    }
    this.meshConfig = snapshot.meshConfig;
    this.dirty = true;
  }

  /** The objects as a snapshot (keys sorted, so evaluation order is canonical). */
  snapshot(): Snapshot {
    const s = emptySnapshot();
    for (const [kind, list] of Object.entries(LISTS) as Array<[ListKind, keyof Snapshot]>) {
      const m = this.objects.get(kind) ?? new Map<string, unknown>();
      (s[list] as unknown[]) = [...m.keys()].sort().map((k) => m.get(k));
    }
    if (this.meshConfig) s.meshConfig = this.meshConfig;
    return s;
  }

  /** The current status (recomputed in full first if a non-route object changed). */
  status(): EngineStatus {
    this.ensure();
    return this.current as EngineStatus;
  }

  /** The current evaluation, for topology and impact analysis. */
  evaluation(): Evaluation {
    this.ensure();
    return this.ev as Evaluation;
  }

  /** Creates or replaces an object of any supported kind. */
  upsert(obj: { kind?: string; metadata: { name: string; namespace?: string } }): EngineChange {
    if (obj.kind === 'HTTPRoute' || obj.kind === 'GRPCRoute') return this.routeChanged(obj.kind, objectKey(obj), obj as AnyRoute);
    const probe = emptySnapshot();
    addObject(probe, obj);
    const kind = obj.kind as ListKind;
    if (probe.meshConfig) this.meshConfig = probe.meshConfig;
    else if (LISTS[kind]) this.objects.get(kind)?.set(objectKey(obj), (probe[LISTS[kind]] as unknown[])[0]);
    return this.invalidate();
  }

  /** Deletes an object of any supported kind. */
  remove(kind: string, namespace: string | undefined, name: string): EngineChange {
    const key = keyOf(namespace, name);
    if (kind === 'HTTPRoute' || kind === 'GRPCRoute') return this.routeChanged(kind, key, undefined);
    if (kind === 'ASMMeshConfig') this.meshConfig = undefined;
    else this.objects.get(kind as ListKind)?.delete(key);
    return this.invalidate();
  }

  private invalidate(): EngineChange {
    const before = this.current;
    this.dirty = true;
    this.ensure();
    const after = this.current as EngineStatus;
    const gateways = [...new Set([...Object.keys(before?.gateways ?? {}), ...Object.keys(after.gateways)])].filter(
      (k) => JSON.stringify(before?.gateways[k]) !== JSON.stringify(after.gateways[k]),
    );
    const routes: EngineChange['routes'] = [];
    for (const [kind, field] of [
      ['HTTPRoute', 'httpRoutes'],
      ['GRPCRoute', 'grpcRoutes'],
    ] as const) {
      for (const k of new Set([...Object.keys(before?.[field] ?? {}), ...Object.keys(after[field])])) {
        if (JSON.stringify(before?.[field][k]) !== JSON.stringify(after[field][k])) routes.push({ kind, key: k });
      }
    }
    return { gateways: gateways.sort(), routes, full: true };
  }

  private ensure(): void {
    if (!this.dirty && this.ev && this.current) return;
    const snap = this.snapshot();
    const opts = { ...this.opts, now: this.opts.now(), previous: this.current };
    this.ev = evaluate(snap, opts);
    this.current = assembleStatus(this.ev, snap, opts);
    this.dirty = false;
  }

  /** The incremental path: one route's evaluation, its attachments and the affected Gateways. */
  private routeChanged(kind: RouteKind, key: string, route: AnyRoute | undefined): EngineChange {
    const routes = this.objects.get(kind) as Map<string, unknown>;
    if (route) routes.set(key, route);
    else routes.delete(key);
    if (this.dirty) {
      const change = this.invalidate();
      return change;
    }
    const ev = this.ev as Evaluation;
    const status = this.current as EngineStatus;
    const now = this.opts.now();
    const id = routeEvalKey(kind, key);
    const old = ev.routes.get(id);
    const next: RouteEval | undefined = route
      ? evaluateRoute(route, kind, key, ev.gateways, ev.index, this.opts.controllerNames[0])
      : undefined;
    if (next) ev.routes.set(id, next);
    else ev.routes.delete(id);
    const field = kind === 'HTTPRoute' ? 'httpRoutes' : 'grpcRoutes';
    const prevStatus = status[field][key];
    if (next && next.parents.length > 0) {
      status[field][key] = routeStatus(next, now, prevStatus ?? route?.status);
      status.backends[kind][key] = next.rules;
    } else {
      delete status[field][key];
      delete status.backends[kind][key];
    }
    const touched = new Set([...(old?.attachments ?? []), ...(next?.attachments ?? [])].map((a) => a.gateway));
    status.attachments = replaceAttachments(status.attachments, old?.attachments ?? [], next?.attachments ?? []);
    const changedGateways: string[] = [];
    for (const gwKey of [...touched].sort()) {
      const gw = ev.gateways.get(gwKey);
      if (!gw) continue;
      const counts = new Map<string, number>();
      for (const a of attachmentsOf(status.attachments, gwKey)) counts.set(a.listener, (counts.get(a.listener) ?? 0) + 1);
      const before = status.gateways[gwKey];
      status.gateways[gwKey] = gatewayStatus(gw, counts, now, before);
      if (JSON.stringify(before) !== JSON.stringify(status.gateways[gwKey])) changedGateways.push(gwKey);
    }
    const routeChanged = JSON.stringify(prevStatus) !== JSON.stringify(status[field][key]);
    return { gateways: changedGateways, routes: routeChanged ? [{ kind, key }] : [], full: false };
  }
}

/** Removes `old` and inserts `added` in a sorted attachment list, keeping it sorted. */
function replaceAttachments(list: Attachment[], old: readonly Attachment[], added: readonly Attachment[]): Attachment[] {
  const drop = new Set(old);
  const out = drop.size > 0 ? list.filter((a) => !drop.has(a)) : [...list];
  for (const a of added) out.splice(lowerBound(out, a), 0, a);
  return out;
}

function lowerBound(list: readonly Attachment[], a: Attachment): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compareAttachments(list[mid] as Attachment, a) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The contiguous run of attachments of one Gateway (the list is sorted by gateway first). */
function attachmentsOf(list: readonly Attachment[], gateway: string): Attachment[] {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((list[mid] as Attachment).gateway < gateway) lo = mid + 1;
    else hi = mid;
  }
  const out: Attachment[] = [];
  for (let i = lo; i < list.length && (list[i] as Attachment).gateway === gateway; i++) out.push(list[i] as Attachment);
  return out;
}
