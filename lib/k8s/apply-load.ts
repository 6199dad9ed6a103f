import 'server-only';
import { stringify } from 'yaml';
import { cleanObject } from '@/lib/authoring/classify';
import { objectRef } from '@/lib/authoring/types';
import { kinds, type KindName } from '@/lib/model/kinds';
import { getClusterCache } from './cache/registry';
import { describeError } from './errors';
import { K8sApiError, k8sRequest } from './request';
import type { K8sObject } from '@/lib/model/objects';

/** The context editors write to: the current one, or the kubeconfig's name for it when the cluster is down. */
export async function editContext(context?: string): Promise<string> {
  try {
    return (await getClusterCache(context)).context;
  } catch {
    return context ?? 'default';
  }
}

/** An object loaded for editing: clean YAML and the resourceVersion it was read at. */
export type LoadedObject =
  | { ok: true; context: string; yaml: string; ref: string; resourceVersion: string }
  | { ok: false; context: string; error: string; code?: number };

/**
 * Reads one object straight from the API (not the cache: the editor must start from the newest
 * resourceVersion), cleaned for editing.
 */
export async function loadForEdit(kind: KindName, namespace: string, name: string, context?: string): Promise<LoadedObject> {
  const ctx = await editContext(context);
  try {
    const cache = await getClusterCache(context);
    const info = kinds[kind];
    const version = cache.served[kind];
    if (!version) return { ok: false, context: ctx, error: `This cluster does not serve ${kind}.`, code: 404 };
    const base = info.group ? `/apis/${info.group}/${version}` : `/api/${version}`;
    const obj = await k8sRequest<K8sObject>(cache.kubeConfig, {
      path: `${base}${info.namespaced ? `/namespaces/${encodeURIComponent(namespace)}` : ''}/${info.plural}/${encodeURIComponent(name)}`,
    });
    return {
      ok: true,
      context: ctx,
      yaml: stringify(cleanObject(obj)),
      ref: objectRef(kind, info.namespaced ? namespace : undefined, name),
      resourceVersion: obj.metadata.resourceVersion ?? '',
    };
  } catch (err) {
    const code = err instanceof K8sApiError ? err.code : undefined;
    return {
      ok: false,
      context: ctx,
      error:
        code === 404
          ? `${kind} ${namespace}/${name} does not exist (deleted?). Go back to the list and pick another.`
          : `Could not load ${kind} ${namespace}/${name} for editing: ${describeError(err)}.`,
      ...(code ? { code } : {}),
    };
  }
}

/** The context and the apiVersion a new object of `kind` is written with (the version the cluster serves). */
export async function newObjectTarget(kind: KindName, context?: string): Promise<{ context: string; apiVersion: string }> {
  const ctx = await editContext(context);
  const info = kinds[kind];
  try {
    const version = (await getClusterCache(context)).served[kind] ?? info.versions[0] ?? 'v1';
    return { context: ctx, apiVersion: info.group ? `${info.group}/${version}` : version };
  } catch {
    return { context: ctx, apiVersion: `${info.group}/${info.versions[0] ?? 'v1'}` };
  }
}
