import 'server-only';
import type { KubeConfig } from '@kubernetes/client-node';
import { K8sApiError, k8sRequest } from './request';

/** Where a kind lives in the API: its plural resource and whether it is namespaced. */
export interface ResolvedResource {
  plural: string;
  namespaced: boolean;
}

/** The kind resolved, or the specific reason it is not served. */
export type ResolveResult = { ok: true; resource: ResolvedResource } | { ok: false; message: string };

interface ApiResourceList {
  resources: Array<{ name: string; kind: string; namespaced: boolean }>;
}

const ttlMs = 30_000;
const cache = new WeakMap<KubeConfig, Map<string, { at: number; list: ApiResourceList | null }>>();

/**
 * Finds the resource of apiVersion+kind through discovery, as kubectl does, so any kind the
 * cluster serves can be applied and one it does not serve gets a message naming what it does serve.
 * Discovery answers are kept for 30 s (CRDs come and go, e.g. when Gateway API is enabled).
 */
export async function resolveResource(config: KubeConfig, group: string, version: string, kind: string): Promise<ResolveResult> {
  const list = await groupVersion(config, group, version);
  const apiVersion = group ? `${group}/${version}` : version;
  if (!list) {
    const versions = group ? await servedVersions(config, group) : [];
    return {
      ok: false,
      message:
        versions.length > 0
          ? `${apiVersion} is not served by this cluster; ${group} is served as ${versions.join(', ')}. Change apiVersion to one of these.`
          : `The API group ${group || 'core'} is not served by this cluster (are its CRDs installed, e.g. Gateway API enabled?).`,
    };
  }
  const found = list.resources.find((r) => r.kind === kind && !r.name.includes('/'));
  if (!found) {
    const near = list.resources.find((r) => r.kind.toLowerCase() === kind.toLowerCase() && !r.name.includes('/'));
    return {
      ok: false,
      message: near
        ? `kind ${kind} is not served in ${apiVersion}; did you mean ${near.kind}? (kinds are case-sensitive)`
        : `kind ${kind} is not served in ${apiVersion} by this cluster.`,
    };
  }
  return { ok: true, resource: { plural: found.name, namespaced: found.namespaced } };
}

async function groupVersion(config: KubeConfig, group: string, version: string): Promise<ApiResourceList | null> {
  const key = `${group}/${version}`;
  let byConfig = cache.get(config);
  if (!byConfig) cache.set(config, (byConfig = new Map()));
  const hit = byConfig.get(key);
  if (hit && Date.now() - hit.at < ttlMs) return hit.list;
  let list: ApiResourceList | null;
  try {
    list = await k8sRequest<ApiResourceList>(config, {
      path: group ? `/apis/${group}/${version}` : `/api/${version}`,
      timeoutMs: 5_000,
    });
  } catch (err) {
    if (err instanceof K8sApiError && err.code === 404) list = null;
    else throw err;
  }
  byConfig.set(key, { at: Date.now(), list });
  return list;
}

async function servedVersions(config: KubeConfig, group: string): Promise<string[]> {
  try {
    const g = await k8sRequest<{ versions?: Array<{ version: string }> }>(config, { path: `/apis/${group}`, timeoutMs: 5_000 });
    return (g.versions ?? []).map((v) => v.version);
  } catch {
    return [];
  }
}

/** The object path of a resolved resource. */
export function objectPath(
  group: string,
  version: string,
  r: ResolvedResource,
  namespace: string | undefined,
  name: string,
): string {
  const base = group ? `/apis/${group}/${version}` : `/api/${version}`;
  const ns = r.namespaced ? `/namespaces/${encodeURIComponent(namespace ?? 'default')}` : '';
  return `${base}${ns}/${r.plural}/${encodeURIComponent(name)}`;
}
