import 'server-only';
import type { TlsSecretManifest } from '@/lib/certs';
import { getClusterCache } from './cache/registry';
import { k8sRequest } from './request';

const secretPath = (namespace: string, name?: string) =>
  `/api/v1/namespaces/${encodeURIComponent(namespace)}/secrets${name ? `/${encodeURIComponent(name)}` : ''}`;

/** Creates a TLS Secret; an existing one of that name is a 409 AlreadyExists, never overwritten. */
export async function createSecret(manifest: TlsSecretManifest, context?: string): Promise<void> {
  const cache = await getClusterCache(context);
  await k8sRequest(cache.kubeConfig, {
    method: 'POST',
    path: secretPath(manifest.metadata.namespace),
    query: { fieldManager: 'portico' },
    body: manifest,
  });
}

/**
 * Replaces a Secret's data in place (rotation). The resourceVersion the user saw guards the write,
 * so a Secret changed meanwhile is a 409 Conflict instead of a silent overwrite.
 */
export async function replaceSecret(manifest: TlsSecretManifest, resourceVersion: string, context?: string): Promise<void> {
  const cache = await getClusterCache(context);
  const current = await k8sRequest<{ metadata: Record<string, unknown> }>(cache.kubeConfig, {
    path: secretPath(manifest.metadata.namespace, manifest.metadata.name),
  });
  const body = { ...manifest, metadata: { ...current.metadata, ...manifest.metadata, resourceVersion } };
  await k8sRequest(cache.kubeConfig, {
    method: 'PUT',
    path: secretPath(manifest.metadata.namespace, manifest.metadata.name),
    query: { fieldManager: 'portico' },
    body,
  });
}

/** Deletes a Secret, only if it is still the version the user saw. */
export async function deleteSecret(
  namespace: string,
  name: string,
  resourceVersion: string | undefined,
  context?: string,
): Promise<void> {
  const cache = await getClusterCache(context);
  const body = { kind: 'DeleteOptions', apiVersion: 'v1', ...(resourceVersion ? { preconditions: { resourceVersion } } : {}) };
  await k8sRequest(cache.kubeConfig, { method: 'DELETE', path: secretPath(namespace, name), body });
}
