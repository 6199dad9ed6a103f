import 'server-only';
import type { KubeConfig } from '@kubernetes/client-node';
import { kinds, type KindName } from '@/lib/model/kinds';
import { k8sRequest, K8sApiError } from './request';

interface APIResourceList {
  resources: Array<{ name: string; kind: string }>;
}

/** Which version of each kind this cluster serves; a kind missing from the map is not served. */
export type ServedVersions = Partial<Record<KindName, string>>;

/**
 * Asks the API which versions of the console's kinds it serves, the way kubectl does, so a cluster
 * with Gateway API v0.6 (v1beta1, no GRPCRoute) and one with v1.1 (v1) are both read correctly.
 */
export async function discoverServedVersions(config: KubeConfig): Promise<ServedVersions> {
  const byGroupVersion = new Map<string, Set<string> | null>();
  const resourcesOf = async (group: string, version: string): Promise<Set<string> | null> => {
    const key = `${group}/${version}`;
    if (!byGroupVersion.has(key)) {
      const path = group ? `/apis/${group}/${version}` : `/api/${version}`;
      try {
        const list = await k8sRequest<APIResourceList>(config, { path, timeoutMs: 5_000 });
        byGroupVersion.set(key, new Set(list.resources.map((r) => r.name)));
      } catch (err) {
        if (err instanceof K8sApiError && err.code === 404) byGroupVersion.set(key, null);
        else throw err;
      }
    }
    return byGroupVersion.get(key) ?? null;
  };
  const served: ServedVersions = {};
  for (const info of Object.values(kinds)) {
    for (const version of info.versions) {
      if ((await resourcesOf(info.group, version))?.has(info.plural)) {
        served[info.kind] = version;
        break;
      }
    }
  }
  return served;
}
