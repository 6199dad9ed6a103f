/**
 * Reading list and map semantics off a resource's OpenAPI schema, the way the structured-merge
 * machinery of kube-apiserver types objects: `x-kubernetes-list-type` (atomic | set | map) with
 * `x-kubernetes-list-map-keys`, `x-kubernetes-map-type`, and the strategic-merge-patch markers.
 * Without a schema, objects are granular maps and lists are atomic ("deduced" typing).
 */
import type { SchemaNode } from '../types';

/** How a list merges and how its items are named in a field set. */
export type ListSemantics = { kind: 'atomic' } | { kind: 'set' } | { kind: 'map'; keys: string[] };

/**
 * ObjectMeta as the built-in OpenAPI describes it. A CRD's schema only says `metadata: object`,
 * yet the real server types metadata of every kind with this, so labels merge per key, finalizers
 * are a set and owner references are keyed by uid for custom resources too.
 */
const OBJECT_META: SchemaNode = {
  type: 'object',
  properties: {
    labels: { type: 'object', additionalProperties: { type: 'string' } },
    annotations: { type: 'object', additionalProperties: { type: 'string' } },
    finalizers: {
      type: 'array',
      items: { type: 'string' },
      'x-kubernetes-list-type': 'set',
      'x-kubernetes-patch-strategy': 'merge',
    },
    ownerReferences: {
      type: 'array',
      items: { type: 'object', properties: { uid: { type: 'string' } } },
      'x-kubernetes-list-type': 'map',
      'x-kubernetes-list-map-keys': ['uid'],
      'x-kubernetes-patch-merge-key': 'uid',
      'x-kubernetes-patch-strategy': 'merge',
    },
  },
};

const withMetaCache = new WeakMap<SchemaNode, SchemaNode>();

/** The object schema with ObjectMeta's semantics filled in where the schema leaves metadata open. */
export function withObjectMeta(schema: SchemaNode | undefined): SchemaNode {
  if (!schema) return { type: 'object', properties: { metadata: OBJECT_META } };
  const cached = withMetaCache.get(schema);
  if (cached) return cached;
  const declared = schema.properties?.metadata;
  const metadata: SchemaNode = {
    ...OBJECT_META,
    ...declared,
    properties: { ...OBJECT_META.properties, ...declared?.properties },
  };
  const out: SchemaNode = { ...schema, properties: { ...schema.properties, metadata } };
  withMetaCache.set(schema, out);
  return out;
}

/** Properties declared directly or through `allOf` (structural schemas may split them). */
function findProperty(node: SchemaNode, key: string): SchemaNode | undefined {
  const direct = node.properties?.[key];
  if (direct) return direct;
  for (const part of node.allOf ?? []) {
    const found = findProperty(part, key);
    if (found) return found;
  }
  return undefined;
}

/** The schema of field `key` of an object node: a declared property, else `additionalProperties`. */
export function fieldSchema(node: SchemaNode | undefined, key: string): SchemaNode | undefined {
  if (!node) return undefined;
  const prop = findProperty(node, key);
  if (prop) return prop;
  return typeof node.additionalProperties === 'object' ? node.additionalProperties : undefined;
}

/** The schema of the items of an array node. */
export function itemSchema(node: SchemaNode | undefined): SchemaNode | undefined {
  return node?.items;
}

/** List semantics; CRDs default to atomic when `x-kubernetes-list-type` is absent. */
export function listSemantics(node: SchemaNode | undefined): ListSemantics {
  const t = node?.['x-kubernetes-list-type'];
  if (t === 'set') return { kind: 'set' };
  if (t === 'map') return { kind: 'map', keys: node?.['x-kubernetes-list-map-keys'] ?? [] };
  return { kind: 'atomic' };
}

/** Whether an object node is owned and replaced as a whole (`x-kubernetes-map-type: atomic`). */
export function isAtomicMap(node: SchemaNode | undefined): boolean {
  return node?.['x-kubernetes-map-type'] === 'atomic';
}

/** The default a map-list key field declares, used when an item omits that key. */
export function keyDefault(item: SchemaNode | undefined, key: string): SchemaNode['default'] {
  return fieldSchema(item, key)?.default;
}

/** Strategic merge patch markers of a node: whether lists merge, by which key, and retainKeys. */
export function patchStrategy(node: SchemaNode | undefined): { merge: boolean; retainKeys: boolean; mergeKey?: string } {
  const parts = (node?.['x-kubernetes-patch-strategy'] ?? '').split(',').map((s) => s.trim());
  return {
    merge: parts.includes('merge'),
    retainKeys: parts.includes('retainKeys'),
    mergeKey: node?.['x-kubernetes-patch-merge-key'],
  };
}
