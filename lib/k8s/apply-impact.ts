import 'server-only';
import { changeImpact, type ImpactReport } from '@/lib/gateway-api';
import type { ImpactSummary } from '@/lib/authoring/types';
import type { K8sObject } from '@/lib/model/objects';
import { getClusterCache } from './cache/registry';
import { snapshotOf } from './snapshot';

/**
 * The engine's change impact of applying `objects` (the dry run's answers) to the live cluster:
 * attachments gained and lost, hostnames that start or stop being served, conditions that change.
 * Only the summary crosses to the browser; the full statuses stay here.
 */
export async function impactOfApply(context: string | undefined, objects: readonly K8sObject[]): Promise<ImpactSummary> {
  const cache = await getClusterCache(context);
  // The engine reads spec and metadata; the server's answers carry old status, which it must not trust.
  const proposed = objects.map(({ status: _status, ...rest }) => rest);
  return summarize(changeImpact(snapshotOf(cache), { apply: proposed, delete: [] }));
}

/** The serializable part of an impact report. */
export function summarize(r: ImpactReport): ImpactSummary {
  const att = (a: ImpactReport['attached'][number]) => ({
    gateway: a.gateway,
    listener: a.listener,
    route: a.route,
    routeKind: a.routeKind,
    hostnames: [...a.hostnames],
  });
  return {
    attached: r.attached.map(att),
    detached: r.detached.map(att),
    hostnamesGained: r.hostnamesGained.map((h) => ({ ...h, routes: [...h.routes] })),
    hostnamesLost: r.hostnamesLost.map((h) => ({ ...h, routes: [...h.routes] })),
    conditions: r.conditions.map((c) => ({ ...c })),
  };
}
