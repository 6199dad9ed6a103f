import 'server-only';
import { computeStatus } from '@/lib/gateway-api/compute-status';
import type { EngineStatus, Gateway, ParentReference, RouteStatus } from '@/lib/gateway-api/types';
import { healthOf, type StatusCondition } from '@/lib/model/conditions';
import type { ConditionComparison, EventView, ObjectDetails, RelatedObject } from '@/lib/model/details';
import { collectionPath, kinds, type KindName } from '@/lib/model/kinds';
import type { K8sObject } from '@/lib/model/objects';
import { parentText } from '@/lib/model/summaries';
import type { ClusterCache } from './cache/cluster-cache';
import { sanitize } from './cache/sanitize';
import { getClusterCache } from './cache/registry';
import { duplicateGatewaysFor } from './cluster-roles';
import { compareConditions } from './compare-conditions';
import { duplicateGatewayMessage } from './context-choice';
import { describeError } from './errors';
import { k8sRequest } from './request';
import { snapshotOf } from './snapshot';
import { withCertificateChecks } from './certificates';

type Conds = StatusCondition[] | undefined;

/** Everything a detail page shows, or undefined when the object does not exist. */
export async function getObjectDetails(
  kind: KindName,
  namespace: string | undefined,
  name: string,
  context?: string,
): Promise<ObjectDetails | undefined> {
  const cache = await getClusterCache(context);
  const key = namespace ? `${namespace}/${name}` : name;
  const object = cache.get(kind, key) ?? (await awaitFromApi(cache, kind, namespace, name, key));
  if (!object) return undefined;
  const analysis = analyse(cache, object);
  const conditions =
    kind === 'Gateway'
      ? gatewayConditions(object, analysis)
      : kind === 'HTTPRoute' || kind === 'GRPCRoute'
        ? routeConditions(kind, object, analysis)
        : plainConditions(object);
  return {
    kind,
    context: cache.context,
    object,
    ...(object.metadata.generation ? { generation: object.metadata.generation } : {}),
    conditions,
    related:
      kind === 'Gateway'
        ? await withCertificateChecks(cache, object, gatewayRelated(cache, object))
        : kind === 'HTTPRoute' || kind === 'GRPCRoute'
          ? routeRelated(cache, object)
          : [],
    events: await events(cache, kind, object).catch(() => []),
    ...(analysis ? {} : { analysisNote: 'Portico has no analysis for this object: its GatewayClass is unknown.' }),
    ...(kind === 'Gateway' ? await multiClusterWarnings(cache, key) : {}),
  };
}

/**
 * An object the live cache has not seen yet (created a moment ago, e.g. with kubectl, and the
 * watch event is still on its way): ask the API, and when it exists give the cache a moment to
 * catch up so the analysis sees it too. Only a 404 from the API means "not found".
 */
async function awaitFromApi(
  cache: ClusterCache,
  kind: KindName,
  namespace: string | undefined,
  name: string,
  key: string,
): Promise<K8sObject | undefined> {
  const version = cache.served[kind];
  if (!version) return undefined;
  let fetched: K8sObject;
  try {
    fetched = await k8sRequest<K8sObject>(cache.kubeConfig, {
      path: `${collectionPath(kinds[kind], version, namespace)}/${encodeURIComponent(name)}`,
    });
  } catch {
    return undefined;
  }
  for (let waited = 0; waited < 3000; waited += 100) {
    const cached = cache.get(kind, key);
    if (cached) return cached;
    await new Promise((r) => setTimeout(r, 100));
  }
  // The same reduction the cache applies on arrival (Secret data, last-applied annotation).
  return sanitize(fetched);
}

/** ASM merges data planes' Gateways by namespace/name: the same one in two clusters is overwritten by the last applied. */
async function multiClusterWarnings(cache: ClusterCache, key: string): Promise<{ warnings?: string[] }> {
  const others = (await duplicateGatewaysFor(cache).catch(() => new Map<string, string[]>())).get(key);
  return others ? { warnings: [duplicateGatewayMessage(key, others)] } : {};
}

/** The engine's status for the whole cluster, as the object's own controller would compute it. */
function analyse(cache: ClusterCache, object: K8sObject): EngineStatus | undefined {
  const controllers = [
    ...new Set(cache.list('GatewayClass').map((c) => String((c.spec as { controllerName?: string }).controllerName ?? ''))),
  ].filter(Boolean);
  if (controllers.length === 0 || !object) return undefined;
  return computeStatus(snapshotOf(cache), { controllerNames: controllers, now: new Date().toISOString() });
}

function gatewayConditions(gw: K8sObject, analysis: EngineStatus | undefined): ConditionComparison[] {
  const key = `${gw.metadata.namespace}/${gw.metadata.name}`;
  const cluster = gw.status as { conditions?: Conds; listeners?: Array<{ name: string; conditions?: Conds }> } | undefined;
  const mine = analysis?.gateways[key];
  const gen = gw.metadata.generation;
  const rows = compareConditions('Gateway', cluster?.conditions, mine?.conditions, gen);
  const listeners = new Set([...(cluster?.listeners ?? []).map((l) => l.name), ...(mine?.listeners ?? []).map((l) => l.name)]);
  for (const l of listeners) {
    rows.push(
      ...compareConditions(
        `listener ${l}`,
        cluster?.listeners?.find((x) => x.name === l)?.conditions,
        mine?.listeners?.find((x) => x.name === l)?.conditions,
        gen,
      ),
    );
  }
  return rows;
}

function routeConditions(
  kind: 'HTTPRoute' | 'GRPCRoute',
  route: K8sObject,
  analysis: EngineStatus | undefined,
): ConditionComparison[] {
  const key = `${route.metadata.namespace}/${route.metadata.name}`;
  const cluster = (route.status as RouteStatus | undefined)?.parents ?? [];
  const mine = (kind === 'HTTPRoute' ? analysis?.httpRoutes[key] : analysis?.grpcRoutes[key])?.parents ?? [];
  const same = (a: ParentReference, b: ParentReference) =>
    a.name === b.name &&
    (a.namespace ?? route.metadata.namespace) === (b.namespace ?? route.metadata.namespace) &&
    a.sectionName === b.sectionName &&
    a.port === b.port;
  const refs = [...cluster.map((p) => p.parentRef), ...mine.map((p) => p.parentRef)].filter(
    (r, i, all) => all.findIndex((x) => same(x, r)) === i,
  );
  return refs.flatMap((ref) =>
    compareConditions(
      `parent ${parentText(ref, route.metadata.namespace)}`,
      cluster.find((p) => same(p.parentRef, ref))?.conditions,
      mine.find((p) => same(p.parentRef, ref))?.conditions,
      route.metadata.generation,
    ),
  );
}

function plainConditions(obj: K8sObject): ConditionComparison[] {
  return compareConditions(
    obj.kind ?? 'Object',
    (obj.status as { conditions?: Conds } | undefined)?.conditions,
    undefined,
    obj.metadata.generation,
  );
}

function references(route: K8sObject, gw: K8sObject): ParentReference[] {
  const refs = ((route.spec as { parentRefs?: ParentReference[] }).parentRefs ?? []).filter(
    (p) =>
      (p.kind ?? 'Gateway') === 'Gateway' &&
      p.name === gw.metadata.name &&
      (p.namespace ?? route.metadata.namespace) === gw.metadata.namespace,
  );
  return refs;
}

function gatewayRelated(cache: ClusterCache, gw: K8sObject): RelatedObject[] {
  const out: RelatedObject[] = [];
  for (const kind of ['HTTPRoute', 'GRPCRoute'] as const) {
    for (const r of cache.list(kind)) {
      for (const ref of references(r, gw)) {
        const status = ((r.status as RouteStatus | undefined)?.parents ?? []).find(
          (p) => p.parentRef.name === ref.name && p.parentRef.sectionName === ref.sectionName,
        );
        out.push({
          kind,
          namespace: r.metadata.namespace,
          name: r.metadata.name,
          href: `/routes/${kind === 'HTTPRoute' ? 'http' : 'grpc'}/${r.metadata.namespace}/${r.metadata.name}`,
          relation: ref.sectionName ? `attached to listener ${ref.sectionName}` : 'attached to all listeners',
          state: healthOf(status?.conditions, ['Accepted', 'ResolvedRefs'], r.metadata.generation),
        });
      }
    }
  }
  const spec = gw.spec as Gateway['spec'];
  for (const l of spec.listeners ?? []) {
    for (const c of l.tls?.certificateRefs ?? []) {
      const ns = c.namespace ?? gw.metadata.namespace ?? '';
      out.push({
        kind: 'Secret',
        namespace: ns,
        name: c.name,
        href: `/certificates?q=${encodeURIComponent(c.name)}`,
        relation: `certificate of listener ${l.name}`,
        ...(cache.get('Secret', `${ns}/${c.name}`) ? {} : { state: 'error' as const, note: 'not found' }),
      });
    }
  }
  return out;
}

function routeRelated(cache: ClusterCache, route: K8sObject): RelatedObject[] {
  const spec = route.spec as {
    parentRefs?: ParentReference[];
    rules?: Array<{ backendRefs?: Array<{ name: string; namespace?: string; kind?: string; port?: number }> }>;
  };
  const out: RelatedObject[] = (spec.parentRefs ?? []).map((p) => {
    const ns = p.namespace ?? route.metadata.namespace ?? '';
    const exists = cache.get('Gateway', `${ns}/${p.name}`);
    return {
      kind: p.kind ?? 'Gateway',
      namespace: ns,
      name: p.name,
      href: `/gateways/${ns}/${p.name}`,
      relation: p.sectionName ? `parent (listener ${p.sectionName})` : 'parent',
      ...(exists ? {} : { state: 'error' as const, note: 'not found' }),
    };
  });
  const seen = new Set<string>();
  for (const rule of spec.rules ?? []) {
    for (const b of rule.backendRefs ?? []) {
      const ns = b.namespace ?? route.metadata.namespace ?? '';
      const id = `${b.kind ?? 'Service'}/${ns}/${b.name}:${b.port ?? ''}`;
      if (seen.has(id)) continue;
      seen.add(id);
      const svc = (b.kind ?? 'Service') === 'Service' ? cache.get('Service', `${ns}/${b.name}`) : undefined;
      out.push({
        kind: b.kind ?? 'Service',
        namespace: ns,
        name: b.name,
        relation: `backend${b.port ? ` port ${b.port}` : ''}`,
        ...(svc ? { state: 'ok' as const } : { state: 'error' as const, note: 'not found' }),
      });
    }
  }
  return out;
}

interface CoreEvent {
  type?: string;
  reason?: string;
  message?: string;
  count?: number;
  lastTimestamp?: string;
  eventTime?: string;
  source?: { component?: string };
  involvedObject?: { kind?: string; name?: string };
}

async function events(cache: ClusterCache, kind: string, obj: K8sObject): Promise<EventView[]> {
  const ns = obj.metadata.namespace;
  const path = ns ? `/api/v1/namespaces/${ns}/events` : '/api/v1/events';
  const list = await k8sRequest<{ items: CoreEvent[] }>(cache.kubeConfig, {
    path,
    query: { fieldSelector: `involvedObject.name=${obj.metadata.name}` },
    timeoutMs: 5_000,
  });
  return list.items
    .filter((e) => e.involvedObject?.name === obj.metadata.name && (!e.involvedObject?.kind || e.involvedObject.kind === kind))
    .map((e) => ({
      type: e.type ?? 'Normal',
      reason: e.reason ?? '',
      message: e.message ?? '',
      count: e.count ?? 1,
      ...(e.lastTimestamp || e.eventTime ? { lastSeen: e.lastTimestamp ?? e.eventTime } : {}),
      ...(e.source?.component ? { source: e.source.component } : {}),
    }));
}

/** getObjectDetails for a page: undefined when missing, a message instead of a throw on failure. */
export async function loadDetails(
  kind: KindName,
  namespace: string | undefined,
  name: string,
): Promise<ObjectDetails | { error: string } | undefined> {
  try {
    return await getObjectDetails(kind, namespace, name);
  } catch (err) {
    return { error: `Reading ${kind} ${namespace ? `${namespace}/` : ''}${name} failed: ${describeError(err)}` };
  }
}
