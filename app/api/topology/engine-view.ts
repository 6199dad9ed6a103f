import 'server-only';
import { computeStatus } from '@/lib/gateway-api/compute-status';
import { buildTopology } from '@/lib/gateway-api/topology';
import type { EngineStatus, Snapshot } from '@/lib/gateway-api/types';
import type { ClusterCache } from '@/lib/k8s/cache/cluster-cache';
import { getClusterCache } from '@/lib/k8s/cache/registry';
import { snapshotOf } from '@/lib/k8s/snapshot';
import type { KindName } from '@/lib/model/kinds';
import { viewOf, type PipelineOptions } from '@/lib/topology/pipeline';
import { scopeModel } from '@/lib/topology/scope';
import type { TopologyData, ViewModel } from '@/lib/topology/types';
import { addUnattached } from '@/lib/topology/unattached';

/** The live snapshot of a context and the engine's status for every GatewayClass present. */
export async function engineInput(context?: string): Promise<{ context: string; snapshot: Snapshot; status: EngineStatus }> {
  const cache = await getClusterCache(context);
  return { context: cache.context, ...statusOf(cache) };
}

function statusOf(cache: ClusterCache): { snapshot: Snapshot; status: EngineStatus } {
  const snapshot = snapshotOf(cache);
  // Every class present is drawn: a Gateway of a class no controller serves still shows, with its status.
  const controllerNames = [...new Set(snapshot.gatewayClasses.map((c) => c.spec.controllerName))];
  const status = computeStatus(snapshot, { controllerNames, now: new Date().toISOString() });
  return { snapshot, status };
}

/** Kinds the engine's model reads: a change in any of them recomputes it. */
const MODEL_KINDS: KindName[] = [
  'GatewayClass',
  'Gateway',
  'HTTPRoute',
  'GRPCRoute',
  'ReferenceGrant',
  'Service',
  'EndpointSlice',
  'Secret',
  'Namespace',
  'ASMMeshConfig',
];

interface Whole {
  key: string;
  model: ViewModel;
  namespaces: string[];
  gateways: string[];
}

// One model per cache, recomputed only when a kind it reads changed: on a large cluster the engine's
// status and model cost seconds of CPU, and every filter change of a server-scoped view asks again.
const wholeByCache = new WeakMap<ClusterCache, Whole>();

function wholeOf(cache: ClusterCache): Whole {
  const key = MODEL_KINDS.map((k) => cache.revision(k)).join(',');
  const known = wholeByCache.get(cache);
  if (known?.key === key) return known;
  const { snapshot, status } = statusOf(cache);
  const whole: Whole = {
    key,
    model: addUnattached(buildTopology(snapshot, status), snapshot),
    namespaces: [...new Set(snapshot.namespaces.map((n) => n.metadata.name))].sort(),
    gateways: snapshot.gateways.map((g) => `${g.metadata.namespace ?? 'default'}/${g.metadata.name}`).sort(),
  };
  wholeByCache.set(cache, whole);
  return whole;
}

/**
 * The topology of a context: the engine's model plus detached routes and orphan Services.
 * With `focus`, only that node's upstream and downstream paths (computed here, so a detail
 * page of a large cluster receives a few dozen nodes, not thousands).
 */
export async function getTopology(context?: string, focus?: { focus: string; collapse?: boolean }): Promise<TopologyData> {
  const cache = await getClusterCache(context);
  const whole = wholeOf(cache);
  const model = focus ? viewOf(whole.model, { focus: focus.focus, collapse: focus.collapse ?? false }) : whole.model;
  return {
    context: cache.context,
    model,
    namespaces: whole.namespaces,
    gateways: whole.gateways,
    computedAt: new Date().toISOString(),
  };
}

/**
 * The topology page's data for these view options: the whole model when the browser can take it
 * (it filters and lays out itself), otherwise the view computed here and capped by Gateway, with
 * `scope` saying what was left out (see lib/topology/scope.ts).
 */
export async function getTopologyView(context: string | undefined, options: PipelineOptions): Promise<TopologyData> {
  const cache = await getClusterCache(context);
  const whole = wholeOf(cache);
  const { model, scope } = scopeModel(whole.model, options);
  return {
    context: cache.context,
    model,
    namespaces: whole.namespaces,
    gateways: whole.gateways,
    computedAt: new Date().toISOString(),
    scope,
  };
}
