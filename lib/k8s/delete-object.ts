import 'server-only';
import type { DeletableKind, DeleteOutcome, DeletePreview } from '@/lib/model/delete';
import { collectionPath, kinds } from '@/lib/model/kinds';
import type { K8sObject } from '@/lib/model/objects';
import { getClusterCache } from './cache/registry';
import { deleteImpact } from './delete-impact';
import { K8sApiError, k8sRequest } from './request';

/** Which object: a namespaced Gateway API kind in a context (the browser's own when unset). */
export interface DeleteTarget {
  context?: string;
  kind: DeletableKind;
  namespace: string;
  name: string;
}

/** What deleting the object would affect, from the live cache; undefined when the object does not exist. */
export async function previewDelete(t: DeleteTarget): Promise<DeletePreview | undefined> {
  const cache = await getClusterCache(t.context);
  const object = cache.get(t.kind, `${t.namespace}/${t.name}`);
  if (!object) return undefined;
  const affected = deleteImpact(t.kind, object, {
    Gateway: cache.list('Gateway'),
    HTTPRoute: cache.list('HTTPRoute'),
    GRPCRoute: cache.list('GRPCRoute'),
    ReferenceGrant: cache.list('ReferenceGrant'),
  });
  return {
    context: cache.context,
    kind: t.kind,
    namespace: t.namespace,
    name: t.name,
    ...(object.metadata.resourceVersion ? { resourceVersion: object.metadata.resourceVersion } : {}),
    affected,
  };
}

/**
 * Deletes the object with the resourceVersion the user confirmed as a precondition (a newer version
 * is a 409, never deleted unseen), then reads it back: gone, or still terminating behind finalizers.
 */
export async function deleteFromCluster(t: DeleteTarget & { resourceVersion?: string }): Promise<DeleteOutcome> {
  const cache = await getClusterCache(t.context);
  const version = cache.served[t.kind];
  if (!version) throw new K8sApiError(404, 'NotFound', `This cluster does not serve ${t.kind}.`);
  const path = `${collectionPath(kinds[t.kind], version, t.namespace)}/${encodeURIComponent(t.name)}`;
  await k8sRequest(cache.kubeConfig, {
    method: 'DELETE',
    path,
    body: {
      kind: 'DeleteOptions',
      apiVersion: 'v1',
      propagationPolicy: 'Background',
      ...(t.resourceVersion ? { preconditions: { resourceVersion: t.resourceVersion } } : {}),
    },
  });
  try {
    const after = await k8sRequest<K8sObject>(cache.kubeConfig, { path });
    const raw = (after.metadata as { finalizers?: unknown }).finalizers;
    const finalizers = Array.isArray(raw) ? raw.filter((f): f is string => typeof f === 'string') : [];
    return { state: 'terminating', ...(finalizers.length ? { finalizers } : {}) };
  } catch (err) {
    if (err instanceof K8sApiError && err.code === 404) return { state: 'deleted' };
    throw err;
  }
}
