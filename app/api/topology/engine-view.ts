import 'server-only';
import { computeStatus } from '@/lib/gateway-api/compute-status';
import { buildTopology } from '@/lib/gateway-api/topology';
import type { EngineStatus, Snapshot } from '@/lib/gateway-api/types';
import { getClusterCache } from '@/lib/k8s/cache/registry';
import { snapshotOf } from '@/lib/k8s/snapshot';
import { viewOf } from '@/lib/topology/pipeline';
import type { TopologyData } from '@/lib/topology/types';
import { addUnattached } from '@/lib/topology/unattached';

/** The live snapshot of a context and the engine's status for every GatewayClass present. */
export async function engineInput(context?: string): Promise<{ context: string; snapshot: Snapshot; status: EngineStatus }> {
  const cache = await getClusterCache(context);
  const snapshot = snapshotOf(cache);
  // Every class present is drawn: a Gateway of a class no controller serves still shows, with its status.
  const controllerNames = [...new Set(snapshot.gatewayClasses.map((c) => c.spec.controllerName))];
  const status = computeStatus(snapshot, { controllerNames, now: new Date().toISOString() });
  return { context: cache.context, snapshot, status };
}

/**
 * The topology of a context: the engine's model plus detached routes and orphan Services.
 * With `focus`, only that node's upstream and downstream paths (computed here, so a detail
 * page of a large cluster receives a few dozen nodes, not thousands).
 */
export async function getTopology(context?: string, focus?: { focus: string; collapse?: boolean }): Promise<TopologyData> {
  const { context: name, snapshot, status } = await engineInput(context);
  const whole = addUnattached(buildTopology(snapshot, status), snapshot);
  const model = focus ? viewOf(whole, { focus: focus.focus, collapse: focus.collapse ?? false }) : whole;
  const namespaces = [...new Set(snapshot.namespaces.map((n) => n.metadata.name))].sort();
  const gateways = snapshot.gateways.map((g) => `${g.metadata.namespace ?? 'default'}/${g.metadata.name}`).sort();
  return { context: name, model, namespaces, gateways, computedAt: new Date().toISOString() };
}
