/**
 * A compact vocabulary for writing the built-in kinds' schemas as data. Each helper returns a
 * plain {@link SchemaNode}; `named` additionally records the Kubernetes OpenAPI component name of
 * a node (`io.k8s.api.core.v1.ServicePort`) so the OpenAPI documents can publish it as a shared
 * `$ref`, which is what `kubectl explain` prints as a field's type (`<[]ServicePort>`).
 */
import type { Json, SchemaNode } from '../types';

const componentNames = new WeakMap<SchemaNode, string>();

/** Records `name` as the OpenAPI component name of `node` and returns the node unchanged. */
export function named(name: string, node: SchemaNode): SchemaNode {
  componentNames.set(node, name);
  return node;
}

/** The component name recorded by {@link named}, if any. */
export function componentNameOf(node: SchemaNode): string | undefined {
  return componentNames.get(node);
}

type Extra = Partial<SchemaNode>;

/** A string field. */
export const str = (description: string, extra: Extra = {}): SchemaNode => ({ type: 'string', description, ...extra });

/** A string field restricted to `values` (Kubernetes publishes these as `enum`). */
export const oneOfStr = (description: string, values: string[], extra: Extra = {}): SchemaNode => ({
  type: 'string',
  description,
  enum: values,
  ...extra,
});

/** An int32 field. */
export const int32 = (description: string, extra: Extra = {}): SchemaNode => ({
  type: 'integer',
  format: 'int32',
  description,
  ...extra,
});

/** An int64 field. */
export const int64 = (description: string, extra: Extra = {}): SchemaNode => ({
  type: 'integer',
  format: 'int64',
  description,
  ...extra,
});

/** A boolean field. */
export const bool = (description: string, extra: Extra = {}): SchemaNode => ({ type: 'boolean', description, ...extra });

/** A `metav1.Time`: RFC 3339 string. */
export const time = (description: string): SchemaNode => ({ type: 'string', format: 'date-time', description });

/** An `intstr.IntOrString`, published by Kubernetes as `type: string, format: int-or-string`. */
export const intOrString = (description: string): SchemaNode => ({
  type: 'string',
  format: 'int-or-string',
  'x-kubernetes-int-or-string': true,
  description,
});

/** A `map[string]string`; granular unless `atomic`. */
export const strMap = (description: string, atomic = false): SchemaNode => ({
  type: 'object',
  description,
  additionalProperties: { type: 'string', default: '' },
  ...(atomic ? { 'x-kubernetes-map-type': 'atomic' as const } : {}),
});

/** A `map[string][]byte` (base64 strings). */
export const bytesMap = (description: string): SchemaNode => ({
  type: 'object',
  description,
  additionalProperties: { type: 'string', format: 'byte' },
});

/** An object with the given properties. */
export const obj = (description: string, properties: Record<string, SchemaNode>, extra: Extra = {}): SchemaNode => ({
  type: 'object',
  description,
  properties,
  ...extra,
});

/** An `atomic` list (replaced as a whole by every kind of patch). */
export const atomicList = (description: string, items: SchemaNode, extra: Extra = {}): SchemaNode => ({
  type: 'array',
  description,
  items,
  'x-kubernetes-list-type': 'atomic',
  ...extra,
});

/** A `set` list of strings (strategic merge patch merges its values). */
export const stringSet = (description: string, extra: Extra = {}): SchemaNode => ({
  type: 'array',
  description,
  items: { type: 'string', default: '' },
  'x-kubernetes-list-type': 'set',
  ...extra,
});

/** An atomic list of strings. */
export const stringList = (description: string, extra: Extra = {}): SchemaNode =>
  atomicList(description, { type: 'string', default: '' }, extra);

/**
 * A `map` list keyed by `keys`; when `mergeKey` is given it also carries the strategic merge
 * patch metadata (`patchStrategy:"merge" patchMergeKey:...`) the Go type declares.
 */
export const mapList = (description: string, items: SchemaNode, keys: string[], mergeKey?: string): SchemaNode => ({
  type: 'array',
  description,
  items,
  'x-kubernetes-list-type': 'map',
  'x-kubernetes-list-map-keys': keys,
  ...(mergeKey ? { 'x-kubernetes-patch-merge-key': mergeKey, 'x-kubernetes-patch-strategy': 'merge' } : {}),
});

/** Adds `default` to a node (kept apart so the helpers above stay short). */
export const withDefault = (node: SchemaNode, value: Json): SchemaNode => ({ ...node, default: value });
