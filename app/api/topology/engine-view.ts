import 'server-only';
import { computeStatus } from '@/lib/gateway-api/compute-status';
import type { EngineStatus, Snapshot } from '@/lib/gateway-api/types';
import type { ClusterCache } from '@/lib/k8s/cache/cluster-cache';
import { getClusterCache } from '@/lib/k8s/cache/registry';
import { snapshotOf } from '@/lib/k8s/snapshot';
import type { KindName } from '@/lib/model/kinds';
import { viewOf, type PipelineOptions } from '@/lib/topology/pipeline';
import { wholeOf as wholeModelOf, type CompactModel } from '@/lib/topology/compact';
import { scopeKey, scopeModel, SERVER_SCOPE_LIMIT, type TopologyScope } from '@/lib/topology/scope';
import { compactTopology } from '@/lib/topology/compact-builder';
import { focusCompact, scopeCompact } from '@/lib/topology/scope-compact';
import type { TopologyData, ViewModel } from '@/lib/topology/types';

/** The live snapshot of a context and the engine's status for every GatewayClass present. */
export async function engineInput(context?: string): Promise<{ context: string; snapshot: Snapshot; status: EngineStatus }> {
  const cache = await getClusterCache(context);
  return { context: cache.context, ...statusOf(cache) };
}

function statusOf(cache: ClusterCache): { snapshot: Snapshot; status: EngineStatus } {
  const snapshot = snapshotOf(cache);
  const status = computeStatus(snapshot, { controllerNames: controllersOf(snapshot), now: new Date().toISOString() });
  return { snapshot, status };
}

/** Every class present is drawn: a Gateway of a class no controller serves still shows, with its status. */
function controllersOf(snapshot: Snapshot): string[] {
  return [...new Set(snapshot.gatewayClasses.map((c) => c.spec.controllerName))];
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
  /** The model of a small cluster, sent whole; a large one is kept compact (see lib/topology/compact.ts). */
  model?: ViewModel;
  compact?: CompactModel;
  namespaces: string[];
  gateways: string[];
  /** Scoped views already computed for this model, newest last (a reload or a second tab asks again). */
  views: Map<string, { model: ViewModel; scope: TopologyScope }>;
}

/** Scoped views remembered per model: the page's few filter states, each at most SUMMARY_NODE_CAP nodes. */
const VIEWS_KEPT = 8;

// One model per cache, recomputed only when a kind it reads changed: on a large cluster the engine's
// status and model cost seconds of CPU, and every filter change of a server-scoped view asks again.
// On globalThis: the page (server components) and the route handler are separate module instances
// in Next's build, and each kept its own model of the whole cluster (twice the memory, computed twice).
const wholeByCache = ((globalThis as { __porticoTopology?: WeakMap<ClusterCache, Whole> }).__porticoTopology ??= new WeakMap<
  ClusterCache,
  Whole
>());

function wholeOf(cache: ClusterCache): Whole {
  const key = MODEL_KINDS.map((k) => cache.revision(k)).join(',');
  const known = wholeByCache.get(cache);
  if (known?.key === key) return known;
  // Dropped first: while the new model is computed the old one need not stay alive too.
  wholeByCache.delete(cache);
  const snapshot = snapshotOf(cache);
  // Drawn straight into its compact form, one route at a time (lib/gateway-api/topology/draw-topology.ts):
  // the status of every route and a plain model of the whole cluster never live at once.
  const compact = compactTopology(snapshot, { controllerNames: controllersOf(snapshot), now: new Date().toISOString() });
  const whole: Whole = {
    key,
    ...(compact.nodes.length > SERVER_SCOPE_LIMIT ? { compact } : { model: wholeModelOf(compact) }),
    namespaces: [...new Set(snapshot.namespaces.map((n) => n.metadata.name))].sort(),
    gateways: snapshot.gateways.map((g) => `${g.metadata.namespace ?? 'default'}/${g.metadata.name}`).sort(),
    views: new Map(),
  };
  wholeByCache.set(cache, whole);
  return whole;
}

/** The scoped view of these options, remembered per model. */
function scopedView(whole: Whole, options: PipelineOptions): { model: ViewModel; scope: TopologyScope } {
  if (whole.model) return scopeModel(whole.model, options);
  const key = scopeKey(options);
  const known = whole.views.get(key);
  if (known) {
    whole.views.delete(key);
    whole.views.set(key, known);
    return known;
  }
  const view = scopeCompact(whole.compact as CompactModel, options);
  whole.views.set(key, view);
  for (const k of whole.views.keys()) if (whole.views.size > VIEWS_KEPT) whole.views.delete(k);
  return view;
}

/** The whole model, or one node's paths. */
function focusedView(whole: Whole, focus: { focus: string; collapse?: boolean } | undefined): ViewModel {
  const o = focus ? { focus: focus.focus, collapse: focus.collapse ?? false } : undefined;
  if (whole.model) return o ? viewOf(whole.model, o) : whole.model;
  const compact = whole.compact as CompactModel;
  return o ? focusCompact(compact, o.focus, o.collapse) : wholeModelOf(compact);
}

/**
 * The topology of a context: the engine's model plus detached routes and orphan Services.
 * With `focus`, only that node's upstream and downstream paths (computed here, so a detail
 * page of a large cluster receives a few dozen nodes, not thousands).
 */
export async function getTopology(context?: string, focus?: { focus: string; collapse?: boolean }): Promise<TopologyData> {
  const cache = await getClusterCache(context);
  const whole = wholeOf(cache);
  const model = focusedView(whole, focus);
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
  const { model, scope } = scopedView(whole, options);
  return {
    context: cache.context,
    model,
    namespaces: whole.namespaces,
    gateways: whole.gateways,
    computedAt: new Date().toISOString(),
    scope,
  };
}
