/**
 * Object metadata and conditions shared by every kind the engine reads.
 *
 * Only the fields the engine needs are modelled; everything else in a real
 * object is ignored (extra properties are allowed structurally).
 */

/** Kubernetes `metav1.ObjectMeta`, reduced to what the engine uses. */
export interface ObjectMeta {
  name: string;
  namespace?: string;
  uid?: string;
  generation?: number;
  resourceVersion?: string;
  /** RFC 3339; used for the spec's "oldest wins" tie-breaks. */
  creationTimestamp?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

/** Kubernetes `metav1.Condition` (the shape every Gateway API status uses). */
export interface Condition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason: string;
  message: string;
  observedGeneration?: number;
  /** RFC 3339; kept from the previous status when `status` did not change. */
  lastTransitionTime: string;
}

/** `metav1.LabelSelectorRequirement`. */
export interface LabelSelectorRequirement {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
  values?: string[];
}

/** `metav1.LabelSelector`: both parts must match (AND). */
export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: LabelSelectorRequirement[];
}

/** Any object with metadata; the minimum `objectKey` needs. */
export interface HasMetadata {
  metadata: Pick<ObjectMeta, 'name' | 'namespace'>;
}

/**
 * The engine's key for an object: `namespace/name` for namespaced objects,
 * `name` for cluster-scoped ones (GatewayClass, Namespace).
 */
export function objectKey(obj: HasMetadata): string {
  const ns = obj.metadata.namespace;
  return ns ? `${ns}/${obj.metadata.name}` : obj.metadata.name;
}

/** Builds the same key as {@link objectKey} from parts. */
export function keyOf(namespace: string | undefined, name: string): string {
  return namespace ? `${namespace}/${name}` : name;
}
