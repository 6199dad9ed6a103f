/**
 * What the controller keeps of a watched object. Secrets become a summary (type and key names)
 * the moment they arrive, so key material never sits in the controller's memory; managedFields
 * are dropped from every kind because nothing here reads them.
 */
import type { KubernetesObject } from '@kubernetes/client-node';
import type { ResourceDef } from './resources';

/** A stored object: Kubernetes metadata plus whatever else the kind keeps. */
export type StoredObject = KubernetesObject & Record<string, unknown>;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Reduces one served object to what the controller keeps (see file comment). */
export function slimObject(def: Pick<ResourceDef, 'kind'>, obj: unknown): StoredObject {
  if (!isRecord(obj)) return { metadata: {} };
  const meta = isRecord(obj.metadata) ? { ...obj.metadata } : {};
  delete meta.managedFields;
  if (def.kind === 'Secret') {
    const keys = new Set([
      ...Object.keys(isRecord(obj.data) ? obj.data : {}),
      ...Object.keys(isRecord(obj.stringData) ? obj.stringData : {}),
    ]);
    return {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: meta,
      type: typeof obj.type === 'string' ? obj.type : 'Opaque',
      keys: [...keys].sort(),
    };
  }
  return { ...obj, metadata: meta };
}
