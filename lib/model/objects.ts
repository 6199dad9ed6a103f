/**
 * The object shapes the console passes from server to browser: Kubernetes objects as the API
 * returns them, minus managedFields and minus any Secret data.
 */
import type { KindName } from './kinds';

export interface ObjectMetaLite {
  name: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  [key: string]: unknown;
}

/** Any Kubernetes object as the console holds it. */
export interface K8sObject {
  apiVersion?: string;
  kind?: string;
  metadata: ObjectMetaLite;
  [key: string]: unknown;
}

/** One change seen by a watch, as pushed to the browser. */
export interface WatchEvent {
  kind: KindName;
  type: 'ADDED' | 'MODIFIED' | 'DELETED';
  /** `namespace/name`, or `name` for cluster-scoped kinds. */
  key: string;
  object: K8sObject;
}

/** The key the engine and the caches use for an object. */
export function keyOfObject(obj: { metadata: { name: string; namespace?: string } }): string {
  return obj.metadata.namespace ? `${obj.metadata.namespace}/${obj.metadata.name}` : obj.metadata.name;
}
