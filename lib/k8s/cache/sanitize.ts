import 'server-only';
import type { K8sObject } from '@/lib/model/objects';

const lastApplied = 'kubectl.kubernetes.io/last-applied-configuration';

/**
 * Strips what must never leave the server or is only noise for a console: every Secret's data
 * (replaced by its key names, so checks like "has tls.key" still work) and managedFields.
 */
export function sanitize(obj: K8sObject): K8sObject {
  const { managedFields: _managed, ...metadata } = obj.metadata;
  if (obj.kind !== 'Secret') return { ...obj, metadata };
  const data = (obj.data ?? {}) as Record<string, unknown>;
  const { data: _data, stringData: _stringData, ...rest } = obj;
  // `kubectl apply` copies the whole Secret, data included, into this annotation.
  const { [lastApplied]: _lastApplied, ...annotations } = metadata.annotations ?? {};
  return { ...rest, metadata: { ...metadata, ...(metadata.annotations ? { annotations } : {}) }, keys: Object.keys(data).sort() };
}
